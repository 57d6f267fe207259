import { AuditActions } from '../../domain/audit/audit-actions';
import type { ActiveRole, EligibleRole } from '../../domain/roles';
import type { AuditEvent } from '../../ports/audit-log';
import type { ActivationOutcome } from '../activation/activation-outcome';
import type { DeactivationOutcome } from '../activation/deactivate-role.use-case';
import type { Actor } from '../shared/actor';

type RoleLike = Pick<
  EligibleRole | ActiveRole,
  'kind' | 'roleId' | 'roleName' | 'directoryScopeId' | 'scopeName'
>;

/** The role and scope fields of an audit event. */
export function roleFields(role: RoleLike): Pick<AuditEvent, 'role' | 'scope'> {
  return {
    role: { id: role.roleId, name: role.roleName, kind: role.kind },
    scope: { id: role.directoryScopeId, name: role.scopeName },
  };
}

export function actorFields(
  actor: Pick<Actor, 'userId' | 'displayName'>,
): Pick<AuditEvent, 'actorId' | 'actorName'> {
  return { actorId: actor.userId, actorName: actor.displayName };
}

/** One audit event per role an activate command asked for, whatever became of it. */
export function activationEvent(
  input: { actor: Actor; justification?: string; ticket?: string },
  outcome: ActivationOutcome,
): AuditEvent {
  const base = {
    ...actorFields(input.actor),
    justification: input.justification,
    ticket: input.ticket,
    details: { activationOutcome: outcome.kind },
  };
  switch (outcome.kind) {
    case 'activated':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationActivated,
        outcome: 'succeeded',
        requestId: outcome.requestId,
        details: { ...base.details, until: outcome.until.toISO(), duration: outcome.duration.toISO() },
      };
    case 'scheduled':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationScheduled,
        outcome: 'succeeded',
        requestId: outcome.requestId,
        details: {
          ...base.details,
          startAt: outcome.startAt.toISO(),
          until: outcome.until.toISO(),
          duration: outcome.duration.toISO(),
        },
      };
    case 'pendingApproval':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationRequested,
        outcome: 'pending',
        requestId: outcome.requestId,
        details: { ...base.details, duration: outcome.duration.toISO(), approvers: outcome.approvers.length },
      };
    case 'stepUpRequired':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.stepUpStarted,
        outcome: 'pending',
        reason:
          outcome.reason === 'mfa'
            ? 'multi-factor authentication required'
            : 'authentication context required',
      };
    case 'failed':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationFailed,
        outcome: 'failed',
        reason: `${outcome.error.code}: ${outcome.error.message}`,
        requestId: stringDetail(outcome.error.details.requestId),
      };
    case 'invalid':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: outcome.errors.map((e) => `${e.code}: ${e.message}`).join(' '),
      };
    case 'alreadyActive':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: 'ALREADY_ACTIVE: the role is already active',
      };
    case 'duplicatePending':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.requestRefused,
        outcome: 'refused',
        requestId: outcome.requestId,
        reason: 'PENDING_REQUEST_EXISTS: a request for this role is already pending',
      };
    case 'ambiguous':
      return {
        ...base,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_AMBIGUOUS: "${outcome.query}" matches ${outcome.candidates.length} roles`,
      };
    case 'notFound':
      return {
        ...base,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_NOT_FOUND: no eligible role matches "${outcome.query}"`,
      };
  }
}

/** One audit event per deactivate command. */
export function deactivationEvent(actor: Actor, outcome: DeactivationOutcome): AuditEvent {
  const base = actorFields(actor);
  switch (outcome.kind) {
    case 'deactivated':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationDeactivated,
        outcome: 'succeeded',
        details: { instanceId: outcome.role.instanceId },
      };
    case 'tooSoon':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `DEACTIVATE_TOO_SOON: possible from ${outcome.possibleAt.toUTC().toISO() ?? ''}`,
        details: { instanceId: outcome.role.instanceId, verb: 'deactivate' },
      };
    case 'failed':
      return {
        ...base,
        ...roleFields(outcome.role),
        action: AuditActions.activationFailed,
        outcome: 'failed',
        reason: `${outcome.error.code}: ${outcome.error.message}`,
        details: { instanceId: outcome.role.instanceId, verb: 'deactivate' },
      };
    case 'notActive':
      return {
        ...base,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `NOT_ACTIVE: no active role matches "${outcome.query}"`,
        details: { verb: 'deactivate' },
      };
    case 'ambiguous':
      return {
        ...base,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_AMBIGUOUS: "${outcome.query}" matches ${outcome.candidates.length} active roles`,
        details: { verb: 'deactivate' },
      };
  }
}

function stringDetail(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
