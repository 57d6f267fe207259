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

/** What differs between events: the rest (actor, role and scope fields) is filled in once. */
type EventParts = Pick<AuditEvent, 'action' | 'outcome' | 'requestId' | 'reason' | 'details'> & {
  role?: RoleLike;
};

function eventOf(
  actor: Pick<Actor, 'userId' | 'displayName'>,
  parts: EventParts,
  extra: Partial<AuditEvent> = {},
): AuditEvent {
  const { role, ...rest } = parts;
  return { ...actorFields(actor), ...extra, ...(role ? roleFields(role) : {}), ...rest };
}

const failure = (error: { code: string; message: string }) => `${error.code}: ${error.message}`;

function activationParts(outcome: ActivationOutcome): EventParts {
  switch (outcome.kind) {
    case 'activated':
      return {
        role: outcome.role,
        action: AuditActions.activationActivated,
        outcome: 'succeeded',
        requestId: outcome.requestId,
        details: { until: outcome.until.toISO(), duration: outcome.duration.toISO() },
      };
    case 'scheduled':
      return {
        role: outcome.role,
        action: AuditActions.activationScheduled,
        outcome: 'succeeded',
        requestId: outcome.requestId,
        details: {
          startAt: outcome.startAt.toISO(),
          until: outcome.until.toISO(),
          duration: outcome.duration.toISO(),
        },
      };
    case 'pendingApproval':
      return {
        role: outcome.role,
        action: AuditActions.activationRequested,
        outcome: 'pending',
        requestId: outcome.requestId,
        details: { duration: outcome.duration.toISO(), approvers: outcome.approvers.length },
      };
    case 'stepUpRequired':
      return {
        role: outcome.role,
        action: AuditActions.stepUpStarted,
        outcome: 'pending',
        reason:
          outcome.reason === 'mfa'
            ? 'multi-factor authentication required'
            : 'authentication context required',
      };
    case 'failed':
      return {
        role: outcome.role,
        action: AuditActions.activationFailed,
        outcome: 'failed',
        reason: failure(outcome.error),
        requestId: stringDetail(outcome.error.details.requestId),
      };
    case 'invalid':
      return {
        role: outcome.role,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: outcome.errors.map(failure).join(' '),
      };
    case 'alreadyActive':
      return {
        role: outcome.role,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: 'ALREADY_ACTIVE: the role is already active',
      };
    case 'duplicatePending':
      return {
        role: outcome.role,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        requestId: outcome.requestId,
        reason: 'PENDING_REQUEST_EXISTS: a request for this role is already pending',
      };
    case 'ambiguous':
      return {
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_AMBIGUOUS: "${outcome.query}" matches ${outcome.candidates.length} roles`,
      };
    case 'notFound':
      return {
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_NOT_FOUND: no eligible role matches "${outcome.query}"`,
      };
  }
}

/** One audit event per role an activate command asked for, whatever became of it. */
export function activationEvent(
  input: { actor: Actor; justification?: string; ticket?: string },
  outcome: ActivationOutcome,
): AuditEvent {
  const parts = activationParts(outcome);
  return eventOf(
    input.actor,
    { ...parts, details: { activationOutcome: outcome.kind, ...parts.details } },
    { justification: input.justification, ticket: input.ticket },
  );
}

function deactivationParts(outcome: DeactivationOutcome): EventParts {
  switch (outcome.kind) {
    case 'deactivated':
      return {
        role: outcome.role,
        action: AuditActions.activationDeactivated,
        outcome: 'succeeded',
        details: { instanceId: outcome.role.instanceId },
      };
    case 'tooSoon':
      return {
        role: outcome.role,
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `DEACTIVATE_TOO_SOON: possible from ${outcome.possibleAt.toUTC().toISO() ?? ''}`,
        details: { instanceId: outcome.role.instanceId, verb: 'deactivate' },
      };
    case 'failed':
      return {
        role: outcome.role,
        action: AuditActions.activationFailed,
        outcome: 'failed',
        reason: failure(outcome.error),
        details: { instanceId: outcome.role.instanceId, verb: 'deactivate' },
      };
    case 'notActive':
      return {
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `NOT_ACTIVE: no active role matches "${outcome.query}"`,
        details: { verb: 'deactivate' },
      };
    case 'ambiguous':
      return {
        action: AuditActions.requestRefused,
        outcome: 'refused',
        reason: `ROLE_AMBIGUOUS: "${outcome.query}" matches ${outcome.candidates.length} active roles`,
        details: { verb: 'deactivate' },
      };
  }
}

/** One audit event per deactivate command. */
export function deactivationEvent(actor: Actor, outcome: DeactivationOutcome): AuditEvent {
  return eventOf(actor, deactivationParts(outcome));
}

function stringDetail(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
