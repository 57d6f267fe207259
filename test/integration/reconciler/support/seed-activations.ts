import { randomUUID } from 'node:crypto';
import type { RunningSimulator } from '../../../../src/simulator';
import type { Store } from '../../../../src/ports/stores';
import demoTenant from '../../../../src/simulator/seed/demo-tenant.json';

export const SEED_USERS = demoTenant.users.map((u) => u.id);
export const TENANT_ID = demoTenant.tenant.id;
const ROLES = demoTenant.roleDefinitions.map((r) => r.id);

/**
 * Puts `count` activated role assignments straight into the simulator's state (as if made in the
 * portal), spread over the seed users, each ending 5 minutes from now plus `i` × 100 ms: with the
 * default 10-minute lead every reminder is due at once, all within the same minute.
 */
export function seedDueActivations(sim: RunningSimulator, count: number): void {
  const now = sim.clock.now();
  for (let i = 0; i < count; i += 1) {
    const start = now.minus({ minutes: 15 });
    const end = now.plus({ minutes: 5, milliseconds: i * 100 });
    const id = randomUUID();
    sim.state.schedules.push({
      id,
      kind: 'assignment',
      target: {
        type: 'role',
        roleDefinitionId: ROLES[i % ROLES.length],
        directoryScopeId: '/',
        appScopeId: null,
      },
      principalId: SEED_USERS[i % SEED_USERS.length],
      assignmentType: 'Activated',
      memberType: 'Direct',
      start,
      end,
      expirationType: 'afterDuration',
      duration: 'PT20M',
      createdUsing: id,
      createdDateTime: start,
      modifiedDateTime: start,
      activatedUsing: null,
    });
  }
}

/** Records every seed user's personal chat (they "have the app installed"), pointing at `serviceUrl`. */
export async function installAppForSeedUsers(store: Store, serviceUrl: string): Promise<void> {
  for (const userId of SEED_USERS) {
    await store.conversations.upsertForUser({
      tenantId: TENANT_ID,
      userId,
      serviceUrl,
      reference: {
        serviceUrl,
        channelId: 'msteams',
        conversation: { id: `a:personal-${userId}`, conversationType: 'personal', tenantId: TENANT_ID },
        bot: { id: '28:elevate-demo-bot', name: 'Elevate' },
        user: { id: `29:${userId}`, aadObjectId: userId },
      },
    });
  }
}
