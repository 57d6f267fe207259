import { DateTime } from 'luxon';
import { compileTicketPattern, type Command } from '../../../src/domain/commands';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parseCommand = useBotCommandParser();

const ctx = {
  now: DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' }),
  zone: 'Europe/Berlin', // 10:15 local
  shiftEnd: '18:00',
};

function plain(command: Command): Record<string, unknown> {
  const out: Record<string, unknown> = { ...command };
  if ('duration' in command && command.duration) out.duration = command.duration.as('minutes');
  if ('by' in command && command.by) out.by = command.by.as('minutes');
  if ('start' in command && command.start) out.start = command.start.toISO();
  return out;
}

const parse = (text: string, context: Parameters<typeof parseCommand>[1] = ctx) =>
  plain(parseCommand(text, context));

describe('the 3 a.m. grammar', () => {
  it.each([
    [
      'activate exchange admin 2h prod mail outage INC-5521',
      {
        roles: ['exchange admin'],
        duration: 120,
        justification: 'prod mail outage',
        ticket: 'INC-5521',
        reasonImplicit: true,
      },
    ],
    ['activate GA for 90m', { roles: ['GA'], duration: 90 }],
    ['activate GA 1.5h', { roles: ['GA'], duration: 90 }],
    ['activate GA until 18:00', { roles: ['GA'], duration: 465, untilText: '18:00' }],
    ['activate GA till 6pm', { roles: ['GA'], duration: 465, untilText: '6pm' }],
    [
      'activate GA till end of shift because patching',
      { roles: ['GA'], duration: 465, untilText: 'end of shift', justification: 'patching' },
    ],
    ['activate GA until 02:00', { roles: ['GA'], duration: 945, untilText: '02:00' }],
    [
      'activate GA at 21:00 until 23:30',
      {
        roles: ['GA'],
        duration: 150,
        untilText: '23:30',
        start: '2026-11-22T20:00:00.000Z',
        startText: 'at 21:00',
      },
    ],
    [
      'activate GA INC-1 prod outage for 2h',
      { roles: ['GA'], duration: 120, ticket: 'INC-1', justification: 'prod outage', reasonImplicit: true },
    ],
    [
      'activate GA inc-7 until 18:00 reason outage',
      { roles: ['GA'], duration: 465, untilText: '18:00', ticket: 'inc-7', justification: 'outage' },
    ],
    [
      'activate GA because fixing INC-5521 fallout',
      { roles: ['GA'], justification: 'fixing INC-5521 fallout', ticket: 'INC-5521' },
    ],
    [
      'activate GA 2h because outage INC-9',
      { roles: ['GA'], duration: 120, justification: 'outage', ticket: 'INC-9' },
    ],
    [
      'activate GA for 2h please',
      { roles: ['GA'], duration: 120, justification: 'please', reasonImplicit: true },
    ],
  ])('%j', (input, expected) => {
    expect(parse(input)).toEqual({ kind: 'activate', ...expected });
  });

  it('keeps a role name whose words could be a reason whole, for the bot to settle against the roles', () => {
    expect(parse('activate exchange admin prod mail outage')).toEqual({
      kind: 'activate',
      roles: ['exchange admin prod mail outage'],
    });
  });

  it('recognises tickets by the tenant pattern (TICKET_PATTERN) and not otherwise', () => {
    const chg = { ...ctx, ticketPattern: compileTicketPattern('CHG\\d{7}') };
    expect(parse('activate GA 1h CHG0012345 db patch', chg)).toMatchObject({
      ticket: 'CHG0012345',
      justification: 'db patch',
    });
    expect(parse('activate GA 1h INC-5521 db patch', chg)).toMatchObject({
      justification: 'INC-5521 db patch',
    });
    expect(parse('activate GA 1h INC-5521 db patch', chg)).not.toHaveProperty('ticket');
  });

  it.each([
    ['activate GA until lunch', ErrorCodes.DurationInvalid, '"lunch" is not a clock time'],
    [
      'activate GA for 2h until 18:00',
      ErrorCodes.CommandInvalid,
      'Give either a duration ("for 2h") or an end time ("until 18:00"), not both.',
    ],
  ])('%j is refused clearly', (input, code, message) => {
    let error: unknown;
    try {
      parseCommand(input, ctx);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).message).toContain(message);
  });

  it('says the end of shift is not set up when SHIFT_END is not configured', () => {
    const { shiftEnd: _unused, ...noShift } = ctx;
    expect(() => parseCommand('activate GA till end of shift', noShift)).toThrow(
      /end of shift is not set up/,
    );
  });
});

describe('extend and who', () => {
  it.each([
    ['extend Exchange Admin', { kind: 'extend', role: 'Exchange Admin' }],
    ['extend Exchange Admin by 1h', { kind: 'extend', role: 'Exchange Admin', by: 60 }],
    ['extend Exchange Admin by 1 hour 30 minutes', { kind: 'extend', role: 'Exchange Admin', by: 90 }],
    ['extend Exchange Admin for 30m', { kind: 'extend', role: 'Exchange Admin', by: 30 }],
    ['extend GA 2h', { kind: 'extend', role: 'GA', by: 120 }],
    ['extend by 1h Exchange Admin', { kind: 'extend', role: 'Exchange Admin', by: 60 }],
    // PIM for Groups, in the form activate and deactivate take (issue 13, defect 6).
    [
      'extend group SG-Ops-Admins owner by 1h',
      { kind: 'extend', role: 'SG-Ops-Admins', group: { access: 'owner' }, by: 60 },
    ],
    [
      'extend group Production Database Operators',
      { kind: 'extend', role: 'Production Database Operators', group: {} },
    ],
    ['who has Exchange Admin', { kind: 'who', role: 'Exchange Admin' }],
    ['who holds GA', { kind: 'who', role: 'GA' }],
    ['who', { kind: 'who' }],
  ])('%j', (input, expected) => {
    expect(parse(input)).toEqual(expected);
  });

  it.each([
    ['extend', 'Say which active role to extend.'],
    ['extend GA, User Admin', 'Extend one role at a time.'],
  ])('%j is refused with an example', (input, message) => {
    expect(() => parseCommand(input, ctx)).toThrow(message);
  });

  it('passes on what is wrong with the amount', () => {
    expect(() => parseCommand('extend GA by 2 fortnights', ctx)).toThrow(/"fortnights" is not a unit I know/);
  });
});
