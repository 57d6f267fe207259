import { setTimeout as wait } from 'node:timers/promises';
import { utcFromMillis } from '../../domain/schedule/utc-instant';
import type { Clock } from '../../ports/clock';

/** Wall-clock time, in UTC. */
export const systemClock: Clock = {
  now: () => utcFromMillis(Date.now()),
  sleep: async (ms) => void (await wait(Math.max(0, ms))),
};
