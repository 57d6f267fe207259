import { Duration, type DateTime } from 'luxon';
import { deactivationAllowedAt } from '../../domain/activation/deactivation-window';
import { newDuration } from '../../domain/activation/extension-duration';
import { stepUpDemand, type StepUpReason } from '../../domain/activation/step-up-claims';
import { validateActivation } from '../../domain/activation/validate-activation';
import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import { formatDurationForHumans } from '../../domain/durations';
import type { ActiveRole, ActivationRules, EligibleRole } from '../../domain/roles';
import type { Clock } from '../../ports/clock';
import type { PimPolicies, PimRequests, PimRoles } from '../../ports/pim-gateway';
import type { TrackedRequestRepository } from '../../ports/stores';
import type { AuditLog } from '../../ports/audit-log';
import { AuditActions, type AuditAction, type AuditOutcome } from '../../domain/audit/audit-actions';
import { actorFields, roleFields } from '../audit/activation-events';
import type { ActivateRolesUseCase } from '../activation/activate-roles.use-case';
import type { ActivationOutcome, NamedPerson } from '../activation/activation-outcome';
import type { ApproverResolver } from '../activation/approver-resolver';
import { asDomainError, failureOf } from '../activation/activation-failure';
import type { Actor } from '../shared/actor';
import { roleInCommand, roleLabel } from '../../domain/role-label';
import { activatedRoles, findExtendTarget, type ExtendTarget, type NoActivationNamed } from './extend-target';

/** `by`: how much later the activation should end ("extend by 1 h" moves the end 1 h later). */
export type ExtendActivationInput = { actor: Actor; by: Duration } & ExtendTarget;

/** How Extend works for a role: straight re-activation, or (approval needed) not while it is active. */
export type ExtendMethod = 'reactivate' | 'approvalRequest';

type Activated = Extract<ActivationOutcome, { kind: 'activated' }>;

/** What Extend did. Every kind but `extended` and `restored` left the activation exactly as it was. */
export type ExtendOutcome =
  | {
      kind: 'extended';
      previous: ActiveRole;
      outcome: Activated;
      justification?: string;
      ticket?: string;
      /** Set when the time left plus the extension exceeded PIM's maximum: the new end is now + maximum. */
      cappedAt?: Duration;
    }
  | { kind: 'tooSoon'; role: ActiveRole; possibleAt: DateTime }
  /** The policy needs a stronger sign-in: nothing was changed; Extend runs again once verified. */
  | { kind: 'stepUpRequired'; role: ActiveRole; reason: StepUpReason; claims: string }
  /** PIM takes no new request for an active role, and an approval cannot be waited for without it. */
  | { kind: 'needsApproval'; role: ActiveRole; approvers: NamedPerson[] }
  /** The re-activation failed after the deactivation; the role was activated again until its old end. */
  | { kind: 'restored'; previous: ActiveRole; failure: DomainError; until: DateTime }
  /** The re-activation and the restore both failed: the role is not active now. */
  | { kind: 'lost'; previous: ActiveRole; failure: DomainError; restoreFailure: DomainError }
  | NoActivationNamed;

export interface ExtendActivationDeps {
  pim: PimRoles & PimPolicies & PimRequests;
  activate: ActivateRolesUseCase;
  approvers: ApproverResolver;
  trackedRequests: TrackedRequestRepository;
  audit: AuditLog;
  clock: Clock;
  /** How long RoleAssignmentExists is retried after the deactivation (REFERENCE §7.2: up to ~2 min). */
  retryFor?: Duration;
  retryEvery?: Duration;
}

export function extendMethod(rules: ActivationRules): ExtendMethod {
  return rules.approvalRequired ? 'approvalRequest' : 'reactivate';
}

/** PIM's shortest activation; a restore never asks for less. */
const SHORTEST = Duration.fromObject({ minutes: 5 });

