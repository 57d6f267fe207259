import { AuditActions } from '../../../domain/audit/audit-actions';
import type { AuditEvent } from '../../../ports/audit-log';
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
