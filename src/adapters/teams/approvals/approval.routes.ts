import { DateTime } from 'luxon';
import type { DecideApprovalUseCase, ApprovalVerdict } from '../../../app/approvals/decide-approval.use-case';
import type { ListApprovalsUseCase } from '../../../app/approvals/list-approvals.use-case';
import type { ApprovalView } from '../../../app/approvals/approval-record';
import type { VerbRouter } from '../../../app/routing';
import type { Actor } from '../../../app/shared/actor';
import { DomainError, ErrorCodes, isDomainError } from '../../../domain/errors';
import type { OneTimeKeyRepository } from '../../../ports/one-time-keys';
import { requestSubject } from '../card-actions/card-action-signer';
import { reasonFrom, TOKEN_PROBLEMS } from './approval-action-data';
import { errorCard, refusalText } from '../presenters/error-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import { asActor, type RouteServices } from '../routes/route-services';
import type { TeamsTurn } from '../teams-turn';
import { sendPrivately, type PrivateDeliveryDeps } from '../step-up/private-delivery';
import { roleLabel } from '../presenters/role-label';
import {
  APPROVAL_VIEW_VERB,
  approvalRequestCard,
  requesterPendingCard,
  type ApprovalAudience,
} from './approval-card.presenter';
import { approvalsListCard } from './approvals-list.presenter';

export interface ApprovalRouteServices {
  decide: DecideApprovalUseCase;
  list: ListApprovalsUseCase;
  oneTimeKeys: OneTimeKeyRepository;
  /** Refusals of a click in a channel or group chat go to the clicker's personal chat. */
  privately: PrivateDeliveryDeps;
}

/** The Approve / Deny buttons of approval cards (`approvals` in chat is in channel.routes.ts, which calls showApprovalsList). */
export function registerApprovalRoutes(
  services: RouteServices,
  approvals: ApprovalRouteServices,
  verbs: VerbRouter<TeamsTurn>,
): void {
  const decide =
    (verdict: ApprovalVerdict) => (data: Record<string, unknown>, turn: TeamsTurn, verb: string) =>
      asActor(services, turn, (actor, ctx) =>
        decideFromCard(services, approvals, turn, actor, ctx, verb, verdict, data),
      );
  verbs.verb('approve', decide('Approve'));
  verbs.verb('deny', decide('Deny'));
  verbs.verb(APPROVAL_VIEW_VERB, (data, turn) => showOwnView(services, approvals, turn, data));
}

/**
 * The automatic refresh of a channel copy (Teams clients with user-specific views): the requester
 * sees their pending request with Cancel, each approver Approve / Deny bound to them, anyone else
 * the shared card. Identity comes from the activity; no Graph call, no sign-in prompt.
 */
async function showOwnView(
  services: RouteServices,
  approvals: ApprovalRouteServices,
  turn: TeamsTurn,
  data: Record<string, unknown>,
): Promise<void> {
  const requestId = typeof data.requestId === 'string' ? data.requestId : '';
  const check = services.signer.verify(data.token, {
    verb: APPROVAL_VIEW_VERB,
    subject: requestSubject(requestId),
    now: services.clock.now(),
  });
  if (!check.ok) {
    throw new DomainError(
      ErrorCodes.CardActionInvalid,
      `Elevate did not accept this refresh because ${TOKEN_PROBLEMS[check.reason]}.`,
      { remedy: 'Say "approvals" for a fresh list.', details: { reason: check.reason } },
    );
  }
  const view = await approvals.decide.current(requestId);
  if (!view) {
    throw new DomainError(ErrorCodes.ApprovalNotFound, 'Elevate has no approval request with that id.', {
      remedy: 'Say "approvals" to see the requests waiting for you.',
      details: { requestId },
    });
  }
  const userId = turn.userId ?? '';
  const profile =
    userId && turn.tenantId ? await services.users.get(turn.tenantId, userId).catch(() => null) : null;
  const ctx: PresenterContext = {
    clock: services.clock,
    signer: services.signer,
    zone: profile?.timeZone ?? turn.timeZone ?? 'UTC',
    viewerId: userId,
  };
  const pending = view.state === 'pending';
  if (pending && userId === view.requester.id) return turn.answerCardAction(requesterPendingCard(ctx, view));
  if (pending && view.approvers.some((a) => a.id === userId)) {
    return turn.answerCardAction(approvalRequestCard(ctx, view, { type: 'approver', approverId: userId }));
  }
  await turn.answerCardAction(approvalRequestCard(ctx, view, { type: 'channel', decidable: false }));
}

