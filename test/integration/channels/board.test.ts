import { cardActions, cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';

/** `who` / `board` / `who has <role>`: every active privileged role in the tenant, one board per conversation. */
describe('the who-holds-what board', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
  });
  afterEach(() => h.close());

  it('lists activations made anywhere with holder, scope, since / until in the reader’s zone, ticket and justification', async () => {
    const { alex, priya, jordan } = h.users;
    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT2H',
    });
    await h.say(jordan, 'help');
    await h.say(alex, 'activate Global Reader for 1h because INC-9 audit ticket INC-9');
    const turn = await h.say(jordan, 'who');
    const text = cardText(turn.card);
    expect(text).toMatch(/Who holds what/);
    expect(text).toMatch(/Exchange Administrator[\s\S]*Priya Natarajan/);
    expect(text).toMatch(/Global Reader[\s\S]*Alex Morgan[\s\S]*Ticket INC-9/);
    // Real time: an end after the reader's midnight reads "tomorrow".
    expect(text).toMatch(/Until \d\d:\d\d (today|tomorrow) \(/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d\d-\d\dT/);
    expect(cardActions(turn.card).map((a) => a.title)).toContain('Refresh');

    const one = await h.say(jordan, 'who has exchange admin');
    expect(cardText(one.card)).toMatch(/Who holds Exchange Administrator/);
    expect(cardText(one.card)).not.toMatch(/Global Reader/);
  });

  it('in a channel: one board, edited in place by `who` and by the reconciler as activations start and end', async () => {
    const { alex, priya } = h.users;
    await h.say(alex, 'subscribe', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    const first = await h.say(alex, 'board', { where: 'channel' });
    const board = h.shown(channel).find((m) => m.card && /Who holds what/.test(cardText(m.card)));
    expect(board).toBeDefined();
    expect(cardText(board!.card)).toMatch(/Nobody holds a privileged role right now/);
    expect(first.status).toBe(200);
    // A pass while nobody holds anything: the board must still be redrawn when that comes back.
    await h.elevate.scheduler.runOnce();

    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT30M',
    });
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(board!.activityId, /Priya Natarajan/);

    await h.say(alex, 'who', { where: 'channel' });
    expect(h.shown(channel).filter((m) => m.card && /Who holds what/.test(cardText(m.card)))).toHaveLength(1);

    await h.advance('PT31M');
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(board!.activityId, /Nobody holds a privileged role right now/);
    expect(h.shown(channel).filter((m) => m.card && /Who holds what/.test(cardText(m.card)))).toHaveLength(1);
  });

  // Teams names each thread (…;messageid=…): subscribed in one thread, the board asked for in another
  // is still the channel's board, redrawn by the reconciler (the channels e2e walk caught it).
  it('subscribed in one thread, the board asked for in another is redrawn as activations start', async () => {
    const { alex, priya } = h.users;
    const channel = '19:channel-board-threads@thread.tacv2';
    const inThread = (id: string) => ({
      where: 'channel' as const,
      conversationId: `${channel};messageid=${id}`,
    });
    await h.say(alex, 'subscribe', inThread('1'));
    await h.say(alex, 'who', inThread('2'));
    const board = h
      .shown(`${channel};messageid=2`)
      .find((m) => m.card && /Who holds what/.test(cardText(m.card)));
    expect(board).toBeDefined();
    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT30M',
    });
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(board!.activityId, /Priya Natarajan/);
    await h.say(alex, 'unsubscribe', inThread('3'));
  });

  it('a conversation’s board keeps one time zone, said on the card, whoever redraws it', async () => {
    const { alex, jordan, priya } = h.users;
    await h.say(alex, 'subscribe', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT30M',
    });
    // Alex (London) asks first: the board is in London time, and says so.
    await h.say(alex, 'who', { where: 'channel' });
    const board = h.shown(channel).find((m) => m.card && /Who holds what/.test(cardText(m.card)))!;
    const london = /All times in Europe\/London \(/;
    expect(cardText(board.card)).toMatch(london);
    const zonesOn = (text: string) => [
      ...new Set([...text.matchAll(/\d\d:\d\d [a-z]+(?: on [^(]+)? \(([^)]+)\)/g)].map((m) => m[1])),
    ];
    expect(zonesOn(cardText(board.card))).toHaveLength(1);
    const londonAbbreviation = zonesOn(cardText(board.card))[0];

    // Jordan (New York) says `who` and presses Refresh; the reconciler redraws it: still London time.
    await h.say(jordan, 'who', { where: 'channel' });
    expect(cardText((await h.waitForUpdate(board.activityId, london)).card)).toMatch(london);
    const refresh = cardActions(board.card).find((a) => a.title === 'Refresh')!;
    const refreshed = await h.execute(jordan, refresh.verb!, refresh.data, {
      where: 'channel',
      replyToId: board.activityId,
    });
    expect(cardText(refreshed.card)).toMatch(london);
    expect(zonesOn(cardText(refreshed.card))).toEqual([londonAbbreviation]);
    await h.advance('PT1M');
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    const redrawn = h.shown(channel).find((m) => m.activityId === board.activityId)!;
    expect(cardText(redrawn.card)).toMatch(london);
    expect(zonesOn(cardText(redrawn.card))).toEqual([londonAbbreviation]);

    // A card of one's own (a personal chat) is in the reader's zone.
    const own = await h.say(jordan, 'who');
    expect(cardText(own.card)).toMatch(/All times in America\/New_York \(/);
  });
});
