import { DateTime } from 'luxon';
import { COMMAND_CATALOGUE, normaliseCommandText, type Command } from '../../../src/domain/commands';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parseCommand = useBotCommandParser();

const ctx = { now: DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' }), zone: 'Europe/Berlin' };

function parse(text: string): Command {
  return parseCommand(text, ctx);
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The command with durations as minutes and instants as ISO strings, for readable expectations. */
function plain(command: Command): Record<string, unknown> {
  const out: Record<string, unknown> = { ...command };
  if ('duration' in command && command.duration) out.duration = command.duration.as('minutes');
  if ('lead' in command) out.lead = command.lead.as('minutes');
  if ('start' in command && command.start) out.start = command.start.toISO();
  return out;
}

describe('normaliseCommandText', () => {
  it.each([
    ['<at>Elevate</at> activate GA for 1h', 'activate GA for 1h'],
    ['@Elevate activate GA', 'activate GA'],
    ['Elevate: status', 'status'],
    ['elevate, roles', 'roles'],
    ['  my   roles  ', 'my roles'],
    ['status.', 'status'],
    ['help!?', 'help'],
    ['<p>activate&nbsp;GA</p>', 'activate GA'],
    ['activate GA because \u201cdb failover\u201d', 'activate GA because "db failover"'],
    ['@elevate\u200b roles', 'roles'],
    ['<at>Elevate</at> activate GA because <at>Bob Lee</at> asked', 'activate GA because Bob Lee asked'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCommandText(input)).toBe(expected);
  });

  it('keeps the case of what the user typed', () => {
    expect(normaliseCommandText('Activate Exchange Admin')).toBe('Activate Exchange Admin');
  });
});

describe('parseCommand: simple commands', () => {
  it.each([
    ['roles', { kind: 'roles' }],
    ['My Roles', { kind: 'roles' }],
    ['ROLES', { kind: 'roles' }],
    ['status', { kind: 'status' }],
    ['approvals', { kind: 'approvals' }],
    ['help', { kind: 'help' }],
    ['help activate', { kind: 'help', topic: 'activate' }],
    ['help me please', { kind: 'help' }],
    ['help remind me', { kind: 'help', topic: 'reminders' }],
    ['cancel', { kind: 'cancel' }],
    ['cancel Exchange Admin', { kind: 'cancel', target: { type: 'role', name: 'Exchange Admin' } }],
    [
      'cancel 8F2C9A56-1B2C-4D5E-8F90-A1B2C3D4E5F6',
      { kind: 'cancel', target: { type: 'request', id: '8f2c9a56-1b2c-4d5e-8f90-a1b2c3d4e5f6' } },
    ],
    [
      'cancel request 8f2c9a56-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      { kind: 'cancel', target: { type: 'request', id: '8f2c9a56-1b2c-4d5e-8f90-a1b2c3d4e5f6' } },
    ],
    ['deactivate Exchange Admin', { kind: 'deactivate', roles: ['Exchange Admin'] }],
    ['deactivate GA, User Admin and PRA', { kind: 'deactivate', roles: ['GA', 'User Admin', 'PRA'] }],
    // The form activate takes for PIM for Groups.
    [
      'deactivate group Production Database Operators owner',
      { kind: 'deactivate', roles: ['Production Database Operators'], group: { access: 'owner' } },
    ],
    [
      'deactivate group SG-Ops as member',
      { kind: 'deactivate', roles: ['SG-Ops'], group: { access: 'member' } },
    ],
    ['deactivate group SG-Ops', { kind: 'deactivate', roles: ['SG-Ops'], group: {} }],
    ['deactivate group', { kind: 'deactivate', roles: ['group'] }],
    ['reminders off', { kind: 'remindersToggle', enabled: false }],
    ['Reminders ON', { kind: 'remindersToggle', enabled: true }],
    ['remind me 15m before', { kind: 'remindBefore', lead: 15 }],
    ['remind me 1 hour before expiry', { kind: 'remindBefore', lead: 60 }],
    ['remind me 20 minutes before it ends', { kind: 'remindBefore', lead: 20 }],
    ['activate', { kind: 'activateForm' }],
  ])('%j', (input, expected) => {
    expect(plain(parse(input))).toEqual(expected);
  });

  it('prefers the longest command word ("my roles" over nothing, "remind me" over "reminders")', () => {
    expect(parse('@Elevate my roles').kind).toBe('roles');
    expect(parse('remind me 5m before').kind).toBe('remindBefore');
  });
});

describe('parseCommand: activate', () => {
  it.each([
    ['activate Exchange Admin', { kind: 'activate', roles: ['Exchange Admin'] }],
    ['activate Exchange Admin for 2h', { kind: 'activate', roles: ['Exchange Admin'], duration: 120 }],
    ['ACTIVATE exchange admin FOR 90m', { kind: 'activate', roles: ['exchange admin'], duration: 90 }],
    ['activate GA for 1 hour 30 minutes', { kind: 'activate', roles: ['GA'], duration: 90 }],
    ['activate GA for PT2H', { kind: 'activate', roles: ['GA'], duration: 120 }],
    ['activate GA for an hour', { kind: 'activate', roles: ['GA'], duration: 60 }],
    [
      'activate GA for half an hour because quick fix',
      { kind: 'activate', roles: ['GA'], duration: 30, justification: 'quick fix' },
    ],
    ['activate User Admin 2h', { kind: 'activate', roles: ['User Admin'], duration: 120 }],
    [
      'activate Exchange Admin, User Admin for 1h',
      { kind: 'activate', roles: ['Exchange Admin', 'User Admin'], duration: 60 },
    ],
    [
      'activate Exchange Admin and User Admin, Global Reader',
      { kind: 'activate', roles: ['Exchange Admin', 'User Admin', 'Global Reader'] },
    ],
    [
      'activate Exchange Admin for 2h because mailbox migration ticket INC-42',
      {
        kind: 'activate',
        roles: ['Exchange Admin'],
        duration: 120,
        justification: 'mailbox migration',
        ticket: 'INC-42',
      },
    ],
    [
      'activate GA ticket INC-1 because db failover for 1h',
      { kind: 'activate', roles: ['GA'], duration: 60, justification: 'db failover', ticket: 'INC-1' },
    ],
    [
      'activate GA because "db failover, INC-42"',
      { kind: 'activate', roles: ['GA'], justification: 'db failover, INC-42' },
    ],
    [
      'activate GA because "db failover for 2h, see ticket INC-9"',
      {
        kind: 'activate',
        roles: ['GA'],
        justification: 'db failover for 2h, see ticket INC-9',
        ticket: 'INC-9',
      },
    ],
    [
      'activate GA because db failover, ticket: CHG0042.',
      { kind: 'activate', roles: ['GA'], justification: 'db failover', ticket: 'CHG0042' },
    ],
    ['activate GA ticket:INC-77', { kind: 'activate', roles: ['GA'], ticket: 'INC-77' }],
    [
      'activate GA ticket INC-77, because outage',
      { kind: 'activate', roles: ['GA'], ticket: 'INC-77', justification: 'outage' },
    ],
    [
      'activate GA for 2h and ticket INC-3',
      { kind: 'activate', roles: ['GA'], duration: 120, ticket: 'INC-3' },
    ],
    [
      'activate GA for 1h30 because P1 incident',
      { kind: 'activate', roles: ['GA'], duration: 90, justification: 'P1 incident' },
    ],
    [
      'activate GA for 2h at 9pm because outage at 9:00',
      {
        kind: 'activate',
        roles: ['GA'],
        duration: 120,
        start: '2026-11-22T20:00:00.000Z',
        startText: 'at 9pm',
        justification: 'outage at 9:00',
      },
    ],
    [
      'activate User Admin scope EMEA Office because reset password',
      { kind: 'activate', roles: ['User Admin'], scope: 'EMEA Office', justification: 'reset password' },
    ],
    [
      'activate GA in 30m',
      { kind: 'activate', roles: ['GA'], start: '2026-11-22T09:45:00.000Z', startText: 'in 30m' },
    ],
    [
      'activate GA for 1h at 21:30',
      {
        kind: 'activate',
        roles: ['GA'],
        duration: 60,
        start: '2026-11-22T20:30:00.000Z',
        startText: 'at 21:30',
      },
    ],
    [
      'activate GA tomorrow at 9am for 2h',
      {
        kind: 'activate',
        roles: ['GA'],
        duration: 120,
        start: '2026-11-23T08:00:00.000Z',
        startText: 'tomorrow at 9am',
      },
    ],
    [
      'activate GA at 9 pm tomorrow',
      { kind: 'activate', roles: ['GA'], start: '2026-11-23T20:00:00.000Z', startText: 'at 9 pm tomorrow' },
    ],
    [
      // The README's example.
      'activate Exchange Admin, User Admin for 1h at tomorrow 9:00 because patching',
      {
        kind: 'activate',
        roles: ['Exchange Admin', 'User Admin'],
        duration: 60,
        start: '2026-11-23T08:00:00.000Z',
        startText: 'at tomorrow 9:00',
        justification: 'patching',
      },
    ],
    [
      'activate GA at 2026-12-01 09:00',
      {
        kind: 'activate',
        roles: ['GA'],
        start: '2026-12-01T08:00:00.000Z',
        startText: 'at 2026-12-01 09:00',
      },
    ],
    [
      'activate User Admin scope EMEA Office for 1h',
      { kind: 'activate', roles: ['User Admin'], scope: 'EMEA Office', duration: 60 },
    ],
    [
      'activate User Admin for 1h scope "EMEA Office"',
      { kind: 'activate', roles: ['User Admin'], scope: 'EMEA Office', duration: 60 },
    ],
    [
      'activate Skype for Business Administrator for 1h',
      { kind: 'activate', roles: ['Skype for Business Administrator'], duration: 60 },
    ],
    [
      'activate "Skype for Business Administrator" and GA',
      { kind: 'activate', roles: ['Skype for Business Administrator', 'GA'] },
    ],
    [
      '<at>Elevate</at>   activate   Exchange Admin   for 2h.',
      { kind: 'activate', roles: ['Exchange Admin'], duration: 120 },
    ],
    ['activate GA reason: outage', { kind: 'activate', roles: ['GA'], justification: 'outage' }],
  ])('%j', (input, expected) => {
    expect(plain(parse(input))).toEqual(expected);
  });

  it.each([
    ['activate group SG-Ops-Admins', { kind: 'activateGroup', group: 'SG-Ops-Admins', access: 'member' }],
    [
      'activate group SG-Ops-Admins owner for 1h because incident INC-7',
      {
        kind: 'activateGroup',
        group: 'SG-Ops-Admins',
        access: 'owner',
        duration: 60,
        justification: 'incident',
        ticket: 'INC-7',
      },
    ],
    [
      'activate group "Ops Admins" as Member for 30m ticket INC-8',
      { kind: 'activateGroup', group: 'Ops Admins', access: 'member', duration: 30, ticket: 'INC-8' },
    ],
    ['Activate Group Ops Admins OWNER', { kind: 'activateGroup', group: 'Ops Admins', access: 'owner' }],
  ])('%j', (input, expected) => {
    expect(plain(parse(input))).toEqual(expected);
  });
});

describe('parseCommand: malformed input gets a clear answer with an example', () => {
  it.each([
    [
      'activate for 2h',
      'Say which role to activate, before the other details. For example: "activate Exchange Admin',
    ],
    [
      'activate GA for 1h for 2h',
      'The duration (for …) is given twice ("for 1h" and "for 2h"); give it once.',
    ],
    ['activate GA because outage for 2h please', 'I did not understand "please" after "for 2h".'],
    ['activate GA because', 'Say why after "because".'],
    ['activate GA because "db failover', 'A quotation mark is not closed.'],
    ['activate group', 'Say which group to activate.'],
    ['activate group A, B', 'Activate one group at a time.'],
    ['activate group Ops scope EMEA', 'A scope applies to directory roles, not to PIM groups'],
    ['deactivate', 'Say which role to deactivate. For example: "deactivate Exchange Admin, User Admin".'],
    ['roles of mine', '"roles" takes nothing after it, but got "of mine".'],
    ['status now', '"status" takes nothing after it, but got "now".'],
    ['reminders maybe', '"maybe" is not on or off.'],
    ['reminders', 'Say "on" or "off" after "reminders".'],
    ['remind me soon', 'Say how long before expiry to remind you, ending with "before".'],
    ['make me admin', 'I don\'t know the command "make me admin". Commands: roles, activate, deactivate'],
    ['', 'The message is empty.'],
  ])('%j', (input, message) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(ErrorCodes.CommandInvalid);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/For example: ".+"\.$/);
    expect(error.remedy).toContain('help');
  });

  it('keeps a second "because" inside the justification', () => {
    expect(plain(parse('activate GA because x because y'))).toEqual({
      kind: 'activate',
      roles: ['GA'],
      justification: 'x because y',
    });
  });

  it('passes on the specific duration error', () => {
    const error = errorOf(() => parse('activate GA for 2 fortnights'));
    expect(error.code).toBe(ErrorCodes.DurationInvalid);
    expect(error.message).toContain('"fortnights" is not a unit I know');
  });

  it('passes on the start-in-past error with its tomorrow hint', () => {
    const error = errorOf(() => parse('activate GA at 9:00 for 1h'));
    expect(error.code).toBe(ErrorCodes.StartInPast);
    expect(error.message).toContain('Did you mean "tomorrow 9:00"?');
  });

  it.each([
    ['activate Global Admin tomorrow because patching', 'add a time, e.g. tomorrow 9:00'],
    ['activate GA at lunchtime', '"lunchtime" is not a clock time or date'],
    ['activate GA for 2h at noonish', '"noonish" is not a clock time or date'],
  ])('reads %j as a start time and says what is wrong with it', (input, problem) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain(problem);
  });

  it('passes on the invalid start-time error', () => {
    const error = errorOf(() => parse('activate GA at 25:00'));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain('hour 25 is out of range (0-23)');
  });

  it('passes on the invalid reminder lead time', () => {
    const error = errorOf(() => parse('remind me 15 before'));
    expect(error.code).toBe(ErrorCodes.DurationInvalid);
    expect(error.message).toContain('"15" has no unit');
  });
});

