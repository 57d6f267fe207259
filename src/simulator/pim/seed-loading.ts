import { randomUUID } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import { buildPolicyRules } from './policy-rules';
import type { Policy, Schedule } from './pim-types';
import type { SeedPolicy, SeedSchedule, SimulatorSeed } from './seed-types';
import { targetFromIds } from './target-from-ids';

/** A policy per directory role and per PIM for Groups access (member, owner): the seed's, or defaults. */
export function policiesFromSeed(seed: SimulatorSeed): Policy[] {
  const policies: Policy[] = [];
  for (const role of seed.roleDefinitions) {
    const spec = seed.policies.find((p) => p.roleDefinitionId === role.id) ?? { roleDefinitionId: role.id };
    policies.push(newPolicy('DirectoryRole', '/', role.id, spec));
  }
  for (const group of seed.groups.filter((g) => g.pimForGroups)) {
    for (const accessId of ['member', 'owner'] as const) {
      const spec = seed.policies.find((p) => p.groupId === group.id && p.accessId === accessId) ?? {
        groupId: group.id,
        accessId,
      };
      policies.push(newPolicy('Group', group.id, accessId, spec));
    }
  }
  return policies;
}

/** A fresh policy object for a role or group access, its rules built from the seed's spec. */
function newPolicy(
  scopeType: Policy['scopeType'],
  scopeId: string,
  roleDefinitionId: string,
  spec: SeedPolicy,
): Policy {
  return {
    guid: randomUUID(),
    scopeType,
    scopeId,
    roleDefinitionId,
    rules: buildPolicyRules(spec, scopeType === 'Group' ? 'group' : 'directory'),
    lastModifiedDateTime: null,
    lastModifiedBy: { displayName: null, id: null },
  };
}

/** A seeded schedule (eligible or assigned), as the tenant holds it from `now`. */
export function scheduleFromSeed(s: SeedSchedule, now: DateTime): Schedule {
  const start = s.startDateTime ? DateTime.fromISO(s.startDateTime, { zone: 'utc' }) : now;
  const end = s.endDateTime
    ? DateTime.fromISO(s.endDateTime, { zone: 'utc' })
    : s.expiresAfter
      ? now.plus(Duration.fromISO(s.expiresAfter))
      : null;
  const target = targetFromIds(s);
  return {
    id: randomUUID(),
    kind: s.kind,
    target,
    principalId: s.principalId,
    assignmentType: 'Assigned',
    memberType: 'Direct',
    start,
    end,
    expirationType: end ? 'afterDateTime' : 'noExpiration',
    duration: null,
    createdUsing: null,
    createdDateTime: start,
    modifiedDateTime: start,
    activatedUsing: null,
  };
}
