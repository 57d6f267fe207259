import { roleLabel } from './role-label';
import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { DomainError } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { requestSubject } from '../card-actions/card-action-signer';
import { didYouMeanCard, pickRoleCard, roleActionToken } from './role-card.presenter';
import { errorCard, refusalText, validationErrorCard } from './error-card.presenter';
import { signFor, type PresenterContext } from './presenter-context';
import { formatInstant, humanDuration } from './time-format';
import { approverNames } from './approver-names';
import { sharedActivationCard, type OwnActivationCard } from './shared-activation-card';

type WithRequestCard = Extract<
  ActivationOutcome,
  { kind: 'activated' | 'scheduled' | 'pendingApproval' | 'alreadyActive' | 'duplicatePending' }
>;

/**
 * `holderName`: whose request, on a card a whole channel or group chat reads (the shared copy, no
 * buttons); `holderTeamsId`: their Teams id, so their client shows them their own card instead.
 */
export interface ResultOptions {
  effective?: boolean;
  /** Not effective after the follow-up's wait: the card stops promising to update. */
  slow?: boolean;
  justification?: string;
  ticket?: string;
  holderName?: string;
  holderTeamsId?: string;
}

/** One card per activation outcome. `stepUpRequired` is presented by the step-up flow. */
export function activationOutcomeCard(
  ctx: PresenterContext,
  outcome: Exclude<ActivationOutcome, { kind: 'stepUpRequired' }>,
  options: ResultOptions = {},
): AdaptiveCardJson {
  switch (outcome.kind) {
    case 'ambiguous':
      return pickRoleCard(ctx, outcome.query, outcome.candidates);
    case 'notFound':
      return didYouMeanCard(ctx, outcome.query, outcome.suggestions);
    case 'invalid':
      return validationErrorCard(roleLabel(outcome.role), outcome.errors);
    case 'failed':
      return errorCard(outcome.error, `Could not activate ${roleLabel(outcome.role)}`);
    default:
      return resultCard(ctx, outcome, options);
  }
}

function resultCard(
  ctx: PresenterContext,
  outcome: WithRequestCard,
  options: ResultOptions,
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const at = (value: Parameters<typeof formatInstant>[0] | undefined): string =>
    value ? formatInstant(value, ctx.zone, now) : '';
  const base = {
    roleName: roleLabel(outcome.role),
    scopeName: outcome.role.scopeName,
    roleId: outcome.role.roleId,
    directoryScopeId: outcome.role.directoryScopeId,
    requestId: '',
    duration: '',
    startsAt: '',
    endsAt: '',
    effective: false,
    slow: false,
    approvers: [] as string[],
    expiresIn: '',
    requestedAt: '',
    pendingState: '',
    justification: options.justification ?? '',
    ticketNumber: options.ticket ?? '',
    holderName: '',
    token: '',
  };
  const show = (own: OwnActivationCard): AdaptiveCardJson =>
    options.holderName
      ? sharedActivationCard(ctx, own, { name: options.holderName, teamsId: options.holderTeamsId })
      : renderCard('activation-result', own);
  switch (outcome.kind) {
    case 'activated':
      return show({
        ...base,
        outcome: 'active',
        requestId: outcome.requestId,
        duration: humanDuration(outcome.duration),
        startsAt: at(outcome.startAt),
        endsAt: at(outcome.until),
        effective: options.effective ?? false,
        slow: !options.effective && (options.slow ?? false),
        token: roleActionToken(ctx, outcome.role),
      });
    case 'scheduled':
      return show({
        ...base,
        outcome: 'scheduled',
        requestId: outcome.requestId,
        duration: humanDuration(outcome.duration),
        startsAt: at(outcome.startAt),
        endsAt: at(outcome.until),
        token: signFor(ctx, ['cancel'], requestSubject(outcome.requestId)),
      });
    case 'pendingApproval':
      return show({
        ...base,
        outcome: 'pending',
        requestId: outcome.requestId,
        duration: humanDuration(outcome.duration),
        startsAt: at(outcome.startAt),
        approvers: approverNames(outcome.approvers),
        expiresIn: '24 hours',
        requestedAt: at(now),
        token: signFor(ctx, ['cancel'], requestSubject(outcome.requestId)),
      });
    case 'alreadyActive':
      return show({
        ...base,
        outcome: 'alreadyActive',
        endsAt: at(outcome.until),
        effective: true,
        token: roleActionToken(ctx, outcome.role),
      });
    case 'duplicatePending':
      return show({
        ...base,
        outcome: 'duplicatePending',
        requestId: outcome.requestId ?? '',
        requestedAt: at(outcome.requestedAt),
        pendingState: 'waiting for approval or its start time',
        token: outcome.requestId ? signFor(ctx, ['cancel'], requestSubject(outcome.requestId)) : '',
      });
  }
}

export type { DomainError };

export type ActivationRefusal = Extract<ActivationOutcome, { kind: 'invalid' | 'failed' }>;
type Refusal = ActivationRefusal;

/** Whether an outcome refuses the activation (answered beside a pressed card, never over it). */
export function isActivationRefusal(outcome: ActivationOutcome): outcome is Refusal {
  return outcome.kind === 'invalid' || outcome.kind === 'failed';
}

/** A refused activation as a short message beside the pressed card or form. */
export function activationRefusalText(outcome: Refusal): string {
  return outcome.kind === 'invalid'
    ? refusalText(outcome.errors, `Cannot activate ${roleLabel(outcome.role)} as asked:`)
    : refusalText(outcome.error, `Could not activate ${roleLabel(outcome.role)}:`);
}
