import { type DateTime, Duration } from 'luxon';
import { AuditActions } from '../../domain/audit/audit-actions';
import type { RoleKind } from '../../domain/roles';
import type { AuditLog } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';
import type { OneTimeKeyRepository } from '../../ports/one-time-keys';
import type { NewWorkItem, WorkItem } from '../../ports/stores';
import { done, type WorkHandler, type WorkOutcome } from '../reminders/work-handler';
import { WorkKinds, WorkPayloadError } from '../reminders/work-items';

/** A Verify link Elevate handed out: what its audit entry names if it is never used. */
export interface StepUpIssued {
  /** The signed state's one-time nonce (what the link's one use is keyed by). */
  nonce: string;
  userId: string;
  roleId: string;
  roleName: string;
  kind?: RoleKind;
  directoryScopeId: string;
  justification?: string;
  ticket?: string;
  originConversationId?: string;
  /** What the verification was for. */
  purpose: 'activate' | 'extend' | 'approval';
}

/** After the link's expiry, a minute for a sign-in that was finishing right then. */
const AFTER_EXPIRY = Duration.fromObject({ minutes: 1 });
/** How long an ended step-up is remembered (longer than any link lives, plus the check's delay). */
const ENDED_REMEMBERED = Duration.fromObject({ days: 1 });

/**
 * The one-time key that says a step-up ended (completed, or Entra sent the person back without a
 * token). Whoever ends it consumes it; the expiry check records an abandonment only if it can
 * still consume it itself.
 */
export const stepUpEndedKey = (nonce: string) => `stepup-end:${nonce}`;

/** Marks a step-up as ended (completed or abandoned at Entra), so its expiry records nothing. */
export async function markStepUpEnded(
  deps: { oneTimeKeys: Pick<OneTimeKeyRepository, 'consume'>; clock: Pick<Clock, 'now'> },
  nonce: string,
): Promise<void> {
  await deps.oneTimeKeys.consume(stepUpEndedKey(nonce), deps.clock.now().plus(ENDED_REMEMBERED));
}

/** The scheduler's check, due just after the link expires. Key: stepup:<nonce>. */
export function stepUpExpiryWork(issued: StepUpIssued, linkExpiresAt: DateTime): NewWorkItem {
  const payload: Record<string, string> = {};
  for (const [field, value] of Object.entries(issued)) {
    if (typeof value === 'string') payload[field] = value.slice(0, 1000);
  }
  return {
    key: `${WorkKinds.stepUpExpiry}:${issued.nonce}`,
    kind: WorkKinds.stepUpExpiry,
    dueAt: linkExpiresAt.plus(AFTER_EXPIRY),
    payload,
  };
}

/**
 * A Verify link that was never used to the end (not opened, or the sign-in never came back) is
 * recorded once as `stepUp.abandoned` when it expires: one leased work item per link, and the
 * one-time end key, so a completion or an abandonment Entra reported is never recorded twice.
 */
export class StepUpExpiryHandler implements WorkHandler {
  readonly concurrent = true;

  constructor(
    private readonly deps: {
      audit: Pick<AuditLog, 'record'>;
      oneTimeKeys: Pick<OneTimeKeyRepository, 'consume'>;
      clock: Pick<Clock, 'now'>;
    },
  ) {}

  async handle(item: WorkItem): Promise<WorkOutcome> {
    const issued = readIssued(item);
    const ended = await this.deps.oneTimeKeys.consume(
      stepUpEndedKey(issued.nonce),
      this.deps.clock.now().plus(ENDED_REMEMBERED),
    );
    if (!ended) return done('the step-up ended before its link expired');
    await this.deps.audit.record({
      actorId: issued.userId,
      action: AuditActions.stepUpAbandoned,
      outcome: 'failed',
      role: issued.roleId ? { id: issued.roleId, name: issued.roleName, kind: issued.kind } : undefined,
      scope: issued.directoryScopeId ? { id: issued.directoryScopeId } : undefined,
      justification: issued.justification,
      ticket: issued.ticket,
      reason: 'the Verify link expired unused (it works for 10 minutes)',
      conversationId: issued.originConversationId,
      details: { for: issued.purpose, timedOut: true },
    });
    return done('expired step-up recorded as abandoned');
  }
}

const PURPOSES: readonly StepUpIssued['purpose'][] = ['activate', 'extend', 'approval'];
const KINDS: readonly RoleKind[] = ['directoryRole', 'groupMember', 'groupOwner'];

function readIssued(item: WorkItem): StepUpIssued {
  const p = item.payload;
  const text = (field: string): string | undefined =>
    typeof p[field] === 'string' && p[field] !== '' ? p[field] : undefined;
  const required = (field: string): string => {
    const value = text(field);
    if (value === undefined) throw new WorkPayloadError(item.key, `${field} must be a non-empty string`);
    return value;
  };
  const purpose = required('purpose') as StepUpIssued['purpose'];
  if (!PURPOSES.includes(purpose))
    throw new WorkPayloadError(item.key, `purpose must be one of ${PURPOSES.join(', ')}`);
  const kind = text('kind') as RoleKind | undefined;
  return {
    nonce: required('nonce'),
    userId: required('userId'),
    roleId: text('roleId') ?? '',
    roleName: required('roleName'),
    kind: kind && KINDS.includes(kind) ? kind : undefined,
    directoryScopeId: text('directoryScopeId') ?? '',
    justification: text('justification'),
    ticket: text('ticket'),
    originConversationId: text('originConversationId'),
    purpose,
  };
}
