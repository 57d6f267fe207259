import type { DateTime } from 'luxon';
import type { ActiveAssignment } from '../../ports/pim-gateway';

/** The activated assignments PIM listed in one reconcile pass, tenant-wide. */
export interface ActivationSnapshot {
  takenAt: DateTime;
  /** False when a listing failed: absence from `instances` then proves nothing. */
  complete: boolean;
  /** By instance id. */
  instances: ReadonlyMap<string, ActiveAssignment>;
}

/** True when the snapshot can tell whether an activation first seen at `observedAt` is gone. */
export function canJudgeAbsence(snapshot: ActivationSnapshot | undefined, observedAt: DateTime): boolean {
  return Boolean(snapshot && snapshot.complete && snapshot.takenAt > observedAt);
}
