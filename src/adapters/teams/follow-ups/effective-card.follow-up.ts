import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { Actor } from '../../../app/shared/actor';
import type { WaitUntilEffective } from '../../../app/shared/wait-until-effective';
import type { RequestStatusHandler } from '../../../app/reconcile/request-status.handler';
import { RequestStatuses } from '../../../domain/activation/request-status';
import type { CardCopyRepository } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import { activationOutcomeCard } from '../presenters/activation-card.presenter';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { PresenterContext } from '../presenters/presenter-context';
import { isSharedConversation } from './request-card-copies';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';

type Activated = Extract<ActivationOutcome, { kind: 'activated' }>;
type Reference = Parameters<ProactiveMessenger['update']>[0];

/** The card copies showing one activation, remembered under its assignment instance. */
export const activationCardKey = (instanceId: string): string => `activation:${instanceId}`;

/**
 * Keeps the promise of an "active" card ("This card updates when it is [effective]"), the same way
 * for a chat command, a card click, Extend and a step-up resume: after the turn (waiting inside it
 * would pass Teams' 15-second limit), wait until PIM lists the assignment, then update that card in
 * place (or post one when there is no card to update).
 *
 * A channel thread's card has one owner: the request's announcement, which the reconciler redraws
 * when PIM reports the request provisioned. When the card to update is that announcement, this
 * follow-up asks the same owner to draw it (from PIM's request, the same way), so whichever of
 * the two comes last leaves the same card.
 */
export class EffectiveCardFollowUp {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      wait: WaitUntilEffective;
      messenger: Pick<ProactiveMessenger, 'send' | 'update'>;
      logger: Logger;
      /** The owner of channel thread cards (the reconciler's request-status handler). */
      threads: Pick<RequestStatusHandler, 'showInThreads'>;
      cardCopies: Pick<CardCopyRepository, 'listForRequest' | 'add'>;
    },
  ) {}

  /**
   * Starts the follow-up without waiting for it. On a card that answers several roles only this
   * request's part is redrawn (the messenger keeps the others; see CardParts). `replaces`
   * (Extend): the assignment instance of the activation this one extends; the cards that showed it
   * (its original activation card) are updated in place with the new end too.
   */
  start(
    reference: Reference,
    cardId: string | undefined,
    actor: Actor,
    ctx: PresenterContext,
    outcome: Activated,
    text: { justification?: string; ticket?: string } = {},
    replaces?: string,
  ): void {
    const run = this.run(reference, cardId, actor, ctx, outcome, text, replaces).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
  }

  /** Resolves when every started follow-up has finished (shutdown, tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async run(
    reference: Reference,
    cardId: string | undefined,
    actor: Actor,
    ctx: PresenterContext,
    outcome: Activated,
    text: { justification?: string; ticket?: string },
    replaces: string | undefined,
  ): Promise<void> {
    const result = await this.deps.wait.wait(actor.delegated, {
      kind: outcome.role.kind,
      roleId: outcome.role.roleId,
      directoryScopeId: outcome.role.directoryScopeId,
    });
    if (result.kind !== 'effective') {
      const err = result.kind === 'failed' ? result.error : undefined;
      this.deps.logger.warn(
        { err, requestId: outcome.requestId, result: result.kind },
        'could not confirm that the activation is effective',
      );
      await this.showStillActivating(reference, cardId, ctx, outcome, text);
      return;
    }
    try {
      if (cardId && (await this.isThreadCard(outcome.requestId, cardId))) {
        const at = result.assignment.startDateTime ?? outcome.startAt;
        await this.deps.threads.showInThreads({
          requestId: outcome.requestId,
          status: RequestStatuses.Provisioned,
          at,
        });
        return;
      }
    } catch (error) {
      this.deps.logger.warn(
        { err: error, requestId: outcome.requestId },
        'could not show in the channel thread that the activation is effective',
      );
      return;
    }
    const card = activationOutcomeCard(
      ctx,
      { ...outcome, until: result.assignment.endDateTime ?? outcome.until },
      { ...text, effective: true },
    );
    try {
      let shownId = cardId;
      if (cardId) await this.deps.messenger.update(reference, cardId, card, { requestId: outcome.requestId });
      else shownId = await this.deps.messenger.send(reference, { card });
      await this.keepActivationCardsCurrent(reference, actor, result.assignment.instanceId, {
        shownId,
        requestId: outcome.requestId,
        card,
        replaces,
      });
    } catch (error) {
      this.deps.logger.warn(
        { err: error, requestId: outcome.requestId },
        'could not show that the activation is effective',
      );
    }
  }

  /**
   * Extend: the cards that showed the activation it replaces (its original card) show the new end.
   * Every card showing an activation is remembered under its assignment instance, so the next
   * Extend finds it (in a personal chat: a channel thread's card is its announcement).
   */
  private async keepActivationCardsCurrent(
    reference: Reference,
    actor: Actor,
    instanceId: string,
    shown: { shownId: string | undefined; requestId: string; card: AdaptiveCardJson; replaces?: string },
  ): Promise<void> {
    if (isSharedConversation(reference)) return;
    const earlier = shown.replaces
      ? await this.deps.cardCopies.listForRequest(activationCardKey(shown.replaces))
      : [];
    const remember: { reference: Reference; activityId: string; requestId: string }[] = [];
    for (const copy of earlier) {
      if (copy.activityId === shown.shownId) continue;
      // The request whose part of the card this is (a card answering several roles keeps the others).
      const { elevateRequestId, ...copyReference } = copy.conversationRef as Reference & {
        elevateRequestId?: string;
      };
      await this.deps.messenger.update(copyReference, copy.activityId, shown.card, {
        requestId: elevateRequestId,
      });
      remember.push({
        reference: copyReference,
        activityId: copy.activityId,
        requestId: elevateRequestId ?? shown.requestId,
      });
    }
    if (shown.shownId) remember.push({ reference, activityId: shown.shownId, requestId: shown.requestId });
    for (const card of remember) {
      await this.deps.cardCopies.add({
        requestId: activationCardKey(instanceId),
        kind: 'requester',
        conversationRef: { ...card.reference, elevateRequestId: card.requestId },
        activityId: card.activityId,
        recipientId: actor.userId,
      });
    }
  }

  /**
   * The wait gave up (PIM had not listed the assignment after a minute, or could not be read): the
   * card stops promising to update and says how to check. A channel thread's card is left to its
   * owner (the reconciler redraws it when PIM reports the request provisioned).
   */
  private async showStillActivating(
    reference: Reference,
    cardId: string | undefined,
    ctx: PresenterContext,
    outcome: Activated,
    text: { justification?: string; ticket?: string },
  ): Promise<void> {
    try {
      if (cardId && (await this.isThreadCard(outcome.requestId, cardId))) return;
      const card = activationOutcomeCard(ctx, outcome, { ...text, slow: true });
      if (cardId) await this.deps.messenger.update(reference, cardId, card, { requestId: outcome.requestId });
      else await this.deps.messenger.send(reference, { card });
    } catch (error) {
      this.deps.logger.warn(
        { err: error, requestId: outcome.requestId },
        'could not show that the activation is still being set up',
      );
    }
  }

  /** Whether the card is the request's channel thread announcement (remembered as its channel copy). */
  private async isThreadCard(requestId: string, cardId: string): Promise<boolean> {
    const copies = await this.deps.cardCopies.listForRequest(requestId);
    return copies.some((copy) => copy.kind === 'channel' && copy.activityId === cardId);
  }
}
