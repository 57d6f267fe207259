import type { ActivateRolesUseCase } from '../../../app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { ExtendActivationUseCase } from '../../../app/reminders/extend-activation.use-case';
import type { Actor } from '../../../app/shared/actor';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { Clock } from '../../../ports/clock';
import type { CardCopyRepository, ConversationRepository, JsonObject } from '../../../ports/stores';
import { isSharedConversation, rememberRequestCard } from '../follow-ups/request-card-copies';
import type { Logger } from '../../observability/logger';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import { activationOutcomeCard, type ResultOptions } from '../presenters/activation-card.presenter';
import { errorCard } from '../presenters/error-card.presenter';
import { roleLabel } from '../presenters/role-label';
import type { PresenterContext } from '../presenters/presenter-context';
import type { EffectiveCardFollowUp } from '../follow-ups/effective-card.follow-up';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import { extendOutcomeCard } from '../reminders/extend-outcome.presenter';
import { payloadDuration, payloadStart, type StepUpPayload } from './step-up-state';

type ConversationRef = JsonObject;
type Activated = Extract<ActivationOutcome, { kind: 'activated' }>;

export interface ResumeDeps {
  clock: Clock;
  signer: CardActionSigner;
  activate: ActivateRolesUseCase;
  extend: ExtendActivationUseCase;
  messenger: ProactiveMessenger;
  logger: Logger;
  /** Updates the resumed activation's card to "effective" once the assignment is visible. */
  effective: EffectiveCardFollowUp;
  cardCopies: CardCopyRepository;
  /** The requester's personal chat reference holds their Teams id (for their own view of a shared card). */
  conversations: Pick<ConversationRepository, 'getForUser'>;
}

/** The card to show after the step-up, and the activation to confirm as effective, if any. */
interface Resumed {
  card: AdaptiveCardJson;
  activated?: Activated;
  /** The activation's outcome, when the card shows one (its copy is remembered). */
  outcome?: ActivationOutcome;
  text: { justification?: string; ticket?: string };
  /** Extend: the assignment instance of the activation the new one replaces. */
  replaces?: string;
}

const stillAsksForStepUp = (roleName: string) =>
  errorCard(
    new DomainError(ErrorCodes.StepUpRequired, 'PIM still asks for a stronger sign-in after verification.', {
      remedy:
        'Check with your administrator that your account can satisfy the required authentication context.',
    }),
    `Could not activate ${roleName}`,
  );

/**
 * After a successful step-up: the same activation (or Extend) runs again with the stepped-up
 * token, and its outcome is shown in the conversation the request came from, replacing the
 * pressed card when there is one.
 */
export async function resumeActivation(
  deps: ResumeDeps,
  actor: Actor,
  payload: StepUpPayload,
  reference: ConversationRef | undefined,
): Promise<void> {
  const ctx: PresenterContext = {
    clock: deps.clock,
    signer: deps.signer,
    zone: actor.timeZone,
    viewerId: actor.userId,
  };
  let resumed: Resumed;
  try {
    resumed = payload.extend
      ? await runExtend(deps, ctx, actor, payload)
      : await runActivate(deps, ctx, actor, payload, await holderIn(deps, actor, reference));
  } catch (error) {
    deps.logger.error({ err: error, userId: actor.userId }, 'resuming the activation after step-up failed');
    resumed = {
      card: errorCard(
        error instanceof DomainError
          ? error
          : new DomainError(ErrorCodes.Internal, 'The activation could not be resumed after verification.', {
              remedy: 'Send the activate command again.',
            }),
        `Could not ${payload.extend ? 'extend' : 'activate'} ${roleLabel(payload)}`,
      ),
      text: {},
    };
  }
  if (!reference) {
    deps.logger.warn({ userId: actor.userId }, 'no conversation to post the step-up outcome to');
    return;
  }
  const activityId = await show(deps, reference, payload.cardActivityId, resumed.card).catch(
    (error: unknown) => {
      deps.logger.error({ err: error, userId: actor.userId }, 'could not post the step-up outcome');
      return undefined;
    },
  );
  if (resumed.outcome)
    await rememberRequestCard(deps.cardCopies, resumed.outcome, {
      conversationRef: reference,
      activityId,
      shared: isSharedConversation(reference),
      userId: actor.userId,
    }).catch((error: unknown) =>
      deps.logger.warn({ err: error, userId: actor.userId }, 'could not remember the step-up outcome card'),
    );
  if (resumed.activated && activityId) {
    deps.effective.start(
      reference,
      activityId,
      actor,
      ctx,
      resumed.activated,
      resumed.text,
      resumed.replaces,
    );
  }
}

