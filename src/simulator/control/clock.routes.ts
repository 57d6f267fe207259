import { DateTime } from 'luxon';
import { z } from 'zod';
import type { SimClock } from '../sim-clock';
import { isoDuration, parseWith, readJson } from './control-body';
import type { ControlRoutes } from './control-route';

const AdvanceSchema = z.object({ by: z.string().min(1) }).strict();
const SetSchema = z.object({ to: z.string().datetime({ offset: true }) }).strict();

/** The simulated clock as the control API shows it: now, and how far it is from real time. */
export function clockJson(clock: SimClock) {
  const now = clock.now();
  return { now: now.toISO(), offsetMs: Math.round(now.toMillis() - Date.now()) };
}

/** GET /_sim/clock, POST /_sim/clock/advance {"by"}, POST /_sim/clock/set {"to"}; moving it ticks the tenant. */
export const clockRoutes: ControlRoutes = (deps) => [
  { method: 'GET', pattern: /^\/_sim\/clock$/, run: async () => [200, clockJson(deps.clock)] },
  {
    method: 'POST',
    pattern: /^\/_sim\/clock\/advance$/,
    run: async (req) => {
      const { by } = parseWith(
        AdvanceSchema,
        await readJson(req),
        'clock advance body (expected {"by":"PT10M"})',
      );
      deps.clock.advance(isoDuration(by, 'by'));
      deps.state.tick();
      return [200, clockJson(deps.clock)];
    },
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/clock\/set$/,
    run: async (req) => {
      const { to } = parseWith(
        SetSchema,
        await readJson(req),
        'clock set body (expected {"to":"2026-01-01T09:00:00Z"})',
      );
      deps.clock.set(DateTime.fromISO(to, { zone: 'utc' }));
      deps.state.tick();
      return [200, clockJson(deps.clock)];
    },
  },
];
