import { DateTime } from 'luxon';
import type { ActiveRole } from '../../../src/domain/roles';
import { roleInCommand, roleLabel } from '../../../src/domain/role-label';
import { deactivationRefusal } from '../../../src/adapters/teams/presenters/deactivation-card.presenter';
import type { PresenterContext } from '../../../src/adapters/teams/presenters/presenter-context';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

/* Issue 13 defect 6: a PIM for Groups role says member or owner wherever a person reads it. */

const owner = { roleName: 'Production Database Operators', kind: 'groupOwner' as const };

test('a group role is labelled once, whatever its stored name already says', () => {
  expect(roleLabel(owner)).toBe('Production Database Operators (owner)');
  expect(roleLabel({ ...owner, roleName: 'Production Database Operators (owner)' })).toBe(
    'Production Database Operators (owner)',
  );
  expect(roleLabel({ roleName: 'Global Reader', kind: 'directoryRole' })).toBe('Global Reader');
});

test('a command names a group role in the grammar’s group form', () => {
  expect(roleInCommand(owner)).toBe('group Production Database Operators owner');
  expect(roleInCommand({ ...owner, kind: 'groupMember' })).toBe('group Production Database Operators member');
  expect(roleInCommand({ roleName: 'Global Reader', kind: 'directoryRole' })).toBe('Global Reader');
});

describe('deactivation refusals name group roles with member or owner', () => {
  const now = DateTime.fromISO('2026-12-04T09:00:00Z');
  const ctx = { clock: { now: () => now }, zone: 'UTC', viewerId: 'u' } as unknown as PresenterContext;
  const active = (kind: ActiveRole['kind']): ActiveRole => ({
    kind,
    roleId: 'g1',
    roleName: 'Production Database Operators',
    directoryScopeId: 'g1',
    scopeName: 'Production Database Operators',
    assignmentType: 'Activated',
    instanceId: `i-${kind}`,
  });

  test('"active now" lists say which', () => {
    const { error } = deactivationRefusal(ctx, {
      kind: 'notActive',
      query: 'x',
      active: [active('groupOwner')],
    });
    expect(error.remedy).toBe('Active now: Production Database Operators (owner).');
  });

  test('"which one" offers commands that name member and owner apart', () => {
    const { error } = deactivationRefusal(ctx, {
      kind: 'ambiguous',
      query: 'production',
      candidates: [active('groupMember'), active('groupOwner')],
    });
    expect(error.remedy).toBe(
      'Say which one: deactivate group Production Database Operators member · deactivate group Production Database Operators owner.',
    );
  });

  test('a failure is headed with the label', () => {
    const failed = deactivationRefusal(ctx, {
      kind: 'failed',
      role: active('groupOwner'),
      error: new DomainError(ErrorCodes.Internal, 'boom'),
    });
    expect(failed.title).toBe('Could not deactivate Production Database Operators (owner):');
  });
});
