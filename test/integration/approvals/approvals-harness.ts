import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../src/adapters/observability/logger';
import { startElevate, type RunningElevate } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config/config';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { freePort } from '../../fixtures/bot-harness';
import { cardText } from '../../fixtures/card-reading';
import { BOT_ID, CHANNEL_ID, TENANT_ID, testSeed, type Person } from './approvals-seed';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../../fixtures/fake-connector';

export type Card = Record<string, unknown>;

export { cardText };
export * from './approvals-seed';

/** One message as it looks now (after in-place updates). */
export interface Shown {
  conversationId: string;
  activityId: string;
  text?: string;
  card?: Card;
  updates: number;
  /** Every version of the message as JSON (the first carries the request id on its buttons). */
  history: string;
}

export interface ApprovalsHarness {
  sim: RunningSimulator;
  connector: FakeConnector;
  elevate: RunningElevate;
  personal(user: Person): string;
  say(user: Person, text: string, where?: 'personal' | 'channel'): Promise<{ status: number; body: unknown }>;
  execute(
    user: Person,
    verb: string,
    data: Record<string, unknown>,
    where?: 'personal' | 'channel',
  ): Promise<{ status: number; body: unknown; card?: Card }>;
  /** Clicks an Action.Submit (the fallback old and local Teams clients use): a message with `value`. */
  submit(
    user: Person,
    data: Record<string, unknown>,
    replyToId: string,
  ): Promise<{ status: number; body: unknown }>;
  /** Every message in a conversation (personal chat id, a created chat id, or CHANNEL_ID), as it looks now. */
  shown(conversationId: string): Shown[];
  /** Every message sent to the user's 1:1 chat, including chats Elevate opened itself. */
  shownTo(user: Person): Shown[];
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  graphCalls(method: string, pathContains: string): Promise<{ method: string; path: string }[]>;
  control(method: string, controlPath: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startApprovalsHarness(): Promise<ApprovalsHarness> {
  const sim = await startSimulator({ port: 0, seed: testSeed() });
  const connector = await startFakeConnector();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-approvals-'));
  // APPROVALS_TEST_LOG=debug prints the bot's log while debugging these tests.
  const logger = createLogger({ level: (process.env.APPROVALS_TEST_LOG as 'debug' | undefined) ?? 'silent' });
  const config = loadConfig({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    SQLITE_PATH: path.join(dir, 'elevate.sqlite'),
    LOG_LEVEL: 'silent',
    APPROVALS_CHANNEL_ID: CHANNEL_ID,
  });
  const elevate = await startElevate(config, { logger, simulator: sim });
  const url = `http://127.0.0.1:${elevate.port}`;
  const personal = (user: Person) => `a:personal-${user.id}`;

  const activity = (user: Person, where: 'personal' | 'channel'): Record<string, unknown> => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    localTimezone: user.timeZone,
    locale: 'en-GB',
    from: { id: `29:${user.id}`, name: user.displayName, aadObjectId: user.id },
    recipient: { id: BOT_ID, name: 'Elevate' },
    conversation: {
      id: where === 'personal' ? personal(user) : CHANNEL_ID,
      conversationType: where,
      tenantId: TENANT_ID,
      isGroup: where === 'channel' ? true : undefined,
    },
    channelData:
      where === 'channel'
        ? { tenant: { id: TENANT_ID }, team: { id: '19:team@thread.tacv2' }, channel: { id: CHANNEL_ID } }
        : { tenant: { id: TENANT_ID } },
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  const shown = (conversationId: string): Shown[] => {
    const byId = new Map<string, Shown>();
    const list: Shown[] = [];
    for (const call of connector.calls) {
      if (!call.conversationId || decodeURIComponent(call.conversationId) !== conversationId) continue;
      if (!call.activityId || call.body.type === 'typing') continue;
      if (call.method === 'POST') {
        const message: Shown = {
          conversationId,
          activityId: call.activityId,
          updates: 0,
          history: JSON.stringify(call.body),
          ...content(call),
        };
        byId.set(call.activityId, message);
        list.push(message);
      } else if (call.method === 'PUT') {
        const message = byId.get(call.activityId);
        if (message)
          Object.assign(message, content(call), {
            updates: message.updates + 1,
            history: message.history + JSON.stringify(call.body),
          });
      }
    }
    return list;
  };

  /** Conversations Elevate created for a user (POST /v3/conversations answered with an id). */
  const createdFor = (user: Person): string[] =>
    connector.calls
      .filter(
        (c) =>
          c.method === 'POST' &&
          c.path === '/v3/conversations' &&
          c.activityId &&
          (c.body.members as { id: string }[] | undefined)?.[0]?.id === user.id,
      )
      .map((c) => c.activityId as string);

  const harness: ApprovalsHarness = {
    sim,
    connector,
    elevate,
    personal,
    say: (user, text, where = 'personal') =>
      post({
        ...activity(user, where),
        type: 'message',
        text: where === 'channel' ? `<at>Elevate</at> ${text}` : text,
        entities:
          where === 'channel'
            ? [{ type: 'mention', text: '<at>Elevate</at>', mentioned: { id: BOT_ID, name: 'Elevate' } }]
            : [],
      }),
    async execute(user, verb, data, where = 'personal') {
      const result = await post({
        ...activity(user, where),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      });
      connector.noteInvokeResponse(result.body);
      const body = result.body as { type?: string; value?: Card } | undefined;
      return {
        ...result,
        card: body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined,
      };
    },
    submit: (user, data, replyToId) =>
      post({ ...activity(user, 'personal'), type: 'message', text: '', value: data, replyToId }),
    shown,
    shownTo: (user) => [personal(user), ...createdFor(user)].flatMap((id) => shown(id)),
    async waitFor(predicate, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async graphCalls(method, pathContains) {
      const result = await harness.control(
        'GET',
        `/_sim/requests?method=${method}&path=${encodeURIComponent(pathContains)}`,
      );
      return (result.body as { value: { method: string; path: string }[] }).value;
    },
    async control(method, controlPath, body) {
      const response = await fetch(`${sim.baseUrl}${controlPath}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async close() {
      await elevate.stop(2_000);
      try {
        await connector.close(); // throws if a card showed an internal value
      } finally {
        await sim.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return harness;
}

function content(call: ConnectorCall): { text?: string; card?: Card } {
  const attachments = (call.body.attachments ?? []) as { contentType?: string; content?: Card }[];
  return {
    text: typeof call.body.text === 'string' ? call.body.text : undefined,
    card: attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content,
  };
}

/** The data of the card's Action.Execute with this verb (first one). */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.verb === verb) {
      found = record.data as Record<string, unknown>;
      return;
    }
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

/** Approval cards (not other cards) among messages. */
export function onlyApprovalCards(messages: Shown[]): Shown[] {
  return messages.filter(
    (m) => m.card && cardText(m.card).includes('Open in Entra') && / requests /.test(cardText(m.card)),
  );
}
