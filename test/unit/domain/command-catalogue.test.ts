import { COMMAND_CATALOGUE } from '../../../src/domain/commands';
import { useParse } from './parse-command-fixture';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parse = useParse();

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
