import { DateTime } from 'luxon';
import { parseAudit } from '../../../src/domain/commands/parsers/audit.parser';

const ctx = { now: DateTime.fromISO('2026-12-03T10:30:00Z', { zone: 'utc' }), zone: 'Europe/Paris' };
const iso = (value: DateTime | undefined) => value?.toUTC().toISO();

describe('audit [user|role] [<name>] [since <date|duration>]', () => {
  test.each([
    ['', {}],
    ['Alex Morgan', { subject: { text: 'Alex Morgan' } }],
    ['user alex@contoso.com', { subject: { text: 'alex@contoso.com', kind: 'user' } }],
    ['role "Global Reader"', { subject: { text: 'Global Reader', kind: 'role' } }],
  ])('"%s"', (args, expected) => {
    expect(parseAudit(args, ctx)).toEqual({ kind: 'audit', ...expected });
  });

  test.each([
    ['since 7d', '2026-11-26T10:30:00.000Z'],
    ['since 2 hours', '2026-12-03T08:30:00.000Z'],
    ['since today', '2026-12-02T23:00:00.000Z'],
    ['since yesterday', '2026-12-01T23:00:00.000Z'],
    ['since 2026-11-30', '2026-11-29T23:00:00.000Z'],
    ['since 30 Nov', '2026-11-29T23:00:00.000Z'],
    ['since Dec 25', '2025-12-24T23:00:00.000Z'],
  ])('"%s" starts at the right instant in the reader’s zone', (args, expected) => {
    expect(iso(parseAudit(`Global Reader ${args}`, ctx).since)).toBe(expected);
  });

  test.each([
    ['since', /missing how far back/],
    ['since soonish', /neither a duration nor a date/],
    ['since 2027-01-01', /in the future/],
    ['since 2020-01-01', /more than 400 days/],
    ['user', /Say which user/],
    [`role ${'x'.repeat(300)}`, /300 characters long/],
  ])('"%s" is refused, saying why', (args, message) => {
    expect(() => parseAudit(args, ctx)).toThrow(message);
  });
});
