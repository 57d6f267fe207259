import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response } from 'restify';

/** One call the bot made to the Bot Connector (Teams' service URL). */
export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  path: string;
  conversationId?: string;
  activityId?: string;
  /** For replies: the activity id being replied to. */
  replyToId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  at: number;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Activities the bot sent (posts and replies), newest last. */
  sent(): ConnectorCall[];
  /** Activities the bot updated in place (PUT). */
  updates(): ConnectorCall[];
  /** Resolves with the first call matching `predicate`, waiting up to `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** The next `count` sends answer 429 with this Retry-After (seconds). */
  throttleNext(count: number, retryAfterSeconds: number): void;
  /** Users that have the app installed (others get 403 on createConversation, like Teams). */
  installedUsers: Set<string> | undefined;
  clear(): void;
  close(): Promise<void>;
}

/**
 * Copy of test/fixtures/fake-connector.ts with async route handlers: restify 11 refuses
 * non-async handlers without a `next` argument, so the shared fixture cannot start yet.
 *
 * A local stand-in for the Bot Connector service: accepts what CloudAdapter sends (new
 * activities, replies, updates, new 1:1 conversations) and records it for assertions.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const server = restify.createServer({ name: 'fake-connector' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const calls: ConnectorCall[] = [];
  const listeners: (() => void)[] = [];
  let throttle = { count: 0, retryAfter: 0 };
  const connector: FakeConnector = {
    serviceUrl: '',
    calls,
    installedUsers: undefined,
    sent: () =>
      calls.filter((c) => c.method === 'POST' && c.conversationId && c.path.includes('/activities')),
    updates: () => calls.filter((c) => c.method === 'PUT'),
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = calls.find(predicate);
          if (found) {
            resolve(found);
            return true;
          }
          return false;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          const index = listeners.indexOf(listener);
          if (index >= 0) listeners.splice(index, 1);
          reject(
            new Error(`fake connector: no matching call within ${timeoutMs} ms; saw ${calls.length} calls`),
          );
        }, timeoutMs);
        const listener = () => {
          if (check()) {
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(listener), 1);
          }
        };
        listeners.push(listener);
      });
    },
    throttleNext(count, retryAfterSeconds) {
      throttle = { count, retryAfter: retryAfterSeconds };
    },
    clear() {
      calls.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const record = (
    req: Request,
    call: Omit<ConnectorCall, 'at' | 'authorization' | 'path' | 'body'>,
  ): void => {
    calls.push({
      ...call,
      path: req.path(),
      body: (req.body ?? {}) as Record<string, unknown>,
      authorization: req.header('authorization') || undefined,
      at: Date.now(),
    });
    listeners.slice().forEach((l) => l());
  };

  const throttled = (res: Response): boolean => {
    if (throttle.count <= 0) return false;
    throttle.count -= 1;
    res.header('Retry-After', String(throttle.retryAfter));
    res.send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } });
    return true;
  };

  server.post('/v3/conversations', async (req: Request, res: Response) => {
    const body = req.body as { members?: { id: string }[] };
    const member = body.members?.[0]?.id;
    if (connector.installedUsers && member && !connector.installedUsers.has(member)) {
      record(req, { method: 'POST', conversationId: undefined });
      res.send(403, { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } });
      return;
    }
    const conversationId = `a:${randomUUID()}`;
    record(req, { method: 'POST', conversationId: undefined, activityId: conversationId });
    res.send(201, { id: conversationId, activityId: randomUUID() });
  });
  server.post('/v3/conversations/:conversationId/activities', async (req: Request, res: Response) => {
    if (throttled(res)) return;
    const activityId = randomUUID();
    record(req, { method: 'POST', conversationId: req.params.conversationId, activityId });
    res.send(201, { id: activityId });
  });
  server.post(
    '/v3/conversations/:conversationId/activities/:replyToId',
    async (req: Request, res: Response) => {
      if (throttled(res)) return;
      const activityId = randomUUID();
      record(req, {
        method: 'POST',
        conversationId: req.params.conversationId,
        activityId,
        replyToId: req.params.replyToId,
      });
      res.send(201, { id: activityId });
    },
  );
  server.put(
    '/v3/conversations/:conversationId/activities/:activityId',
    async (req: Request, res: Response) => {
      if (throttled(res)) return;
      record(req, {
        method: 'PUT',
        conversationId: req.params.conversationId,
        activityId: req.params.activityId,
      });
      res.send(200, { id: req.params.activityId });
    },
  );
  server.del(
    '/v3/conversations/:conversationId/activities/:activityId',
    async (req: Request, res: Response) => {
      record(req, {
        method: 'DELETE',
        conversationId: req.params.conversationId,
        activityId: req.params.activityId,
      });
      res.send(200, {});
    },
  );

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  connector.serviceUrl = `http://127.0.0.1:${address.port}/`;
  return connector;
}
