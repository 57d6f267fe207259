import { AuditActions } from '../../../domain/audit/audit-actions';
import type { DateTime } from 'luxon';
import { stepUpExpiryWork } from '../../../app/audit/step-up-expiry';
import type { AuditEvent } from '../../../ports/audit-log';
import type { WorkItemRepository } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import { CardActionSigner } from '../card-actions/card-action-signer';
import type { StepUpPayload } from './step-up-state';

/**
 * The audit entry of a step-up round trip's end: completed (the stepped-up token was obtained and
 * what it was for resumes) or abandoned (Entra sent the person back without one: cancelled, or
 * MFA failed).
 */
export function stepUpEvent(
  userId: string,
  payload: StepUpPayload,
  end: { kind: 'completed' } | { kind: 'abandoned'; reason: string },
): AuditEvent {
  return {
    actorId: userId,
    action: end.kind === 'completed' ? AuditActions.stepUpCompleted : AuditActions.stepUpAbandoned,
    outcome: end.kind === 'completed' ? 'succeeded' : 'failed',
    role: { id: payload.roleId, name: payload.roleName, kind: payload.kind },
    scope: { id: payload.directoryScopeId },
    justification: payload.justification,
    ticket: payload.ticket,
    reason: end.kind === 'abandoned' ? end.reason.slice(0, 500) : undefined,
    conversationId: payload.originConversationId,
    details: { for: payload.decision ? 'approval' : payload.extend ? 'extend' : 'activate' },
  };
}

/**
 * A Verify link never used to the end (not opened, or the sign-in never came back) is recorded as
 * abandoned by the scheduler when it expires: the check is scheduled when the link is made.
 */
export async function scheduleStepUpExpiryCheck(
  deps: { workItems?: Pick<WorkItemRepository, 'scheduleIfAbsent'>; logger: Logger },
  userId: string,
  payload: StepUpPayload,
  state: string,
  expiresAt: DateTime,
): Promise<void> {
  const nonce = CardActionSigner.nonceOf(state);
  if (!nonce || !deps.workItems) return;
  const work = stepUpExpiryWork(
    {
      nonce,
      userId,
      roleId: payload.roleId,
      roleName: payload.roleName,
      kind: payload.kind,
      directoryScopeId: payload.directoryScopeId,
      justification: payload.justification,
      ticket: payload.ticket,
      originConversationId: payload.originConversationId,
      purpose: payload.decision ? 'approval' : payload.extend ? 'extend' : 'activate',
    },
    expiresAt,
  );
  // The Verify card still goes out when the store cannot take the check (it is only for the trail).
  await deps.workItems.scheduleIfAbsent(work).catch((error: unknown) => {
    deps.logger.warn({ err: error }, 'could not schedule the check of an unused Verify link');
  });
}
