import { DateTime } from 'luxon';
import {
  cardActions,
  cardText,
  findAction,
  seedUsers,
  startBotHarness,
  type BotHarness,
  type SeedUser,
  type ShownMessage,
  type TurnResult,
} from '../../fixtures/bot-harness';
import { OPEN_REQUEST_STATUSES, RequestStatuses } from '../../../src/domain/activation/request-status';
import { completeStepUpOverHttp } from '../../fixtures/step-up-over-http';
import type { PolicyBranch } from './policies';
import type { Surface } from './surfaces';

/**
 * One simulator + bot shared by the cells of a test file, and what one cell does with it. Between
 * cells the tenant is reset to the seed and the clock jumps days ahead, then one reconciler
 * pass settles whatever earlier cells left in the bot's store; a cell only looks at what the
 * connector received after that.
 */
const CELL_GAP = { days: 3 };

export interface MatrixBot {
  h: BotHarness;
  clock: DateTime;
}

export async function startMatrixBot(): Promise<MatrixBot> {
  // Passes run when a cell asks (runOnce), never on a timer in the middle of one.
  const h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
  // Everyone has the app installed: the bot knows every personal chat.
  for (const user of Object.values(seedUsers)) await h.say(user, 'help');
  return { h, clock: h.sim.clock.now() };
}

/** What one cell sees and does. */
export class Cell {
  /** Connector calls before this index belong to earlier cells. */
  readonly since: number;
  readonly conversationId: string;

  private constructor(
    readonly bot: MatrixBot,
    readonly policy: PolicyBranch,
    readonly surface: Surface,
  ) {
    this.since = bot.h.connector.calls.length;
    this.conversationId = surface.conversationId(bot.h.conversationId(policy.requester));
  }

  /** A fresh tenant at a fresh time; earlier cells' leftovers are settled before the cell starts. */
  static async open(bot: MatrixBot, policy: PolicyBranch, surface: Surface): Promise<Cell> {
    const { h } = bot;
    await expectOk(h.control('POST', '/_sim/reset'));
    bot.clock = DateTime.max(bot.clock, h.sim.clock.now()).plus(CELL_GAP).startOf('hour');
    await expectOk(h.control('POST', '/_sim/clock/set', { to: bot.clock.toUTC().toISO() }));
    // The step-up callback of this bot, as the harness registered it before the reset.
    const app = h.sim.state.directory.apps[0];
    const callback = `${h.url}/auth/step-up/callback`;
    if (!app.redirectUris.includes(callback)) app.redirectUris.push(callback);
    // Requests the bot tracked for earlier cells are gone with the old tenant: close them, as a
    // fresh store would have none (else every pass asks PIM about each of them again).
    const { trackedRequests } = h.elevate.store;
    for (const tracked of await trackedRequests.listByStatus(OPEN_REQUEST_STATUSES))
      await trackedRequests.compareAndSwap(tracked.id, tracked.version, { status: RequestStatuses.Canceled });
    await h.elevate.scheduler.runOnce();
    return new Cell(bot, policy, surface);
  }

  get h(): BotHarness {
    return this.bot.h;
  }
  get requester(): SeedUser {
    return this.policy.requester;
  }
  get approver(): SeedUser {
    if (!this.policy.approver) throw new Error(`${this.policy.label} has no approver`);
    return this.policy.approver;
  }
  personalChat(user: SeedUser = this.requester): string {
    return this.h.conversationId(user);
  }

  /** The requester says `text` where the cell happens. */
  say(text: string): Promise<TurnResult> {
    return this.h.say(this.requester, text, {
      where: this.surface.where,
      conversationId: this.conversationId,
    });
  }

  /** `user` clicks an Action.Execute button on the card `replyToId` shown in `conversationId`. */
  click(
    user: SeedUser,
    verb: string,
    data: Record<string, unknown>,
    conversationId: string,
    replyToId?: string,
  ) {
    const where = conversationId === this.conversationId ? this.surface.where : 'personal';
    return this.h.execute(user, verb, data, { where, conversationId, replyToId });
  }

  /** One reconciler pass (list PIM, schedule work, send what is due). */
  async pass(): Promise<void> {
    await this.h.elevate.scheduler.runOnce();
  }

  async advance(by: string): Promise<void> {
    await this.h.advance(by);
  }

  /**
   * `activate …` for the policy's role; a step-up policy's Verify link (sent to the requester's
   * personal chat) is completed over HTTP, and the outcome posted afterwards is returned.
   */
  async activate(when: string): Promise<ShownMessage> {
    const { name, clauses } = this.policy;
    const since = this.mark();
    const turn = await this.say(`activate ${name} ${when} ${clauses}`.trim());
    const answer = turn.messages.filter((m) => m.conversationId === this.conversationId).at(-1);
    if (!answer)
      throw new Error(`activate showed nothing here:\n${cardText(turn.card)}\n${this.transcript()}`);
    if (!this.policy.stepUp) return answer;
    const verify = this.postsSince(since, this.requesterConversations()).find((m) => verifyLink(m));
    if (!verify) throw new Error(`expected a Verify card\n${this.transcript()}`);
    return this.verify(verify);
  }

