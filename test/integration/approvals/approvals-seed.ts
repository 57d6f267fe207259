import demoTenant from '../../../src/simulator/seed/demo-tenant.json';

/* The people and ids of the approvals tests, and the seed tenant they run against. */

export interface Person {
  id: string;
  displayName: string;
  timeZone: string;
}

export const TENANT_ID = demoTenant.tenant.id;
export const BOT_ID = '28:elevate-demo-bot';
export const CHANNEL_ID = '19:approvals-channel@thread.tacv2';

/** Seed users by lower-case first name. */
export const seed: Record<string, Person> = Object.fromEntries(
  demoTenant.users.map((u) => [
    u.givenName.toLowerCase(),
    { id: u.id, displayName: u.displayName, timeZone: u.timeZone },
  ]),
);

/**
 * The demo tenant, with the facts these tests rely on made explicit: Security Approvers are Sam,
 * Morgan and Taylor; Alex is eligible for User Administrator, Riley for Security Administrator; Casey is the eligible owner of Production Database Operators, whose owner
 * policy is approved by Elevate Admins (Chris).
 */
export function testSeed(): object {
  const copy = JSON.parse(JSON.stringify(demoTenant)) as typeof demoTenant;
  const group = (name: string) => {
    const found = copy.groups.find((g) => g.displayName === name);
    if (!found) throw new Error(`the demo seed has no group "${name}"`);
    return found;
  };
  group('Security Approvers').members = [seed.sam.id, seed.morgan.id, seed.taylor.id];
  group('Elevate Admins').members = [seed.chris.id];
  const pdo = group('Production Database Operators').id;
  for (const schedule of copy.schedules as { groupId?: string; accessId?: string; principalId: string }[]) {
    if (schedule.groupId === pdo && schedule.accessId === 'owner') schedule.principalId = seed.casey.id;
  }
  // Alex is eligible for User Administrator (approved by Dana), whatever the demo seed says today.
  const userAdmin = copy.roleDefinitions.find((r) => r.displayName === 'User Administrator')!.id;
  const schedules = copy.schedules as {
    kind: string;
    principalId: string;
    roleDefinitionId?: string;
    directoryScopeId?: string;
  }[];
  if (!schedules.some((x) => x.principalId === seed.alex.id && x.roleDefinitionId === userAdmin)) {
    schedules.push({
      kind: 'eligibility',
      principalId: seed.alex.id,
      roleDefinitionId: userAdmin,
      directoryScopeId: '/',
    });
  }
  // Riley is eligible for Security Administrator too (approved by Security Approvers).
  const securityAdmin = copy.roleDefinitions.find((r) => r.displayName === 'Security Administrator')!.id;
  if (!schedules.some((x) => x.principalId === seed.riley.id && x.roleDefinitionId === securityAdmin)) {
    schedules.push({
      kind: 'eligibility',
      principalId: seed.riley.id,
      roleDefinitionId: securityAdmin,
      directoryScopeId: '/',
    });
  }
  return copy;
}
