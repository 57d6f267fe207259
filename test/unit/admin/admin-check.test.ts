import { DateTime } from 'luxon';
import { AdminCheck } from '../../../src/app/admin/admin-check';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

const ADMINS = 'c2aee938-a2ba-4624-8a74-6d545112b839';
const OTHER = '7d3c4a52-0c1e-4f6b-9a8e-3b2f1c0d9e71';

function setup(initial: { group?: string; members?: Record<string, string[]> } = {}) {
  let now = DateTime.fromISO('2026-12-03T10:00:00Z', { zone: 'utc' });
  const members = new Map(Object.entries(initial.members ?? { [ADMINS]: ['chris'] }));
  const state = { group: 'group' in initial ? initial.group : ADMINS, calls: 0, fail: false };
  const check = new AdminCheck({
    clock: { now: () => now },
    adminGroupId: async () => state.group,
    directory: {
      isMemberOfGroup: async (userId, groupId) => {
        state.calls += 1;
        if (state.fail) throw new DomainError(ErrorCodes.ServiceUnavailable, 'Graph is down');
        return (members.get(groupId) ?? []).includes(userId);
      },
    },
  });
  return {
    check,
    state,
    members,
    advance: (seconds: number) => {
      now = now.plus({ seconds });
    },
  };
}

describe('AdminCheck', () => {
  test('members of the admin group are admins; others are refused with a clear message', async () => {
    const { check } = setup();
    await expect(check.isAdmin('chris')).resolves.toBe(true);
    await expect(check.isAdmin('alex')).resolves.toBe(false);
    await expect(check.requireAdmin('chris', 'read the audit trail')).resolves.toBeUndefined();
    await expect(check.requireAdmin('alex', 'read the audit trail')).rejects.toMatchObject({
      code: 'NOT_AN_ADMIN',
      message: 'Only Elevate administrators can read the audit trail.',
    });
  });

  test('without an admin group nobody is an admin, and the refusal says why', async () => {
    const { check, state } = setup({ group: undefined });
    await expect(check.isAdmin('chris')).resolves.toBe(false);
    await expect(check.requireAdmin('chris', 'change settings')).rejects.toMatchObject({
      code: 'ADMIN_GROUP_NOT_SET',
    });
    expect(state.calls).toBe(0);
  });

  test('answers are cached briefly: a removed admin loses access once the minute is over', async () => {
    const { check, state, members, advance } = setup();
    await check.isAdmin('chris');
    await check.isAdmin('chris');
    expect(state.calls).toBe(1);
    members.set(ADMINS, []);
    advance(59);
    await expect(check.isAdmin('chris')).resolves.toBe(true);
    advance(2);
    await expect(check.isAdmin('chris')).resolves.toBe(false);
    expect(state.calls).toBe(2);
  });

  test('a changed admin group applies at once (the cache is per group)', async () => {
    const { check, state } = setup({ members: { [ADMINS]: ['chris'], [OTHER]: ['alex'] } });
    await expect(check.isAdmin('alex')).resolves.toBe(false);
    state.group = OTHER;
    await expect(check.isAdmin('alex')).resolves.toBe(true);
    await expect(check.isAdmin('chris')).resolves.toBe(false);
  });

  test('a Graph failure is an error, never a silent "not an admin" (and is not cached)', async () => {
    const { check, state } = setup();
    state.fail = true;
    await expect(check.isAdmin('chris')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    state.fail = false;
    await expect(check.isAdmin('chris')).resolves.toBe(true);
  });

  test('the cache is bounded', async () => {
    const { check, state } = setup();
    const bounded = new AdminCheck({
      clock: { now: () => DateTime.utc() },
      adminGroupId: async () => ADMINS,
      directory: {
        isMemberOfGroup: async () => {
          state.calls += 1;
          return false;
        },
      },
      maxEntries: 3,
    });
    for (const user of ['a', 'b', 'c', 'd']) await bounded.isAdmin(user);
    const before = state.calls;
    await bounded.isAdmin('a'); // evicted: asked again
    await bounded.isAdmin('d'); // still cached
    expect(state.calls - before).toBe(1);
    await expect(check.isAdmin('chris')).resolves.toBe(true);
  });
});