/**
 * How a click in a conversation is answered: an approver gets buttons bound to them, anyone else
 * (the requester too) the state. In a personal chat the card is the clicker's own approver copy.
 */
function audienceOf(turn: TeamsTurn, actorId: string, view: ApprovalView | undefined): ApprovalAudience {
  if (turn.conversationKind === 'personal') return { type: 'approver', approverId: actorId };
  const approver =
    view !== undefined && actorId !== view.requester.id && view.approvers.some((a) => a.id === actorId);
  return approver ? { type: 'approver', approverId: actorId } : { type: 'channel', decidable: false };
}

/**
 * The approver's pending list, sent as a new message or as the answer to a card action. The
 * approvals-list card's Refresh button sends verb `refresh` with `view: 'approvals'` (token subject
 * 'approvals'); whoever routes `refresh` can answer it with this.
 */
export function showApprovalsList(
  services: RouteServices,
  list: ListApprovalsUseCase,
  turn: TeamsTurn,
  how: 'send' | 'answer',
): Promise<void> {
  return asActor(services, turn, async (actor, ctx) => {
    if (!turn.isInvoke) await turn.typing();
    const card = approvalsListCard(ctx, actor.displayName, await list.execute(actor));
    if (how === 'send') await turn.sendCard(card);
    else await turn.answerCardAction(card);
  });
}

async function decideFromCard(
  services: RouteServices,
  approvals: ApprovalRouteServices,
  turn: TeamsTurn,
  actor: Actor,
  ctx: PresenterContext,
  verb: string,
  verdict: ApprovalVerdict,
  data: Record<string, unknown>,
): Promise<void> {
  const requestId = typeof data.requestId === 'string' ? data.requestId : '';
  if (requestId === '') {
    throw new DomainError(ErrorCodes.CardActionInvalid, 'This button is missing which request it is for.', {
      remedy: 'Say "approvals" for a fresh list of requests waiting for you.',
    });
  }
  const now = services.clock.now();
  const check = services.signer.verify(data.token, {
    verb,
    subject: requestSubject(requestId),
    actorId: actor.userId,
    now,
  });
  if (!check.ok) {
    services.logger.warn(
      { verb, reason: check.reason, userId: actor.userId, requestId },
      'approval action refused',
    );
    return refresh(
      approvals,
      turn,
      ctx,
      actor,
      requestId,
      new DomainError(
        ErrorCodes.CardActionInvalid,
        `Elevate did not accept this button because ${TOKEN_PROBLEMS[check.reason]}.`,
        {
          remedy: 'The card now shows the request as it stands; use its buttons.',
          details: { reason: check.reason },
        },
      ),
    );
  }
  // Once per card and person: a channel copy's buttons are shared, so one member's refused click
  // must not use them up for the approvers.
  const firstUse = await approvals.oneTimeKeys.consume(
    `card-action:${check.claims.nonce}:${actor.userId}`,
    DateTime.fromSeconds(check.claims.exp, { zone: 'utc' }),
  );
  if (!firstUse) {
    services.logger.info({ verb, userId: actor.userId, requestId }, 'approval action replayed');
    return refresh(
      approvals,
      turn,
      ctx,
      actor,
      requestId,
      new DomainError(
        ErrorCodes.CardActionInvalid,
        'This button was already used; each approval card acts once.',
        {
          remedy: 'The card now shows the request as it stands.',
          details: { reason: 'replayed' },
        },
      ),
    );
  }
  try {
    const result = await approvals.decide.execute({
      actor,
      requestId,
      decision: verdict,
      reason: reasonFrom(data),
    });
    await turn.answerCardAction(
      approvalRequestCard(ctx, result.view, audienceOf(turn, actor.userId, result.view), {
        alreadyDecided: result.kind === 'alreadyClosed',
      }),
    );
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === ErrorCodes.StepUpRequired || error.code === ErrorCodes.MfaRequired) {
      // Entra wants a stronger sign-in for this approver: Verify, then the same decision is sent again.
      const view = await approvals.decide.current(requestId);
      const claims =
        typeof error.details.claims === 'string'
          ? error.details.claims
          : JSON.stringify({ access_token: { amr: { essential: true, values: ['mfa'] } } });
      await turn.answerCardAction(
        await services.stepUp.startDecision(turn, actor, {
          reason: /acrs/.test(claims) ? 'authenticationContext' : 'mfa',
          claims,
          roleName: view?.roleName ?? 'this request',
          kind: view?.kind,
          requestId,
          verdict,
          justification: reasonFrom(data),
        }),
      );
      return;
    }
    services.logger.info(
      { code: error.code, verb, userId: actor.userId, requestId },
      'approval decision refused',
    );
    await refresh(approvals, turn, ctx, actor, requestId, error);
  }
}

