import { createStore } from '../../../src/adapters/store/create-store';
import { CardParts } from '../../../src/adapters/teams/cards/card-parts';
import type { AdaptiveCardJson } from '../../../src/adapters/teams/cards/adaptive-card-json';
import type { Store } from '../../../src/ports/stores';
import { TestClock } from '../../contract/test-clock';

const card = (text: string): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
});
const texts = (shown: AdaptiveCardJson) => JSON.stringify(shown.body).match(/(?<="text":")[^"]+/g);

describe('CardParts: one message answering several requests, redrawn part by part', () => {
  let store: Store;
  let parts: CardParts;
  const key = { conversationId: 'a:alex', activityId: 'act-1' };

  beforeEach(async () => {
    store = await createStore({ sqlitePath: ':memory:', clock: new TestClock() });
    parts = new CardParts(store.compositeCards);
  });
  afterEach(() => store.close());

  it('a card answering one request is drawn as it is, nothing is stored', async () => {
    await parts.remember(key, [{ requestId: 'r1', card: card('pending') }]);
    expect(await parts.place(key, 'r1', card('approved'))).toEqual({ card: card('approved') });
    expect(await store.compositeCards.get(key)).toBeUndefined();
  });

  it('replaces only the request’s own part and keeps a refusal part that no request owns', async () => {
    await parts.remember(key, [
      { requestId: 'r1', card: card('Global Reader active') },
      { card: card('nope role: not eligible') },
      { requestId: 'r2', card: card('User Administrator pending') },
    ]);
    const placed = await parts.place(key, 'r2', card('User Administrator approved'));
    expect(placed.version).toBe(2);
    expect(texts(placed.card)).toEqual([
      'Global Reader active',
      'nope role: not eligible',
      'User Administrator approved',
    ]);
    // A request that is not on the card changes nothing.
    const foreign = await parts.place(key, 'r-other', card('something else'));
    expect(texts(foreign.card)).toEqual(texts(placed.card));
  });

  it('writers racing on two parts both land, and a stale writer learns the newer card', async () => {
    await parts.remember(key, [
      { requestId: 'r1', card: card('one pending') },
      { requestId: 'r2', card: card('two pending') },
    ]);
    const [first, second] = await Promise.all([
      parts.place(key, 'r1', card('one effective')),
      parts.place(key, 'r2', card('two approved')),
    ]);
    const latest = [first, second].sort((a, b) => b.version! - a.version!)[0];
    expect(texts(latest.card)).toEqual(['one effective', 'two approved']);
    const older = [first, second].sort((a, b) => a.version! - b.version!)[0];
    const newer = await parts.newerThan(key, older.version!);
    expect(texts(newer!.card)).toEqual(['one effective', 'two approved']);
    expect(await parts.newerThan(key, latest.version!)).toBeUndefined();
  });
});
