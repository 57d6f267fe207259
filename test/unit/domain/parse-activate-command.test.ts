import { plain, useParse } from './parse-command-fixture';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parse = useParse();

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
