import { Duration, type DateTime } from 'luxon';
import { deactivationAllowedAt } from '../../domain/activation/deactivation-window';
import { validateActivation } from '../../domain/activation/validate-activation';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import { formatDurationForHumans } from '../../domain/durations';
import type { ActiveRole, ActivationRules, EligibleRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimGateway } from '../../ports/pim-gateway';
import type { AuditRepository, TrackedRequestRepository } from '../../ports/stores';
import type { ActivateRolesUseCase } from '../activation/activate-roles.use-case';
import type { ActivationOutcome } from '../activation/activation-outcome';
import type { Actor } from '../shared/actor';

export interface ExtendActivationInput {
  actor: Actor;
  roleId: string;
  directoryScopeId: string;
  /** How long the role should stay active from now. */
  duration: Duration;
}

/** How Extend works for a role: straight re-activation, or a new request that needs approval. */
export type ExtendMethod = 'reactivate' | 'approvalRequest';

export type ExtendOutcome =
  | { kind: 'extended'; method: ExtendMethod; previous: ActiveRole; outcome: ActivationOutcome }
  | { kind: 'tooSoon'; role: ActiveRole; possibleAt: DateTime };

export interface ExtendActivationDeps {
  pim: PimGateway;
  activate: ActivateRolesUseCase;
  trackedRequests: TrackedRequestRepository;
  audit: AuditRepository;
  clock: Clock;
  /** Waits between re-activation attempts (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
  /** How long RoleAssignmentExists is retried after the deactivation (REFERENCE §7.2: up to ~2 min). */
  retryFor?: Duration;
  retryEvery?: Duration;
}

export function extendMethod(rules: ActivationRules): ExtendMethod {
  return rules.approvalRequired ? 'approvalRequest' : 'reactivate';
}

/**
 * Extends a live activation. PIM cannot extend an activation in place (REFERENCE §7.2,
 * RoleAssignmentExists), so Elevate checks everything first, deactivates, and activates again for
 * the new duration, retrying RoleAssignmentExists for up to two minutes while PIM catches up.
 * When the role's policy needs approval, the new activation is a normal request that waits for
 * an approver.
 */
export class ExtendActivationUseCase {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retryFor: Duration;
  private readonly retryEvery: Duration;

  constructor(private readonly deps: ExtendActivationDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.retryFor = deps.retryFor ?? Duration.fromObject({ minutes: 2 });
    this.retryEvery = deps.retryEvery ?? Duration.fromObject({ seconds: 5 });
  }

  async execute(input: ExtendActivationInput): Promise<ExtendOutcome> {
    const { pim, clock } = this.deps;
    const { actor } = input;
    const active = (await pim.listActiveRoles(actor.delegated)).find(
      (r) =>
        r.assignmentType === 'Activated' &&
        r.roleId === input.roleId &&
        r.directoryScopeId === input.directoryScopeId,
    );
    if (!active) {
      throw new DomainError(
        ErrorCodes.NotActive,
        'This role is not active any more, so there is nothing to extend.',
        {
          remedy: 'Say "activate <role>" (or use Activate again on the card) to activate it again.',
          details: { roleId: input.roleId, directoryScopeId: input.directoryScopeId },
        },
      );
    }
    const rules = await pim.getActivationRules({ kind: active.kind, roleId: active.roleId });
    const role: EligibleRole = { ...active, via: { type: 'direct' } };
    const previous = await this.previousRequestText(actor.userId, active);
    const justification =
      previous.justification ??
      `Extension of the activation that ended at ${active.endDateTime?.toISO() ?? 'now'} (Elevate reminder)`;
    const validation = validateActivation(
      { role, duration: input.duration, justification, ticket: previous.ticket },
      rules,
      { now: clock.now(), zone: actor.timeZone },
    );
    if (!validation.valid) {
      // Nothing was changed: the role stays active until it ends.
      const [first] = validation.violations;
      throw new DomainError(first.code, `Elevate cannot extend ${active.roleName}: ${first.message}`, {
        remedy: first.remedy ?? `Activate it again with everything the policy needs once it ends.`,
        details: { violations: validation.violations.map((v) => v.code) },
      });
    }

    const now = clock.now();
    if (active.startDateTime && now < deactivationAllowedAt(active.startDateTime)) {
      return { kind: 'tooSoon', role: active, possibleAt: deactivationAllowedAt(active.startDateTime) };
    }
    try {
      await pim.deactivate(actor.delegated, active);
    } catch (error) {
      if (isDomainError(error, ErrorCodes.DeactivateTooSoon) && active.startDateTime) {
        return { kind: 'tooSoon', role: active, possibleAt: deactivationAllowedAt(active.startDateTime) };
      }
      if (!isDomainError(error, ErrorCodes.NotActive)) throw error;
    }
    const method = extendMethod(rules);
    const outcome = await this.reactivate(input, role, validation.activation.justification, previous.ticket);
    await this.deps.audit.append({
      at: clock.now(),
      actorId: actor.userId,
      action: 'extend',
      target: `${active.roleName} @ ${active.scopeName}`,
      outcome: outcome.kind,
      details: {
        roleId: active.roleId,
        directoryScopeId: active.directoryScopeId,
        previousInstanceId: active.instanceId,
        method,
        duration: input.duration.toISO(),
      },
    });
    return { kind: 'extended', method, previous: active, outcome };
  }

  private async reactivate(
    input: ExtendActivationInput,
    role: EligibleRole,
    justification: string | undefined,
    ticket: string | undefined,
  ): Promise<ActivationOutcome> {
    const deadline = this.deps.clock.now().plus(this.retryFor);
    for (;;) {
      const [outcome] = await this.deps.activate.execute({
        actor: input.actor,
        selection: {
          type: 'exact',
          roleId: role.roleId,
          directoryScopeId: role.directoryScopeId,
          kind: role.kind,
        },
        duration: input.duration,
        justification,
        ticket,
      });
      if (outcome.kind !== 'alreadyActive') return outcome;
      if (this.deps.clock.now().plus(this.retryEvery) > deadline) {
        return {
          kind: 'failed',
          role,
          error: new DomainError(
            ErrorCodes.AlreadyActive,
            `${role.roleName} was deactivated for the extension, but PIM still reports it as active after ${formatDurationForHumans(this.retryFor)}, so it could not be activated again yet.`,
            { remedy: `Say "activate ${role.roleName}" in a minute.` },
          ),
        };
      }
      await this.sleep(this.retryEvery.as('milliseconds'));
    }
  }

  /** Justification and ticket of the request that made this activation, when Elevate made it. */
  private async previousRequestText(
    userId: string,
    active: ActiveRole,
  ): Promise<{ justification?: string; ticket?: string }> {
    const mine = await this.deps.trackedRequests.listForPrincipal(userId).catch(() => []);
    const latest = mine
      .filter((r) => r.roleId === active.roleId && r.directoryScopeId === active.directoryScopeId)
      .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())[0];
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
    return { justification: text(latest?.data.justification), ticket: text(latest?.data.ticket) };
  }
}