/**
 * Answers a refused action with the card as it stands now (fresh buttons when still pending) and
 * why nothing was done. For an Action.Execute the answer is the clicker's own copy, with the reason
 * on it: nobody else in a channel reads it (issue 13, defect 7). An Action.Submit (older clients)
 * in a personal chat updates the clicked card and says why beside it; in a channel or group chat
 * the shared card stays as it is (it is everyone's) and the refusal goes to the clicker privately.
 */
async function refresh(
  approvals: ApprovalRouteServices,
  turn: TeamsTurn,
  ctx: PresenterContext,
  actor: Actor,
  requestId: string,
  problem: DomainError,
): Promise<void> {
  const view = await approvals.decide.current(requestId);
  if (turn.isInvoke) {
    if (!view) return turn.refuseCardAction(refusalText(problem, 'Nothing was done:'));
    const notice = ['Nothing was done:', problem.message, problem.remedy].filter(Boolean).join(' ');
    const audience = audienceOf(turn, actor.userId, view);
    await turn.answerCardAction(approvalRequestCard(ctx, view, audience, { notice }));
    return;
  }
  if (turn.conversationKind !== 'personal')
    return refuseInSharedConversation(approvals, turn, actor, view, problem);
  if (view) await turn.answerCardAction(approvalRequestCard(ctx, view, audienceOf(turn, actor.userId, view)));
  await turn.sendCard(errorCard(problem, 'Nothing was done'));
}

/**
 * A refused Action.Submit in a channel or group chat: the refusal is the clicker's business, so it
 * goes to their personal chat with Elevate. Without one, the conversation reads one line addressed
 * to them, with no details.
 */
async function refuseInSharedConversation(
  approvals: ApprovalRouteServices,
  turn: TeamsTurn,
  actor: Actor,
  view: ApprovalView | undefined,
  problem: DomainError,
): Promise<void> {
  const whose = view?.requester.id === actor.userId ? 'your' : `${view?.requester.displayName}'s`;
  const about = view ? ` on ${whose} ${roleLabel(view)} request` : '';
  if (await sendPrivately(approvals.privately, actor, errorCard(problem, `Nothing was done${about}`))) return;
  await turn.sendText(
    `${actor.displayName}, your click did nothing. Elevate tells you why only in a personal chat: open a chat with Elevate (search for it in Teams chat) and say "hi".`,
  );
}
