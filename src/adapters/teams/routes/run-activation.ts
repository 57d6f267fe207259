import type { ActivateRolesInput } from '../../../app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { Actor } from '../../../app/shared/actor';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { combineCards } from '../cards/combine-cards';
import { renderCard } from '../cards/card-renderer';
import {
  activationOutcomeCard,
  activationRefusalText,
  isActivationRefusal,
  type ActivationRefusal,
  type ResultOptions,
} from '../presenters/activation-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import type { TeamsTurn } from '../teams-turn';
import type { RouteServices } from './route-services';
import { rememberRequestCard } from '../follow-ups/request-card-copies';

/**
 * Shows progress, runs the activation and answers the whole request in one card (the progress card,
 * updated in place): one role's outcome, or each named role's outcome in its own part. For a live
 * activation it then waits (bounded, after the turn) until the assignment is visible and updates
 * that card to say it is effective, keeping the other roles' parts.
 */
export async function runActivation(
  services: RouteServices,
  turn: TeamsTurn,
  actor: Actor,
  ctx: PresenterContext,
  input: ActivateRolesInput,
  how: 'send' | 'answer',
  /** For a form: shows the refusal on the form itself instead of beside it. */
  onRefused?: (refusals: ActivationRefusal[]) => Promise<void>,
): Promise<void> {
  let progressId: string | undefined;
  if (!turn.isInvoke) {
    await turn.typing();
    progressId = await turn.sendCard(
      renderCard('activation-progress', {
        title: 'Activating…',
        scopeName: input.duration ? `for ${input.duration.toHuman()}` : '',
        steps: [
          { text: "Checking your eligibility and the role's policy", done: false },
          { text: 'Sending the request to PIM', done: false },
        ],
      }),
    );
  }
  const outcomes = await services.activate.execute(input);
  if (how === 'answer' && !progressId && outcomes.length > 0 && outcomes.every(isActivationRefusal)) {
    // A refusal never replaces the pressed card with an error: a result keeps its buttons, and a
    // form comes back as it was sent, with the fields at fault marked.
    const refusals = outcomes.filter(isActivationRefusal);
    if (onRefused) return onRefused(refusals);
    await turn.refuseCardAction(refusals.map(activationRefusalText).join('\n\n'));
    return;
  }
  const options = { justification: input.justification, ticket: input.ticket, ...holderOf(turn, actor) };
  const parts: AdaptiveCardJson[] = [];
  for (const outcome of outcomes)
    parts.push(await outcomeCard(services, turn, actor, ctx, input, options, outcome));
  const card = combineCards(parts);
  let shownId: string | undefined;
  if (progressId) {
    await turn.updateCard(progressId, card);
    shownId = progressId;
  } else if (how === 'answer') {
    await turn.answerCardAction(card);
  } else {
    shownId = await turn.sendCard(card);
  }
  // For a button click the card shown is the clicked one (the invoke's replyToId).
  const cardId = shownId ?? (turn.isInvoke ? (turn.activity.replyToId ?? undefined) : undefined);
  const reference = turn.reference();
  // Later per-request updates (approval outcome, scheduled start, channel thread, effective) redraw
  // their own part of a card that answers several roles and keep the others.
  const conversationId = reference.conversation?.id;
  if (cardId && conversationId && outcomes.length > 1) {
    await services.cardParts.remember(
      { conversationId, activityId: cardId },
      outcomes.map((outcome, index) => ({ requestId: requestIdOf(outcome), card: parts[index] })),
    );
  }
  for (const outcome of outcomes) {
    await rememberRequestCard(services.cardCopies, outcome, {
      conversationRef: reference,
      activityId: cardId,
      shared: turn.conversationKind !== 'personal',
      userId: turn.userId,
    });
  }
  for (const outcome of outcomes) {
    if (outcome.kind === 'activated')
      services.effective.start(reference, cardId, actor, ctx, outcome, options);
  }
}

/**
 * A channel or group chat reads whose request each card is, without the requester's buttons; the
 * requester's own Teams client shows them their card (issue 13, defect 7). Personal chats: nothing.
 */
export function holderOf(turn: TeamsTurn, actor: Actor): Pick<ResultOptions, 'holderName' | 'holderTeamsId'> {
  if (turn.conversationKind === 'personal') return {};
  return { holderName: actor.displayName, holderTeamsId: turn.activity.from?.id || undefined };
}

function requestIdOf(outcome: ActivationOutcome): string | undefined {
  return 'requestId' in outcome && typeof outcome.requestId === 'string' ? outcome.requestId : undefined;
}

async function outcomeCard(
  services: RouteServices,
  turn: TeamsTurn,
  actor: Actor,
  ctx: PresenterContext,
  input: ActivateRolesInput,
  options: ResultOptions,
  outcome: ActivationOutcome,
): Promise<AdaptiveCardJson> {
  if (outcome.kind !== 'stepUpRequired') return activationOutcomeCard(ctx, outcome, options);
  return services.stepUp.start(turn, actor, {
    reason: outcome.reason,
    claims: outcome.claims,
    roleName: outcome.role.roleName,
    activation: {
      selection: {
        type: 'exact',
        roleId: outcome.role.roleId,
        directoryScopeId: outcome.role.directoryScopeId,
        kind: outcome.role.kind,
      },
      duration: input.duration,
      startAt: input.startAt,
      justification: input.justification,
      ticket: input.ticket,
      originConversationId: input.originConversationId,
    },
  });
}
