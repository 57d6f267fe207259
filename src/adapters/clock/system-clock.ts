import { setTimeout as wait } from 'node:timers/promises';
import { DateTime } from 'luxon';
import type { Clock } from '../../ports/clock';

/** Wall-clock time, in UTC. */
export const systemClock: Clock = {
  now: () => DateTime.utc(),
  sleep: async (ms) => void (await wait(Math.max(0, ms))),
};