/**
 * Extends a live activation. PIM cannot extend an activation in place (REFERENCE §7.2,
 * RoleAssignmentExists), so Elevate deactivates and activates again. The guarantee: Extend never
 * leaves the user with less than they had. Everything the new request needs (a valid duration,
 * the justification and ticket carried over, the step-up token) is obtained first; a role that
 * needs approval is not deactivated at all; and when the re-activation fails after the
 * deactivation, the role is activated again at once until its old end.
 */
export class ExtendActivationUseCase {
  private readonly retryFor: Duration;
  private readonly retryEvery: Duration;

  constructor(private readonly deps: ExtendActivationDeps) {
    this.retryFor = deps.retryFor ?? Duration.fromObject({ minutes: 2 });
    this.retryEvery = deps.retryEvery ?? Duration.fromObject({ seconds: 5 });
  }

  async execute(input: ExtendActivationInput): Promise<ExtendOutcome> {
    const { pim, clock } = this.deps;
    const { actor } = input;
    const found = await findExtendTarget(pim, actor, input);
    if (found.kind !== 'match') return found;
    const active = found.role;
    const rules = await pim.getActivationRules({ kind: active.kind, roleId: active.roleId });
    const role: EligibleRole = { ...active, via: { type: 'direct' } };
    const previous = await this.previousRequestText(actor.userId, active);
    const justification = previous.justification ?? 'Extension of the activation (asked in Elevate)';
    const { duration, cappedAt } = newDuration(active, input.by, rules.maximumDuration, clock.now());
    const validation = validateActivation({ role, duration, justification, ticket: previous.ticket }, rules, {
      now: clock.now(),
      zone: actor.timeZone,
    });
    if (!validation.valid) {
      // Nothing was changed: the role stays active until it ends.
      const [first] = validation.violations;
      throw new DomainError(first.code, `Elevate cannot extend ${roleLabel(active)}: ${first.message}`, {
        remedy: first.remedy ?? `Activate it again with everything the policy needs once it ends.`,
        details: { violations: validation.violations.map((v) => v.code) },
      });
    }
    if (rules.approvalRequired) {
      const approvers = await this.deps.approvers.resolve(rules.approvers).catch(() => []);
      return {
        kind: 'needsApproval',
        role: active,
        approvers: approvers.filter((a) => a.id !== actor.userId),
      };
    }
    const possibleAt = active.startDateTime ? deactivationAllowedAt(active.startDateTime) : undefined;
    if (possibleAt && clock.now() < possibleAt) return { kind: 'tooSoon', role: active, possibleAt };

    const strong = await this.strongActor(actor, rules);
    if ('stepUp' in strong) return { kind: 'stepUpRequired', role: active, ...strong.stepUp };

    try {
      await pim.deactivate(strong.actor.delegated, active);
    } catch (error) {
      if (isDomainError(error, ErrorCodes.DeactivateTooSoon) && possibleAt) {
        return { kind: 'tooSoon', role: active, possibleAt };
      }
      if (!isDomainError(error, ErrorCodes.NotActive)) throw error;
    }
    // Elevate's own deactivation: the reconciler must not call it "ended outside Elevate".
    await this.audit(actor, active, AuditActions.activationDeactivated, 'succeeded', { reason: 'extend' });

    const text = { justification: validation.activation.justification ?? undefined, ticket: previous.ticket };
    const outcome = await this.reactivate(strong.actor, role, duration, text);
    if (outcome.kind === 'activated') {
      await this.audit(actor, active, AuditActions.activationExtended, 'succeeded', {
        duration: duration.toISO() ?? undefined,
      });
      return { kind: 'extended', previous: active, outcome, ...text, ...(cappedAt ? { cappedAt } : {}) };
    }
    return this.restore(strong.actor, active, role, failureOf(outcome, role), text);
  }

  /** The person's activated roles (a bare `extend` suggests one of them). */
  activatedRoles(actor: Actor): Promise<ActiveRole[]> {
    return activatedRoles(this.deps.pim, actor);
  }

