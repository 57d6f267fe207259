import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder';
import { DateTime } from 'luxon';
import { ProactiveMessenger } from '../../../src/adapters/teams/proactive/proactive-messenger';
import { startFakeConnector, type FakeConnector } from '../../fixtures/fake-connector';

/** The proactive messenger against a local Bot Connector: pace, due-time order, 429 + Retry-After. */
describe('ProactiveMessenger', () => {
  let connector: FakeConnector;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const reference = (conversationId: string): Partial<ConversationReference> => ({
    serviceUrl: '',
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:elevate', name: 'Elevate' },
  });

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(() => connector.close());
  beforeEach(() => connector.clear());

  const ref = (id: string) => ({ ...reference(id), serviceUrl: connector.serviceUrl });

  it('honours 429 Retry-After: the SDK retries each message, and when it gives up every send pauses', async () => {
    const throttled: number[] = [];
    const messenger = new ProactiveMessenger(adapter, '', {
      ratePerSecond: 100,
      onThrottled: (ms) => throttled.push(ms),
    });
    const outcomes: string[] = [];
    messenger.observe((outcome) => outcomes.push(outcome));
    // Enough 429s (Retry-After 0.2 s, fractional like Graph's) to outlast botbuilder's own retries.
    connector.throttleNext(6, 0.2);
    const started = Date.now();
    const id = await messenger.send(ref('a:throttled'), { text: 'hello' });
    const elapsed = Date.now() - started;
    expect(id).toEqual(expect.any(String));
    // 6 answers of 429, each followed by a wait of at least its Retry-After.
    expect(elapsed).toBeGreaterThanOrEqual(6 * 200 - 50);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled.every((ms) => ms === 200)).toBe(true);
    expect(outcomes.at(-1)).toBe('sent');
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(throttled.length);
    expect(connector.sent().filter((c) => c.conversationId === 'a:throttled')).toHaveLength(1);
  });

  it('keeps one global pace across conversations', async () => {
    const messenger = new ProactiveMessenger(adapter, '', { ratePerSecond: 10 });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => messenger.send(ref(`a:pace-${i}`), { text: `m${i}` })),
    );
    // 6 sends at 10/s: the last one leaves no earlier than 500 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    const times = connector.sent().map((c) => c.at);
    expect(times).toHaveLength(6);
  });

  it('sends queued messages in due-time order, not call order', async () => {
    const messenger = new ProactiveMessenger(adapter, '', { ratePerSecond: 5 });
    const base = DateTime.utc();
    // The first call takes the free slot; the rest queue and leave by due time.
    const sends = [0, 40, 10, 30, 20].map((minutes, i) =>
      messenger.send(ref(`a:order-${minutes}`), { text: `m${i}` }, { dueAt: base.plus({ minutes }) }),
    );
    await Promise.all(sends);
    const order = connector.sent().map((c) => c.conversationId);
    expect(order).toEqual(['a:order-0', 'a:order-10', 'a:order-20', 'a:order-30', 'a:order-40']);
  });
});