describe('COMMAND_CATALOGUE', () => {
  it('has one entry per top-level command, each within the Teams command menu limits', () => {
    expect(COMMAND_CATALOGUE.map((entry) => entry.name)).toEqual([
      'roles',
      'activate',
      'deactivate',
      'extend',
      'status',
      'cancel',
      'approvals',
      'who',
      'reminders',
      'subscribe',
      'audit',
      'settings',
      'help',
    ]);
    for (const entry of COMMAND_CATALOGUE) {
      expect(entry.title.length).toBeLessThanOrEqual(32);
      expect(entry.description.length).toBeLessThanOrEqual(128);
      expect(entry.scopes.length).toBeGreaterThan(0);
      expect(entry.words[0]).toBe(entry.name);
    }
    // Teams' command menu shows at most 10 a scope; admin-only commands stay out of it.
    for (const scope of ['personal', 'team', 'groupChat'] as const) {
      expect(
        COMMAND_CATALOGUE.filter((entry) => !entry.adminOnly && entry.scopes.includes(scope)).length,
      ).toBeLessThanOrEqual(10);
    }
  });

  it('has examples that parse into the command they illustrate', () => {
    for (const entry of COMMAND_CATALOGUE) {
      const command = parse(entry.example);
      const expectedKinds: Record<string, string[]> = {
        roles: ['roles'],
        activate: ['activate'],
        deactivate: ['deactivate'],
        extend: ['extend'],
        who: ['who'],
        status: ['status'],
        cancel: ['cancel'],
        approvals: ['approvals', 'approvalsHere', 'approvalsOff'],
        reminders: ['remindBefore', 'remindersToggle'],
        subscribe: ['subscribe', 'unsubscribe', 'subscriptions'],
        audit: ['audit'],
        settings: ['settings'],
        help: ['help'],
      };
      expect(expectedKinds[entry.name]).toContain(command.kind);
    }
  });
});
