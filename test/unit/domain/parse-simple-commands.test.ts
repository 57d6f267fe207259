import { plain, useParse } from './parse-command-fixture';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parse = useParse();

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
