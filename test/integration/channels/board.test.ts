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
    expect(text).toMatch(/Until \d\d:\d\d today \(/);
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
});
