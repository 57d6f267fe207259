import type { IncomingMessage } from 'node:http';
import type { TenantState } from '../pim/tenant-state';
import type { SimulatorSeed } from '../pim/seed-types';
import type { SimClock } from '../sim-clock';
import type { TestTokenOptions } from '../identity/test-token';
import type { FaultInjector } from './faults';
import type { RequestLog } from './request-log';

export interface ControlDeps {
  state: TenantState;
  clock: SimClock;
  faults: FaultInjector;
  requestLog: RequestLog;
  initialSeed: () => SimulatorSeed;
  /** Clears identity state (codes, refresh tokens). */
  resetIdentity: () => void;
  /** Issues a token without a grant (the demo bot's stand-in for Teams SSO). */
  issueToken: (opts: TestTokenOptions) => Promise<string>;
}

/** A refusal of the control API: answered with `status` and code SimulatorControlError. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One control endpoint: the pattern's groups are `params`; the answer is [status, JSON body or undefined]. */
export interface ControlRoute {
  method: string;
  pattern: RegExp;
  run: (req: IncomingMessage, params: string[], url: URL) => Promise<[number, unknown]>;
}

/** The routes of one area of the control API. */
export type ControlRoutes = (deps: ControlDeps) => ControlRoute[];
