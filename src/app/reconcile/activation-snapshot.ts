import type { DateTime } from 'luxon';
import type { RoleKind } from '../../domain/roles';
import type { ActiveAssignment } from '../../ports/pim-gateway';

/** The activated assignments PIM listed in one reconcile pass, tenant-wide. */
export interface ActivationSnapshot {
  takenAt: DateTime;
  /**
   * The kinds whose listing succeeded. For a kind whose listing failed, absence from `instances`
   * proves nothing (PIM for Groups listings can fail on their own, e.g. without a group filter).
   */
  listed: ReadonlySet<RoleKind>;
  /** By instance id. */
  instances: ReadonlyMap<string, ActiveAssignment>;
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
