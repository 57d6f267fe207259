import { DateTime } from 'luxon';
import type { Clock } from '../../ports/clock';

/** Wall-clock time, in UTC. */
export const systemClock: Clock = { now: () => DateTime.utc() };
