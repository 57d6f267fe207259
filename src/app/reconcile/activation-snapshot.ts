import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { ActivationIndex } from './activation-index';

/** The activated assignments PIM listed in one reconcile pass, tenant-wide. */
export interface ActivationSnapshot {
  takenAt: DateTime;
  /**
   * The kinds whose listing succeeded. For a kind whose listing failed, absence from `instances`
   * proves nothing (PIM for Groups listings can fail on their own, e.g. without a group filter).
   */
  listed: ReadonlySet<RoleKind>;
  /** The activated instances listed (compact: ids and ends, not the objects). */
  active: ActivationIndex;
}

/** True when the snapshot can tell whether an activation of `kind` first seen at `observedAt` is gone. */
export function canJudgeAbsence(
  snapshot: ActivationSnapshot | undefined,
  activation: { kind: RoleKind; observedAt: DateTime },
): boolean {
  return Boolean(
    snapshot && snapshot.listed.has(activation.kind) && snapshot.takenAt > activation.observedAt,
  );
}
