import { DateTime } from 'luxon';
import { TeamsSSOTokenExchangeMiddleware, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { SsoDedupeStorage } from '../../../src/adapters/teams/sso/sso-dedupe-storage';
import type { OneTimeKeyRepository } from '../../../src/ports/one-time-keys';

/** An in-memory stand-in for the store's one-time keys (the real one has its own contract tests). */
function memoryKeys(): OneTimeKeyRepository {
  const used = new Set<string>();
  return {
    consume: async (key) => (used.has(key) ? false : Boolean(used.add(key))),
    isUsed: async (key) => used.has(key),
    release: async (key) => void used.delete(key),
  };
}

const clock = { now: () => DateTime.fromISO('2026-11-22T12:00:00Z') };

describe('SsoDedupeStorage with TeamsSSOTokenExchangeMiddleware', () => {
  it('the first write of an exchange id wins; the second is an eTag conflict', async () => {
    const storage = new SsoDedupeStorage(memoryKeys(), clock);
    await storage.write({ 'msteams/conv/1': { eTag: '1' } });
    await expect(storage.write({ 'msteams/conv/1': { eTag: '1' } })).rejects.toThrow(/eTag conflict/);
    await expect(storage.write({ 'msteams/conv/2': { eTag: '2' } })).resolves.toBeUndefined();
  });

  it('lets the bot see one of two identical token exchange invokes', async () => {
    const storage = new SsoDedupeStorage(memoryKeys(), clock);
    const seen: string[] = [];
    const adapter = new TestAdapter(async (context: TurnContext) => {
      seen.push(String((context.activity.value as { id: string }).id));
    });
    // TestAdapter exchanges any token for the connection once it is told about it.
    adapter.addExchangeableToken('graph', 'msteams', 'user-1', 'sso-token', 'graph-token');
    adapter.use(new TeamsSSOTokenExchangeMiddleware(storage, 'graph'));
    const invoke: Partial<Activity> = {
      type: 'invoke',
      name: 'signin/tokenExchange',
      channelId: 'msteams',
      from: { id: 'user-1', name: 'Alex' },
      conversation: { id: 'conv', isGroup: false, conversationType: 'personal', name: '' },
      value: { id: 'exchange-1', connectionName: 'graph', token: 'sso-token' },
    };
    await adapter.processActivity(invoke);
    await adapter.processActivity(invoke);
    expect(seen).toEqual(['exchange-1']);
  });
});
