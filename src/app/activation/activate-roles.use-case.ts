import type { DateTime, Duration } from 'luxon';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { ActivationRules, EligibleRole } from '../../domain/roles';
import { matchRole } from '../../domain/roles/role-matcher';
import { validateActivation } from '../../domain/activation/validate-activation';
import type { Clock } from '../../ports/clock';
import { formatInstant } from '../../domain/schedule/format-instant';
import type { PimPolicies, PimRequest, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { AuditLog } from '../../ports/audit-log';
import type { TrackedRequestRepository } from '../../ports/stores';
import { activationEvent } from '../audit/activation-events';
import type { Actor } from '../shared/actor';
import type { ActivationOutcome } from './activation-outcome';
import type { ApproverResolver } from './approver-resolver';
import { asDomainError } from './activation-failure';
import {
  canonicalStatus,
  isCancelable,
  isClosedWithoutActivation,
  isGrantedOrActive,
  isSettled,
  requestPhase,
} from '../../domain/activation/request-status';
import { roleLabel } from '../../domain/role-label';

/** What to activate: typed names from chat, or an exact eligibility picked on a card. */
export type RoleSelection =
  | { type: 'names'; names: string[]; scope?: string; kinds?: EligibleRole['kind'][] }
  | { type: 'exact'; roleId: string; directoryScopeId: string; kind?: EligibleRole['kind'] };

export interface ActivateRolesInput {
  actor: Actor;
  selection: RoleSelection;
  duration?: Duration;
  startAt?: DateTime;
  justification?: string;
  ticket?: string;
  /** Where the command was given (channel announcements, resuming after step-up). */
  originConversationId?: string;
}

/** Asks for approval of a request that waits for it (approval cards). Reports its own failures. */
export interface ActivationListener {
  onActivationOutcome(outcome: ActivationOutcome, input: ActivateRolesInput): Promise<void>;
}

export interface ActivateRolesDeps {
  pim: PimRoles & PimPolicies & PimRequests;
  approvers: ApproverResolver;
  trackedRequests: TrackedRequestRepository;
  audit: AuditLog;
  clock: Clock;
  /** Sends the approval cards when a request waits for approval (the approvals use case). */
  approvalRequests?: ActivationListener;
}

/**
 * Activates one or more eligible roles through PIM selfActivate, each independently: resolve the
 * name, read the role's policy, validate locally (every violation at once), send, and read the
 * returned status (201 is not success). Every PIM answer becomes an ActivationOutcome.
 */
export class ActivateRolesUseCase {
  constructor(private readonly deps: ActivateRolesDeps) {}

  async execute(input: ActivateRolesInput): Promise<ActivationOutcome[]> {
    const eligible = await this.deps.pim.listEligibleRoles(input.actor.delegated);
    const targets = this.resolve(input.selection, eligible);
    const outcomes: ActivationOutcome[] = [];
    for (const target of targets) {
      const outcome = 'outcome' in target ? target.outcome : await this.activateOne(input, target.role);
      await this.deps.audit.record(activationEvent(input, outcome));
      if (outcome.kind === 'pendingApproval' && this.deps.approvalRequests) {
        // After the request's own audit entry, so the trail reads requested, then approval requested.
        // Asking the approvers is part of activating; its failure (reported by it) does not undo the request.
        await this.deps.approvalRequests.onActivationOutcome(outcome, input).catch(() => undefined);
      }
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private resolve(
    selection: RoleSelection,
    eligible: EligibleRole[],
  ): ({ role: EligibleRole } | { outcome: ActivationOutcome })[] {
    if (selection.type === 'exact') {
      const role = eligible.find(
        (r) =>
          r.roleId === selection.roleId &&
          r.directoryScopeId === selection.directoryScopeId &&
          (selection.kind === undefined || r.kind === selection.kind),
      );
      if (!role) {
        throw new DomainError(ErrorCodes.NotEligible, 'You are not eligible for that role (any more).', {
          remedy:
            'Say "roles" to see what you can activate now, or ask your PIM administrator for an eligibility.',
          details: { roleId: selection.roleId, directoryScopeId: selection.directoryScopeId },
        });
      }
      return [{ role }];
    }
    const kinds = selection.kinds;
    const candidates = kinds ? eligible.filter((r) => kinds.includes(r.kind)) : eligible;
    return selection.names.map((name) => {
      const match = matchRole(name, candidates, { scope: selection.scope });
      if (match.kind === 'match') return { role: match.role };
      if (match.kind === 'ambiguous')
        return { outcome: { kind: 'ambiguous', query: name, candidates: match.candidates } };
      return { outcome: { kind: 'notFound', query: name, suggestions: match.suggestions } };
    });
  }

  private async activateOne(input: ActivateRolesInput, role: EligibleRole): Promise<ActivationOutcome> {
    const { pim, clock } = this.deps;
    let rules: ActivationRules;
    try {
      rules = await pim.getActivationRules({ kind: role.kind, roleId: role.roleId });
    } catch (error) {
      return { kind: 'failed', role, error: asDomainError(error) };
    }
    const validation = validateActivation(
      {
        role,
        duration: input.duration,
        start: input.startAt,
        justification: input.justification,
        ticket: input.ticket,
      },
      rules,
      { now: clock.now(), zone: input.actor.timeZone },
    );
    if (!validation.valid) return { kind: 'invalid', role, rules, errors: validation.violations };
    const { duration, start, justification, ticket } = validation.activation;

    let request: PimRequest;
    try {
      request = await pim.activate(input.actor.delegated, {
        kind: role.kind,
        roleId: role.roleId,
        directoryScopeId: role.directoryScopeId,
        duration,
        startAt: start,
        justification,
        ticket: ticket ? { number: ticket, system: 'Elevate' } : undefined,
      });
    } catch (error) {
      return this.fromError(input, role, asDomainError(error));
    }
    const outcome = await this.fromRequest(role, request, duration, rules);
    await this.track(input, role, request);
    return outcome;
  }

  private async fromRequest(
    role: EligibleRole,
    request: PimRequest,
    duration: Duration,
    rules: ActivationRules,
  ): Promise<ActivationOutcome> {
    const phase = requestPhase(request.status);
    const startAt = request.startAt ?? request.createdAt;
    const until = request.endAt ?? startAt.plus(duration);
    if (phase === 'awaitingApproval') {
      return {
        kind: 'pendingApproval',
        role,
        requestId: request.id,
        // PIM never lets requesters approve themselves, so they are not among those asked.
        approvers: (await this.deps.approvers.resolve(rules.approvers)).filter(
          (approver) => approver.id !== request.principalId,
        ),
        duration,
        startAt: request.startAt,
      };
    }
    if (phase === 'scheduled' && startAt > this.deps.clock.now()) {
      return { kind: 'scheduled', role, requestId: request.id, startAt, until, duration };
    }
    if (isGrantedOrActive(request.status)) {
      return { kind: 'activated', role, requestId: request.id, startAt, until, duration };
    }
    if (isClosedWithoutActivation(request.status)) {
      return {
        kind: 'failed',
        role,
        error: new DomainError(
          ErrorCodes.GraphError,
          `PIM answered "${request.status}" for this activation.`,
          {
            remedy: 'Try again; if it happens again, give the request id to your PIM administrator.',
            details: { requestId: request.id, status: request.status },
          },
        ),
      };
    }
    // Transient statuses: PIM is still working. Wait (bounded) for a settled answer.
    const settled = await this.deps.pim.waitForSettled({ kind: role.kind, requestId: request.id });
    if (!isSettled(settled.status)) {
      return {
        kind: 'failed',
        role,
        error: new DomainError(
          ErrorCodes.OutcomeUnknown,
          `PIM is still processing the request (${request.status}).`,
          {
            remedy: 'Say "status" in a minute to see the outcome.',
            details: { requestId: request.id, status: request.status },
          },
        ),
      };
    }
    return this.fromRequest(role, settled, duration, rules);
  }

  private async fromError(
    input: ActivateRolesInput,
    role: EligibleRole,
    error: DomainError,
  ): Promise<ActivationOutcome> {
    if (error.code === ErrorCodes.AlreadyActive) {
      const active = await this.deps.pim.listActiveRoles(input.actor.delegated).catch(() => []);
      const current = active.find(
        (a) => a.roleId === role.roleId && a.directoryScopeId === role.directoryScopeId,
      );
      if (input.startAt && input.startAt > this.deps.clock.now()) {
        // A future start is a different request from the running activation: PIM said why not.
        return {
          kind: 'failed',
          role,
          error: futureStartRefused(role, current?.endDateTime, input.actor.timeZone, this.deps.clock.now()),
        };
      }
      return { kind: 'alreadyActive', role, until: current?.endDateTime };
    }
    if (error.code === ErrorCodes.PendingRequestExists) {
      const mine = await this.deps.pim.listMyRequests(input.actor.delegated, role.kind).catch(() => []);
      const pending = mine.find(
        (r) =>
          r.roleId === role.roleId && r.directoryScopeId === role.directoryScopeId && isCancelable(r.status),
      );
      return { kind: 'duplicatePending', role, requestId: pending?.id, requestedAt: pending?.createdAt };
    }
    if (error.code === ErrorCodes.StepUpRequired || error.code === ErrorCodes.MfaRequired) {
      const claims =
        typeof error.details.claims === 'string'
          ? error.details.claims
          : JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });
      const reason = /acrs/.test(claims) ? 'authenticationContext' : 'mfa';
      return { kind: 'stepUpRequired', role, reason, claims, error };
    }
    return { kind: 'failed', role, error };
  }

  private async track(input: ActivateRolesInput, role: EligibleRole, request: PimRequest): Promise<void> {
    await this.deps.trackedRequests.insertIfAbsent({
      id: request.id,
      kind: role.kind,
      principalId: input.actor.userId,
      roleId: role.roleId,
      roleName: role.roleName,
      directoryScopeId: role.directoryScopeId,
      status: canonicalStatus(request.status),
      originConversationId: input.originConversationId ?? null,
      data: {
        scopeName: role.scopeName,
        justification: input.justification ?? null,
        ticket: input.ticket ?? null,
        startAt: request.startAt?.toISO() ?? null,
        endAt: request.endAt?.toISO() ?? null,
        // A start the user asked for (later than now): the reconciler tells them when it comes.
        scheduledFor: input.startAt?.toUTC().toISO() ?? null,
        requesterName: input.actor.displayName,
      },
    });
  }
}

/** PIM refuses a future-dated activation while the role is active (RoleAssignmentExists, REFERENCE §7.2). */
function futureStartRefused(
  role: EligibleRole,
  activeUntil: DateTime | undefined,
  zone: string,
  now: DateTime,
): DomainError {
  const ends = activeUntil ? ` (it ends at ${formatInstant(activeUntil, zone, now)})` : '';
  return new DomainError(
    ErrorCodes.AlreadyActive,
    `PIM did not accept a later start for ${roleLabel(role)}: it takes no new activation while the role is active, not even one that starts later.`,
    {
      remedy: `Nothing was scheduled. Ask again once the current activation has ended${ends}, or deactivate it first.`,
    },
  );
}