  /**
   * The actor with a token that satisfies the policy's MFA / authentication context, obtained
   * before anything is taken away (the restore needs it too); or the step-up to ask for.
   */
  private async strongActor(
    actor: Actor,
    rules: ActivationRules,
  ): Promise<{ actor: Actor } | { stepUp: { reason: StepUpReason; claims: string } }> {
    const demand = stepUpDemand(rules);
    if (!demand) return { actor };
    const delegated = actor.delegated.withClaims?.(demand.claims);
    if (!delegated) return { stepUp: demand };
    try {
      await delegated.accessToken();
    } catch (error) {
      if (isDomainError(error, ErrorCodes.StepUpRequired) || isDomainError(error, ErrorCodes.MfaRequired)) {
        const claims = typeof error.details.claims === 'string' ? error.details.claims : demand.claims;
        return { stepUp: { reason: demand.reason, claims } };
      }
      throw error;
    }
    return { actor: { ...actor, delegated } };
  }

  private async reactivate(
    actor: Actor,
    role: EligibleRole,
    duration: Duration,
    text: { justification?: string; ticket?: string },
  ): Promise<ActivationOutcome> {
    const deadline = this.deps.clock.now().plus(this.retryFor);
    for (;;) {
      const outcome = await this.activateExact(actor, role, duration, text);
      if (outcome.kind !== 'alreadyActive') return outcome;
      if (this.deps.clock.now().plus(this.retryEvery) > deadline) {
        return {
          kind: 'failed',
          role,
          error: new DomainError(
            ErrorCodes.AlreadyActive,
            `PIM still reported ${roleLabel(role)} as active ${formatDurationForHumans(this.retryFor)} after the deactivation, so it could not be activated again for longer.`,
            { remedy: `Say "activate ${roleInCommand(role)}" in a minute.` },
          ),
        };
      }
      await this.deps.clock.sleep(this.retryEvery.as('milliseconds'));
    }
  }

  /** Activates the role again until its old end (at least PIM's shortest activation). */
  private async restore(
    actor: Actor,
    previous: ActiveRole,
    role: EligibleRole,
    failure: DomainError,
    text: { justification?: string; ticket?: string },
  ): Promise<ExtendOutcome> {
    const now = this.deps.clock.now();
    const left = previous.endDateTime ? previous.endDateTime.diff(now) : SHORTEST;
    const duration = Duration.fromObject({
      minutes: Math.max(SHORTEST.as('minutes'), Math.ceil(left.as('minutes'))),
    });
    const restored = await this.reactivate(actor, role, duration, text).catch(
      (error: unknown): ActivationOutcome => ({ kind: 'failed', role, error: asDomainError(error) }),
    );
    if (restored.kind === 'activated') {
      await this.audit(actor, previous, AuditActions.activationExtended, 'failed', {
        reason: `${failure.code}: not extended; the previous activation was restored`,
      });
      return { kind: 'restored', previous, failure, until: restored.until };
    }
    await this.audit(actor, previous, AuditActions.activationExtended, 'failed', {
      reason: `${failure.code}: not extended, and the previous activation could not be restored`,
    });
    return { kind: 'lost', previous, failure, restoreFailure: failureOf(restored, role) };
  }

  private activateExact(
    actor: Actor,
    role: EligibleRole,
    duration: Duration,
    text: { justification?: string; ticket?: string },
  ): Promise<ActivationOutcome> {
    return this.deps.activate
      .execute({
        actor,
        selection: {
          type: 'exact',
          roleId: role.roleId,
          directoryScopeId: role.directoryScopeId,
          kind: role.kind,
        },
        duration,
        justification: text.justification,
        ticket: text.ticket,
      })
      .then(([outcome]) => outcome);
  }

  private async audit(
    actor: Actor,
    role: ActiveRole,
    action: AuditAction,
    outcome: AuditOutcome,
    extra: { reason?: string; duration?: string },
  ): Promise<void> {
    await this.deps.audit.record({
      ...actorFields(actor),
      ...roleFields(role),
      action,
      outcome,
      reason: extra.reason,
      details: {
        instanceId: role.instanceId,
        ...(extra.duration ? { duration: extra.duration } : {}),
      },
    });
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
