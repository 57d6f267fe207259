import type { Page } from 'playwright-core';

/** One message as the local Teams client holds it (its latest version after in-place updates). */
export interface StreamMessage {
  conversationId: string;
  messageId: string;
  /** In a channel, the post (thread) the message belongs to: `<channel id>;messageid=<root id>`. */
  postConversationId?: string;
  fromId?: string;
  text?: string;
  /** Adaptive Card contents, in attachment order. */
  cards: Record<string, unknown>[];
  /** Position of the event that created or last updated it (compare with `mark()`). */
  seq: number;
  createdSeq: number;
  raw: Record<string, unknown>;
}

interface StreamFrame {
  action?: string;
  actionConversationId?: string;
  message?: {
    messageId?: string;
    postConversationId?: string;
    text?: string;
    from?: { id?: string };
    attachments?: { contentType?: string; content?: unknown }[];
  };
}

/**
 * Listens to the playground's conversation web socket (what its UI renders from): every message
 * the bot creates or updates, with ids. The tests use it to know which message a card is (to act
 * on it as another user) and to wait for the bot; what a person sees is asserted on the page.
 */
export class ConversationStream {
  private seq = 0;
  private readonly byId = new Map<string, StreamMessage>();
  private readonly waiters = new Set<() => void>();
  private readonly frames: unknown[] = [];

  /**
   * Routes the page's conversation web socket through this recorder. One kind of frame is not
   * passed on: a bot's typing indicator in a channel thread. The playground's UI (0.2.28) throws
   * "Invalid conversation id …;messageid=…" on it inside its message saga, which then stops, so
   * no later message renders at all. Typing indicators change nothing a test asserts on.
   */
  static async attach(page: Page): Promise<ConversationStream> {
    const stream = new ConversationStream();
    await page.routeWebSocket(/_ws_conversation/, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        const payload = typeof message === 'string' ? message : message.toString('utf8');
        stream.receive(payload);
        if (!isTypingInChannelThread(payload)) socket.send(message);
      });
      socket.onMessage((message) => server.send(message));
    });
    return stream;
  }

  /** The current position; later `since` filters see only what arrives after it. */
  mark(): number {
    return this.seq;
  }

  messages(conversationId: string): StreamMessage[] {
    return [...this.byId.values()]
      .filter((m) => m.conversationId === conversationId || m.conversationId.startsWith(`${conversationId};`))
      .sort((a, b) => a.createdSeq - b.createdSeq);
  }

  /** Resolves with the first message (created or updated after `since`) that matches. */
  async waitForMessage(
    what: string,
    match: (message: StreamMessage) => boolean,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<StreamMessage> {
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const find = () => [...this.byId.values()].find((m) => m.seq > since && match(m));
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(hit);
      };
      this.waiters.add(check);
    });
  }

  /** Every frame received, for the run's artifacts (test-results/e2e/conversation-stream.json). */
  allFrames(): unknown[] {
    return [...this.frames];
  }

  /** A frame from the playground to its UI. */
  receive(payload: string): void {
    let frame: StreamFrame;
    try {
      frame = JSON.parse(payload) as StreamFrame;
    } catch {
      return;
    }
    this.frames.push(frame);
    const message = frame.message;
    if (!frame.action || !frame.actionConversationId || !message?.messageId) return;
    this.seq += 1;
    const previous = this.byId.get(message.messageId);
    const cards = (message.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content as Record<string, unknown>);
    this.byId.set(message.messageId, {
      conversationId: frame.actionConversationId,
      messageId: message.messageId,
      postConversationId: message.postConversationId ?? previous?.postConversationId,
      fromId: message.from?.id ?? previous?.fromId,
      text: message.text ?? previous?.text,
      cards: cards.length > 0 || !previous ? cards : previous.cards,
      seq: this.seq,
      createdSeq: previous?.createdSeq ?? this.seq,
      raw: frame as Record<string, unknown>,
    });
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** All of a card's text (TextBlocks, FactSets, action titles) as one string, for matching. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
        parts.push(value);
      else walk(value);
    }
  };
  walk(card);
  return parts.join('\n');
}

export interface CardAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** The card's Action.Execute with this verb (as Teams would send it when pressed). */
export function findExecuteAction(card: unknown, verb: string): CardAction | undefined {
  let found: CardAction | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.verb === verb) {
      found = {
        type: 'Action.Execute',
        title: String(record.title ?? ''),
        verb,
        data: (record.data as Record<string, unknown>) ?? {},
      };
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

function isTypingInChannelThread(payload: string): boolean {
  try {
    const frame = JSON.parse(payload) as StreamFrame;
    return frame.action === 'typing' && (frame.actionConversationId ?? '').includes(';messageid=');
  } catch {
    return false;
  }
}
