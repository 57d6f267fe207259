import { Duration } from 'luxon';
import type { ActiveRole } from '../../domain/roles';
import { sameRole } from '../../domain/roles/same-role';
import type { Clock } from '../../ports/clock';
import type { PimGateway, RoleTarget } from '../../ports/pim-gateway';
import type { DelegatedUser } from '../../ports/token-provider';

export interface EffectiveWaitBounds {
  /** Give up after this long (default 60 s). */
  timeout?: Duration;
  /** Look again this often (default 1 s). */
  interval?: Duration;
}

export type EffectiveOutcome =
  | { kind: 'effective'; assignment: ActiveRole }
  | { kind: 'notYet'; waited: Duration }
  | { kind: 'failed'; error: unknown };

/**
 * "Tell me when it is effective", once for every flow: after PIM granted an activation, the
 * assignment takes a moment to show up (PIM provisions it). Looks (bounded, on the injected clock)
 * until the user's active roles list it. Never throws: a failed read is an outcome.
 */
export class WaitUntilEffective {
  constructor(
    private readonly deps: { pim: Pick<PimGateway, 'listActiveRoles'>; clock: Clock },
    private readonly bounds: EffectiveWaitBounds = {},
  ) {}

  async wait(user: DelegatedUser, target: RoleTarget): Promise<EffectiveOutcome> {
    const { clock } = this.deps;
    const timeout = this.bounds.timeout ?? Duration.fromObject({ seconds: 60 });
    const interval = this.bounds.interval ?? Duration.fromObject({ seconds: 1 });
    const started = clock.now();
    try {
      for (;;) {
        const match = (await this.deps.pim.listActiveRoles(user)).find((role) => sameRole(role, target));
        if (match) return { kind: 'effective', assignment: match };
        const waited = clock.now().diff(started);
        if (waited.plus(interval) > timeout) return { kind: 'notYet', waited };
        await clock.sleep(interval.as('milliseconds'));
      }
    } catch (error) {
      return { kind: 'failed', error };
    }
  }
}
