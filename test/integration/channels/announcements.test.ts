import { cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

/**
 * A channel subscribed to a role gets one card per activation of that role, wherever it was made
 * (the portal, another chat), kept current in place through its life; other roles are not announced.
 */
describe('announcements in subscribed channels', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
  });
  afterEach(() => h.close());

  const cardsIn = (conversationId: string, match: RegExp) =>
    h.shown(conversationId).filter((m) => m.card && match.test(cardText(m.card)));

  it('a portal activation of a subscribed role is announced once and reads "ended" in place; another role is not', async () => {
    const { alex, priya } = h.users;
    await h.say(alex, 'subscribe Exchange Admin', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');

    expect(
      (
        await h.control('POST', '/_sim/activations', {
          principalId: priya.id,
          roleDefinitionId: EXCHANGE_ADMIN,
          duration: 'PT30M',
          justification: 'Mail flow outage',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await h.control('POST', '/_sim/activations', {
          principalId: priya.id,
          roleDefinitionId: GLOBAL_READER,
        })
      ).status,
    ).toBe(201);
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();

    const announced = await h.waitForCard(channel, /Priya Natarajan · Exchange Administrator/);
    expect(cardText(announced.card)).toMatch(/Active until/);
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(1);
    expect(cardsIn(channel, /Global Reader/)).toHaveLength(0);

    await h.advance('PT31M');
    await h.elevate.scheduler.runOnce();
    const ended = await h.waitForUpdate(announced.activityId, /Ended: expired at/);
    expect(cardText(ended.card)).toMatch(/\(active from /);
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(1);
    expect(cardText(ended.card)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a request made in a personal chat: pending naming the approvers → approved → deactivated by the holder, on one card', async () => {
    const { alex, jordan, dana } = h.users;
    await h.say(alex, 'subscribe', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    await h.say(dana, 'help');
    await h.say(jordan, 'activate User Administrator for 1h because INC-77 locked accounts ticket INC-77');
    await h.elevate.scheduler.runOnce();
    const pending = await h.waitForCard(channel, /Jordan Lee · User Administrator/);
    expect(cardText(pending.card)).toMatch(/Pending approval by Dana Schmidt/);

    const request = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    await h.control('POST', `/_sim/approvals/${request!.id}/decide`, {
      approverId: dana.id,
      decision: 'Approve',
      justification: 'ok',
    });
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(pending.activityId, /Active until/);
    expect(cardText((await h.waitForUpdate(pending.activityId, /Active until/)).card)).toMatch(/INC-77/);

    await h.advance('PT6M');
    const deactivated = await h.say(jordan, 'deactivate User Admin');
    expect(cardText(deactivated.card)).toMatch(/User Administrator/);
    await h.advance('PT1M');
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(pending.activityId, /Ended: deactivated by Jordan Lee at/);
    expect(cardsIn(channel, /User Administrator/)).toHaveLength(1);
  });

  it('a request denied in the portal reads "denied, never active" on the same announcement', async () => {
    const { alex, jordan, dana } = h.users;
    await h.say(alex, 'subscribe User Admin', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    await h.say(jordan, 'activate User Administrator for 1h because INC-78 audit');
    await h.elevate.scheduler.runOnce();
    const pending = await h.waitForCard(channel, /Pending approval by Dana Schmidt/);
    const request = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    await h.control('POST', `/_sim/approvals/${request!.id}/decide`, {
      approverId: dana.id,
      decision: 'Deny',
      justification: 'not during the freeze',
    });
    await h.elevate.scheduler.runOnce();
    const denied = await h.waitForUpdate(pending.activityId, /Denied/);
    expect(cardText(denied.card)).toMatch(/the role was never active/);
    expect(cardsIn(channel, /User Administrator/)).toHaveLength(1);
  });
});