/**
 * A channel or group chat reads whose request the outcome is, without the requester's buttons;
 * their own Teams client shows them their card (issue 13, defect 7).
 */
async function holderIn(
  deps: ResumeDeps,
  actor: Actor,
  reference: ConversationRef | undefined,
): Promise<Pick<ResultOptions, 'holderName' | 'holderTeamsId'>> {
  if (!reference || !isSharedConversation(reference)) return {};
  const personal = await deps.conversations.getForUser(actor.tenantId, actor.userId).catch(() => null);
  const teamsId = (personal?.reference as { user?: { id?: string } } | undefined)?.user?.id;
  return { holderName: actor.displayName, holderTeamsId: teamsId };
}

async function runActivate(
  deps: ResumeDeps,
  ctx: PresenterContext,
  actor: Actor,
  payload: StepUpPayload,
  holder: Pick<ResultOptions, 'holderName' | 'holderTeamsId'>,
): Promise<Resumed> {
  const text = { justification: payload.justification, ticket: payload.ticket, ...holder };
  const [outcome] = await deps.activate.execute({
    actor,
    selection: {
      type: 'exact',
      roleId: payload.roleId,
      directoryScopeId: payload.directoryScopeId,
      kind: payload.kind,
    },
    duration: payloadDuration(payload),
    startAt: payloadStart(payload),
    ...text,
    originConversationId: payload.originConversationId,
  });
  if (outcome.kind === 'stepUpRequired') return { card: stillAsksForStepUp(roleLabel(payload)), text };
  return {
    card: activationOutcomeCard(ctx, outcome, text),
    activated: outcome.kind === 'activated' ? outcome : undefined,
    outcome,
    text,
  };
}

async function runExtend(
  deps: ResumeDeps,
  ctx: PresenterContext,
  actor: Actor,
  payload: StepUpPayload,
): Promise<Resumed> {
  const duration = payloadDuration(payload);
  if (!duration) throw new DomainError(ErrorCodes.DurationInvalid, 'The extension lost its duration.');
  const outcome = await deps.extend.execute({
    actor,
    roleId: payload.roleId,
    directoryScopeId: payload.directoryScopeId,
    by: duration,
  });
  if (outcome.kind === 'stepUpRequired') return { card: stillAsksForStepUp(roleLabel(payload)), text: {} };
  const text =
    outcome.kind === 'extended' ? { justification: outcome.justification, ticket: outcome.ticket } : {};
  return {
    card: extendOutcomeCard(ctx, outcome),
    activated: outcome.kind === 'extended' ? outcome.outcome : undefined,
    replaces: outcome.kind === 'extended' ? outcome.previous.instanceId : undefined,
    text,
  };
}

/** Replaces the pressed card when there is one (one event, one message); posts otherwise. */
async function show(
  deps: ResumeDeps,
  reference: ConversationRef,
  cardActivityId: string | undefined,
  card: AdaptiveCardJson,
): Promise<string | undefined> {
  if (cardActivityId) {
    await deps.messenger.update(reference, cardActivityId, card);
    return cardActivityId;
  }
  return deps.messenger.send(reference, { card });
}
