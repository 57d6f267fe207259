import { DateTime, Duration } from 'luxon';
import { defaultActivationDuration, validateActivation } from '../../../src/domain/activation';
import { ErrorCodes } from '../../../src/domain/errors';
import type { ActivationRules } from '../../../src/domain/roles';

const now = DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' });
const ctx = { now, zone: 'Europe/London' };
const role = { roleName: 'Exchange Administrator' };

function rules(overrides: Partial<ActivationRules> = {}): ActivationRules {
  return {
    maximumDuration: Duration.fromObject({ hours: 8 }),
    justificationRequired: false,
    ticketRequired: false,
    mfaRequired: false,
    approvalRequired: false,
    approvers: [],
    approverJustificationRequired: false,
    ...overrides,
  };
}

const strict = rules({ justificationRequired: true, ticketRequired: true });

describe('defaultActivationDuration', () => {
  it('is one hour when the role allows more', () => {
    expect(defaultActivationDuration(rules()).as('minutes')).toBe(60);
  });

  it('is the role maximum when that is shorter than an hour', () => {
    const max = Duration.fromObject({ minutes: 30 });
    expect(defaultActivationDuration(rules({ maximumDuration: max })).as('minutes')).toBe(30);
  });
});

describe('validateActivation', () => {
  it('accepts a valid draft and fills in the default duration, trimming text', () => {
    const result = validateActivation(
      { role, justification: '  mailbox migration ', ticket: ' INC-42 ', start: now.plus({ hours: 1 }) },
      strict,
      ctx,
    );
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.activation.duration.as('minutes')).toBe(60);
    expect(result.activation.justification).toBe('mailbox migration');
    expect(result.activation.ticket).toBe('INC-42');
    expect(result.activation.start?.toISO()).toBe('2026-11-22T10:15:00.000Z');
  });

  it('accepts exactly the maximum and exactly five minutes', () => {
    expect(
      validateActivation({ role, duration: Duration.fromObject({ hours: 8 }) }, rules(), ctx).valid,
    ).toBe(true);
    expect(
      validateActivation({ role, duration: Duration.fromObject({ minutes: 5 }) }, rules(), ctx).valid,
    ).toBe(true);
  });

  it('refuses a duration above the role maximum, stating the maximum', () => {
    const result = validateActivation({ role, duration: Duration.fromObject({ hours: 10 }) }, rules(), ctx);
    expect(result.valid).toBe(false);
    const [error] = result.violations;
    expect(error.code).toBe(ErrorCodes.DurationTooLong);
    expect(error.message).toBe(
      'Exchange Administrator can be activated for at most 8 h; you asked for 10 h.',
    );
    expect(error.remedy).toBe('Ask for 8 h or less (at least 5 min).');
    expect(error.details).toMatchObject({ maximum: 'PT8H', minimum: 'PT5M', requested: 'PT10H' });
  });

  it('refuses a duration under five minutes', () => {
    const result = validateActivation({ role, duration: Duration.fromObject({ minutes: 2 }) }, rules(), ctx);
    const [error] = result.violations;
    expect(error.code).toBe(ErrorCodes.DurationTooShort);
    expect(error.message).toBe('An activation must last at least 5 min; you asked for 2 min.');
    expect(error.remedy).toBe('Ask for between 5 min and 8 h.');
    expect(error.details).toMatchObject({ minimum: 'PT5M', maximum: 'PT8H' });
  });

  it('refuses a zero or invalid duration', () => {
    const result = validateActivation({ role, duration: Duration.fromObject({ minutes: 0 }) }, rules(), ctx);
    expect(result.violations.map((e) => e.code)).toEqual([ErrorCodes.DurationInvalid]);
    expect(result.violations[0].message).toBe('The duration must be a positive number of minutes.');
  });

  it('refuses a start in the past, shown in the user time zone', () => {
    const result = validateActivation({ role, start: now.minus({ hours: 2 }) }, rules(), ctx);
    const [error] = result.violations;
    expect(error.code).toBe(ErrorCodes.StartInPast);
    expect(error.message).toBe(
      'The start time 07:15 today (GMT) is in the past; a start time must be now or later.',
    );
    expect(error.details).toMatchObject({ earliest: 'now', now: '2026-11-22T09:15:00.000Z' });
  });

  it('allows a start up to one minute ago (a form sent a little late)', () => {
    expect(validateActivation({ role, start: now.minus({ seconds: 50 }) }, rules(), ctx).valid).toBe(true);
  });

  it('requires justification and ticket exactly when the policy does', () => {
    const result = validateActivation({ role, justification: '   ' }, strict, ctx);
    expect(result.violations.map((e) => e.code)).toEqual([
      ErrorCodes.JustificationRequired,
      ErrorCodes.TicketRequired,
    ]);
    expect(result.violations[0].message).toBe('Exchange Administrator needs a justification to activate.');
    expect(result.violations[0].remedy).toBe('Add a reason ("because …"), up to 500 characters.');
    expect(result.violations[1].message).toBe('Exchange Administrator needs a ticket number to activate.');
    expect(result.violations[1].remedy).toBe(
      'Add a ticket number ("ticket INC-1234"), up to 100 characters.',
    );
    expect(validateActivation({ role }, rules(), ctx).valid).toBe(true);
  });

  it('refuses a justification over 500 and a ticket over 100 characters', () => {
    const result = validateActivation(
      { role, justification: 'x'.repeat(501), ticket: 'T'.repeat(120) },
      rules(),
      ctx,
    );
    expect(result.violations.map((e) => e.code)).toEqual([
      ErrorCodes.JustificationTooLong,
      ErrorCodes.TicketTooLong,
    ]);
    expect(result.violations[0].message).toBe(
      'The justification is 501 characters long; at most 500 are allowed.',
    );
    expect(result.violations[0].details).toMatchObject({ maxLength: 500, length: 501 });
    expect(result.violations[1].message).toBe(
      'The ticket number is 120 characters long; at most 100 are allowed.',
    );
    expect(result.violations[1].remedy).toBe('Shorten the ticket number by 20 characters.');
  });

  it('accepts exactly 500 and 100 characters', () => {
    const draft = { role, justification: 'x'.repeat(500), ticket: 'T'.repeat(100) };
    expect(validateActivation(draft, strict, ctx).valid).toBe(true);
  });

  it('returns every violation at once', () => {
    const result = validateActivation(
      { role, duration: Duration.fromObject({ hours: 9 }), start: now.minus({ days: 1 }) },
      strict,
      ctx,
    );
    expect(result.violations.map((e) => e.code)).toEqual([
      ErrorCodes.DurationTooLong,
      ErrorCodes.StartInPast,
      ErrorCodes.JustificationRequired,
      ErrorCodes.TicketRequired,
    ]);
    for (const violation of result.violations) expect(violation.remedy).toBeTruthy();
  });

  it('says "This role" when no role is given, and defaults the zone to UTC', () => {
    const result = validateActivation({ start: now.minus({ hours: 1 }) }, strict, { now });
    expect(result.violations[0].message).toContain('(UTC)');
    expect(result.violations[1].message).toBe('This role needs a justification to activate.');
  });
});