  /** Completes the Verify link on `message` over HTTP and returns the outcome Elevate posts after it. */
  async verify(message: ShownMessage): Promise<ShownMessage> {
    const url = verifyLink(message);
    if (!url)
      throw new Error(`expected a Verify card, got:\n${cardText(message.card)}\n${this.transcript()}`);
    const since = this.mark();
    const page = await completeStepUpOverHttp(url, this.requester);
    if (page.title !== 'Verified') throw new Error(`the step-up page said "${page.title}" (${page.status})`);
    // The outcome is posted, or drawn over the pressed card (a click with a reply-to id).
    const outcome = () =>
      this.postsSince(since, this.requesterConversations())[0] ??
      (this.h.connector.calls
        .slice(since)
        .some((c) => c.method === 'PUT' && c.activityId === message.activityId)
        ? this.h.shown().find((m) => m.activityId === message.activityId)
        : undefined);
    await this.h.connector.waitFor(() => Boolean(outcome()), 5_000).catch(() => undefined);
    const found = outcome();
    if (!found) throw new Error(`no outcome after the step-up\n${this.transcript()}`);
    return found;
  }

  /** Index of the next connector call: "since now". */
  mark(): number {
    return this.h.connector.calls.length;
  }

  /** Waits for a message posted after `since` in one of `conversations` whose text matches. */
  async waitForPost(
    since: number,
    conversations: string[],
    match: RegExp,
    timeoutMs = 5_000,
  ): Promise<ShownMessage> {
    const find = () => this.postsSince(since, conversations).find((m) => match.test(textOf(m)));
    await this.h.connector.waitFor(() => Boolean(find()), timeoutMs).catch(() => undefined);
    const found = find();
    if (!found) throw new Error(`nothing matching ${String(match)} was posted\n${this.transcript()}`);
    return found;
  }

  /** Messages posted after `since` in these conversations, as they look now. */
  postsSince(since: number, conversations: string[]): ShownMessage[] {
    const posted = new Set(
      this.h.connector.calls
        .slice(since)
        .filter((c) => c.method === 'POST' && c.conversationId && conversations.includes(c.conversationId))
        .map((c) => c.activityId),
    );
    return this.h.shown().filter((m) => posted.has(m.activityId));
  }

  /** Where the requester reads Elevate: the cell's conversation and their personal chat. */
  requesterConversations(): string[] {
    return [...new Set([this.conversationId, this.personalChat()])];
  }

  /** Every message posted or updated during the cell, anywhere. */
  everything(): ShownMessage[] {
    const touched = new Set(
      this.h.connector.calls
        .slice(this.since)
        .filter((c) => c.method === 'POST' || c.method === 'PUT')
        .map((c) => c.activityId),
    );
    return this.h.shown().filter((m) => touched.has(m.activityId));
  }

  /** What the cell showed, per conversation, for failure messages. */
  transcript(): string {
    const lines = ['--- what the cell showed (oldest first; → marks in-place updates) ---'];
    for (const m of this.everything()) {
      const who = m.conversationId === this.conversationId ? this.surface.key : m.conversationId.slice(0, 24);
      const versions = m.versions.map((v) => firstLines(v)).join('\n      → ');
      lines.push(`[${who}] ${versions}`);
    }
    return lines.join('\n');
  }

  /** The approval request as PIM holds it (the newest pending one of the requester). */
  pendingRequest() {
    return [...this.h.sim.state.requests.values()]
      .filter((r) => r.principalId === this.requester.id && r.status === 'PendingApproval')
      .at(-1);
  }

  /** The approver's card for the pending request, as it looks now. */
  async approvalCard(): Promise<ShownMessage> {
    const request = this.pendingRequest();
    if (!request) throw new Error('no request is pending approval');
    const find = () =>
      this.messagesIn(this.personalChat(this.approver)).find((m) =>
        cardActions(m.card).some((a) => a.verb === 'approve' && a.data.requestId === request.id),
      );
    await this.h.connector.waitFor(() => Boolean(find()), 10_000);
    return find()!;
  }

  /** The approver decides from their card in their personal chat. */
  async decide(verdict: 'approve' | 'deny', reason: string): Promise<TurnResult> {
    const card = await this.approvalCard();
    const data = findAction(card.card, verdict).data;
    return this.click(
      this.approver,
      verdict,
      { ...data, reason },
      this.personalChat(this.approver),
      card.activityId,
    );
  }

  /** Messages (posts, with their in-place updates) shown in `conversationId` during this cell. */
  messagesIn(conversationId: string): ShownMessage[] {
    return this.postsSince(this.since, [conversationId]);
  }
}

/** The URL of the message's Verify button, if it has one. */
function verifyLink(message: ShownMessage): string | undefined {
  return cardActions(message.card).find((a) => a.type === 'Action.OpenUrl' && a.title === 'Verify')?.url;
}

/** A message's text: its card's, else its plain text. */
export function textOf(m: ShownMessage): string {
  return m.card ? cardText(m.card) : (m.text ?? '');
}

function firstLines(version: Record<string, unknown>): string {
  const text = cardText(version.attachments) || String(version.text ?? '');
  return text.split('\n').slice(0, 3).join(' | ').slice(0, 200);
}

async function expectOk(call: Promise<{ status: number; body: unknown }>): Promise<void> {
  const result = await call;
  if (result.status >= 300)
    throw new Error(`control API answered ${result.status}: ${JSON.stringify(result.body)}`);
}
