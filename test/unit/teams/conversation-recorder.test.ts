import { TestAdapter, TurnContext } from 'botbuilder';
import { ConversationRecorder } from '../../../src/adapters/teams/conversation-recorder';
import { TeamsTurn } from '../../../src/adapters/teams/teams-turn';
import { createLogger } from '../../../src/adapters/observability/logger';
import type { ConversationRepository, UserRepository } from '../../../src/ports/stores';

const USER = '1c6746ba-c423-483e-9f30-18038d766593';

function turn(fields: { serviceUrl?: string; name?: string; conversationId?: string; kind?: string } = {}) {
  return new TeamsTurn(
    new TurnContext(new TestAdapter(), {
      type: 'message',
      id: `activity-${Math.random()}`,
      channelId: 'msteams',
      serviceUrl: fields.serviceUrl ?? 'https://smba.example/emea/',
      from: { id: `29:${USER}`, name: fields.name ?? 'Alex Morgan', aadObjectId: USER },
      conversation: {
        id: fields.conversationId ?? `a:${USER}`,
        conversationType: fields.kind ?? 'personal',
        tenantId: 'tenant-1',
      } as never,
      recipient: { id: '28:bot', name: 'Elevate' },
      channelData: { tenant: { id: 'tenant-1' } },
      localTimezone: 'Europe/London',
    }),
  );
}

/** Store ports that only count writes (the storage contract suite covers the real ones). */
function countingStore() {
  const writes = { chats: 0, conversations: 0, profiles: 0 };
  const conversations = {
    upsertForUser: async () => void (writes.chats += 1),
    upsertForConversation: async () => void (writes.conversations += 1),
  } as unknown as ConversationRepository;
  const users = { upsertProfile: async () => void (writes.profiles += 1) } as unknown as UserRepository;
  return { writes, conversations, users };
}

describe('ConversationRecorder', () => {
  let now = 0;
  const make = () => {
    const store = countingStore();
    const recorder = new ConversationRecorder({
      conversations: store.conversations,
      users: store.users,
      logger: createLogger({ level: 'silent' }),
      now: () => now,
    });
    return { ...store, recorder };
  };

  test('an unchanged reference and profile are written once, whatever the activity id', async () => {
    const { recorder, writes } = make();
    for (let i = 0; i < 5; i += 1) await recorder.record(turn());
    expect(writes).toEqual({ chats: 1, conversations: 0, profiles: 1 });
  });

  test('a changed service URL or display name is written at once', async () => {
    const { recorder, writes } = make();
    await recorder.record(turn());
    await recorder.record(turn({ serviceUrl: 'https://smba.example/amer/' }));
    await recorder.record(turn({ serviceUrl: 'https://smba.example/amer/', name: 'Alex M.' }));
    // Any change rewrites the reference and the profile together.
    expect(writes).toEqual({ chats: 3, conversations: 0, profiles: 3 });
  });

  test('an unchanged reference is written again after ten minutes (other instances may have written)', async () => {
    const { recorder, writes } = make();
    now = 0;
    await recorder.record(turn());
    now = 9 * 60_000;
    await recorder.record(turn());
    now = 10 * 60_000;
    await recorder.record(turn());
    expect(writes.chats).toBe(2);
  });

  test('after forget (installation events) the store is looked at and written again', async () => {
    const { recorder, writes } = make();
    await recorder.record(turn());
    recorder.forget(turn());
    await recorder.record(turn());
    expect(writes).toEqual({ chats: 2, conversations: 0, profiles: 2 });
  });

  test('a first-contact record right after a verified one neither reads nor writes', async () => {
    const store = countingStore();
    let reads = 0;
    const conversations = {
      ...store.conversations,
      getForUser: async () => {
        reads += 1;
        return null;
      },
    } as unknown as ConversationRepository;
    const users = {
      ...store.users,
      get: async () => {
        reads += 1;
        return null;
      },
    } as unknown as UserRepository;
    const recorder = new ConversationRecorder({
      conversations,
      users,
      logger: createLogger({ level: 'silent' }),
    });
    await recorder.record(turn());
    await recorder.recordFirstContact(turn());
    expect(reads).toBe(0);
    expect(store.writes.chats).toBe(1);
  });

  test('first-contact records of a known user read the store once, until ten minutes pass or a verified record', async () => {
    const store = countingStore();
    let reads = 0;
    const found = async () => {
      reads += 1;
      return {};
    };
    const conversations = { ...store.conversations, getForUser: found } as unknown as ConversationRepository;
    const users = { ...store.users, get: found } as unknown as UserRepository;
    now = 0;
    const recorder = new ConversationRecorder({
      conversations,
      users,
      logger: createLogger({ level: 'silent' }),
      now: () => now,
    });
    for (let i = 0; i < 4; i += 1) await recorder.recordFirstContact(turn());
    expect(reads).toBe(2);
    await recorder.record(turn());
    expect(store.writes).toEqual({ chats: 1, conversations: 0, profiles: 1 });
    now = 10 * 60_000;
    await recorder.recordFirstContact(turn());
    expect(reads).toBe(4);
  });

  test('channel references are remembered per conversation', async () => {
    const { recorder, writes } = make();
    const channel = { kind: 'channel', conversationId: '19:abc@thread.tacv2' };
    await recorder.record(turn(channel));
    await recorder.record(turn(channel));
    await recorder.record(turn({ ...channel, conversationId: '19:def@thread.tacv2' }));
    expect(writes.conversations).toBe(2);
  });

  test('a failed write is not remembered: the next activity tries again', async () => {
    const store = countingStore();
    let fail = true;
    const conversations = {
      ...store.conversations,
      upsertForUser: async () => {
        if (fail) throw new Error('database is locked');
        store.writes.chats += 1;
      },
    } as unknown as ConversationRepository;
    const recorder = new ConversationRecorder({
      conversations,
      users: store.users,
      logger: createLogger({ level: 'silent' }),
    });
    await recorder.record(turn());
    fail = false;
    await recorder.record(turn());
    expect(store.writes.chats).toBe(1);
  });
});
