import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { DateTime } from 'luxon';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { CardParts, PlacedCard } from '../cards/card-parts';
import { connectorThrottle } from './connector-throttle';
import { LandedVersions } from './landed-versions';
import { SendRateLimiter } from './send-rate-limiter';

export interface ProactiveMessengerOptions {
  /** Global pace of proactive sends and updates; default 20 per second. */
  ratePerSecond?: number;
  /** How often one message is retried after a 429 before giving up; default 5. */
  maxThrottleRetries?: number;
  /** Observes throttling (metrics, logs). */
  onThrottled?: (retryAfterMs: number) => void;
  /** Messages that answer several requests, redrawn part by part (see CardParts). */
  parts?: CardParts;
}

/** Orders queued messages: the due time of the work they belong to (earliest first). */
export interface SendOptions {
  dueAt?: DateTime;
  /**
   * Updates only: the PIM request the new card is about. When the message answers several
   * requests, only that request's part is replaced and the others are kept.
   */
  requestId?: string;
}

/** A message answering several requests gets its latest parts again at most this often. */
const MAX_CATCH_UPS = 2;

/** The Bot Connector kept answering 429 for one message. */
export class ConnectorThrottledError extends Error {
  constructor(
    readonly retryAfterMs: number,
    attempts: number,
  ) {
    super(`The Bot Connector throttled this message ${attempts} times in a row (429).`);
    this.name = 'ConnectorThrottledError';
  }
}

/**
 * Sends and updates messages outside of a turn (continueConversationAsync on a stored
 * conversation reference). Every send and update goes through one global rate limiter; queued
 * messages leave in due-time order; a 429 from the connector pauses all sending for its
 * Retry-After and the message is tried again. In demo mode the app id is empty, which
 * CloudAdapter accepts with anonymous auth.
 */
/** What became of one connector call: accepted, answered 429 (retried), or failed otherwise. */
export type SendOutcome = 'sent' | 'throttled' | 'failed';

export class ProactiveMessenger {
  private readonly limiter: SendRateLimiter;
  private readonly maxThrottleRetries: number;
  private readonly observers: ((outcome: SendOutcome) => void)[] = [];
  private readonly landedVersions = new LandedVersions();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly options: ProactiveMessengerOptions = {},
  ) {
    this.limiter = new SendRateLimiter({ ratePerSecond: options.ratePerSecond ?? 20 });
    this.maxThrottleRetries = options.maxThrottleRetries ?? 5;
  }

  /** Posts a card (or text) into the conversation; returns the new activity id. */
  async send(
    reference: Partial<ConversationReference>,
    content: { card?: AdaptiveCardJson; text?: string },
    options: SendOptions = {},
  ): Promise<string | undefined> {
    return this.paced(options, async () => {
      let id: string | undefined;
      await this.continueConversation(reference, async (context) => {
        const response = await context.sendActivity({
          type: 'message',
          text: content.text,
          attachments: content.card ? [CardFactory.adaptiveCard(content.card)] : undefined,
        });
        id = response?.id;
      });
      return id;
    });
  }

  /**
   * Replaces a card the bot posted earlier (given `requestId`, only that request's part of a card
   * answering several). When another writer changed the parts while this update was on its way,
   * the latest parts are drawn again, so the last update to land is never a stale one.
   */
  async update(
    reference: Partial<ConversationReference>,
    activityId: string,
    card: AdaptiveCardJson,
    options: SendOptions = {},
  ): Promise<void> {
    const parts = this.options.parts;
    const conversationId = reference.conversation?.id;
    const key = parts && options.requestId && conversationId ? { conversationId, activityId } : undefined;
    let placed: PlacedCard = key ? await parts!.place(key, options.requestId!, card) : { card };
    const message = `${conversationId}|${activityId}`;
    for (let catchUp = 0; ; catchUp += 1) {
      const version = placed.version;
      if (key === undefined || version === undefined) {
        await this.replace(reference, activityId, placed.card, options);
        return;
      }
      let landed = false;
      this.landedVersions.leaving(message, version);
      try {
        await this.replace(reference, activityId, placed.card, options);
        landed = true;
      } finally {
        this.landedVersions.arrived(message, version, landed);
      }
      if (catchUp >= MAX_CATCH_UPS) return;
      const newer = await parts!.newerThan(key, version);
      if (!newer || this.landedVersions.covered(message, newer.version!)) return;
      placed = newer;
    }
  }

  private async replace(
    reference: Partial<ConversationReference>,
    activityId: string,
    card: AdaptiveCardJson,
    options: SendOptions,
  ): Promise<void> {
    await this.paced(options, async () => {
      await this.continueConversation(reference, async (context) => {
        await context.updateActivity({
          id: activityId,
          type: 'message',
          conversation: reference.conversation,
          attachments: [CardFactory.adaptiveCard(card)],
        });
      });
    });
  }

  /**
   * Runs `logic` in a proactive turn and throws what it threw. The adapter would hand the error to
   * its onTurnError (which logs it and answers the conversation "something went wrong") and return
   * as if the message had been sent: the caller must know, to retry or give up.
   */
  private async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }

  /** Observes every connector call's outcome (metrics). */
  observe(observer: (outcome: SendOutcome) => void): void {
    this.observers.push(observer);
  }

  private report(outcome: SendOutcome): void {
    for (const observer of this.observers) observer(outcome);
  }

  private async paced<T>(options: SendOptions, call: () => Promise<T>): Promise<T> {
    const priority = options.dueAt ? options.dueAt.toMillis() : Number.MAX_SAFE_INTEGER;
    for (let attempt = 1; ; attempt += 1) {
      await this.limiter.acquire(priority);
      try {
        const result = await call();
        this.report('sent');
        return result;
      } catch (error) {
        const throttle = connectorThrottle(error);
        if (!throttle) {
          this.report('failed');
          throw error;
        }
        this.report('throttled');
        this.options.onThrottled?.(throttle.retryAfterMs);
        this.limiter.pauseUntil(Date.now() + throttle.retryAfterMs);
        if (attempt > this.maxThrottleRetries) {
          throw new ConnectorThrottledError(throttle.retryAfterMs, attempt);
        }
      }
    }
  }
}
