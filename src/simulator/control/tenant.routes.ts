import { z } from 'zod';
import { RealismInputSchema, resolveRealism } from '../pim/realism';
import { parseSeed, readSeedFile } from '../pim/seed-schema';
import { clockJson } from './clock.routes';
import { parseWith, readJson } from './control-body';
import type { ControlRoutes } from './control-route';
import { seedFilePath } from './seed-folder';
import { stateSummary } from './state-summary';

const SettingsSchema = z
  .object({
    acrsErrorStyle: z.enum(['wrapped', 'plain']).optional(),
    policyErrorFormat: z.enum(['rule-text', 'legacy-array']).optional(),
    reactivationLagSeconds: z.number().int().min(0).max(600).optional(),
    /** A preset ('instant', 'demo', 'real-world') or a per-action profile (pim/realism.ts). */
    realism: RealismInputSchema.transform(resolveRealism).optional(),
  })
  .strict();

/**
 * The tenant as a whole: POST /_sim/reset (clock, initial seed, faults, request log, identity),
 * POST /_sim/seed (a seed object, or {"path"} of a file in src/simulator/seed), GET/PATCH /_sim/settings, GET /_sim/state.
 */
export const tenantRoutes: ControlRoutes = (deps) => [
  {
    method: 'POST',
    pattern: /^\/_sim\/reset$/,
    run: async () => {
      deps.clock.reset();
      deps.state.load(deps.initialSeed());
      deps.faults.clear();
      deps.requestLog.clear();
      deps.resetIdentity();
      return [200, { reset: true, clock: clockJson(deps.clock) }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/seed$/,
    run: async (req) => {
      const body = (await readJson(req)) as Record<string, unknown>;
      const seed =
        typeof body.path === 'string' && Object.keys(body).length === 1
          ? readSeedFile(seedFilePath(body.path))
          : parseSeed(body, 'in the request body');
      deps.state.load(seed);
      return [
        200,
        {
          loaded: true,
          tenantId: seed.tenant.id,
          users: seed.users.length,
          roleDefinitions: seed.roleDefinitions.length,
          schedules: seed.schedules.length,
        },
      ];
    },
  },
  { method: 'GET', pattern: /^\/_sim\/settings$/, run: async () => [200, deps.state.settings] },
  { method: 'GET', pattern: /^\/_sim\/state$/, run: async () => [200, stateSummary(deps.state)] },
  {
    method: 'PATCH',
    pattern: /^\/_sim\/settings$/,
    run: async (req) => {
      const patch = parseWith(SettingsSchema, await readJson(req), 'settings');
      deps.state.settings = { ...deps.state.settings, ...patch };
      return [200, deps.state.settings];
    },
  },
];
