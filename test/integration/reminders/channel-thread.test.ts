import { cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

/**
 * An activation requested in a channel: the reconciler keeps the channel's card current as the
 * request is approved in the Entra portal (active until T) and as the activation ends.
 */
describe('channel thread kept current by the reconciler', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
  });
  afterEach(() => h.close());

  it('pending → approved in the portal → active until T → ended, on one card in the channel', async () => {
    const { jordan, dana } = h.users;
    await h.say(jordan, 'help');
    const channel = h.conversationId(jordan, 'channel');
    await h.say(jordan, 'activate User Administrator for 30m because INC-7 password resets', {
      where: 'channel',
    });
    const request = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    expect(request).toBeDefined();

    await h.elevate.scheduler.runOnce();
    const decided = await h.control('POST', `/_sim/approvals/${request!.id}/decide`, {
      approverId: dana.id,
      decision: 'Approve',
      justification: 'ok',
    });
    expect(decided.status).toBe(200);
    await h.elevate.scheduler.runOnce();

    const announcement = await h.waitForCard(channel, /Active until/).catch((error: Error) => {
      throw new Error(`${error.message}\n${h.logs.join('\n').slice(0, 3000)}`);
    });
    expect(cardText(announcement.card)).toMatch(/Jordan Lee/);
    expect(cardText(announcement.card)).toMatch(/User Administrator/);
    expect(
      (await h.elevate.store.cardCopies.listForRequest(request!.id)).filter((c) => c.kind === 'channel'),
    ).toHaveLength(1);

    await h.advance('PT31M');
    await h.elevate.scheduler.runOnce();
    const ended = await h.waitForCard(channel, /Ended: expired at/);
    expect(ended.activityId).toBe(announcement.activityId);
    expect(ended.updates).toBeGreaterThanOrEqual(1);
    // Jordan also gets the personal "ended" note.
    expect(
      h
        .shown(h.conversationId(jordan))
        .some((m) => m.card && /User Administrator has ended/.test(cardText(m.card))),
    ).toBe(true);
  });

  it('a request denied in the portal reaches the approvals use case: the approval card copies update', async () => {
    const { jordan, dana } = h.users;
    await h.say(dana, 'help');
    await h.say(jordan, 'activate User Administrator for 30m because INC-8 locked accounts');
    const request = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    expect(request).toBeDefined();
    const approvalCard = await h.waitForCard(h.conversationId(dana), /User Administrator/);
    const decided = await h.control('POST', `/_sim/approvals/${request!.id}/decide`, {
      approverId: dana.id,
      decision: 'Deny',
      justification: 'not during the freeze',
    });
    expect(decided.status).toBe(200);
    await h.elevate.scheduler.runOnce();
    expect((await h.elevate.store.trackedRequests.get(request!.id))?.status).toBe('Denied');
    await h.connector.waitFor((c) => c.method === 'PUT' && c.activityId === approvalCard.activityId);
    const again = await h.elevate.scheduler.runOnce();
    expect(again.reconcile?.statusChanges).toBe(0);
  });

  it('an approval that expires after 24 hours is shown as expired on every copy, by the reconciler', async () => {
    const { jordan, dana } = h.users;
    await h.say(dana, 'help');
    await h.say(jordan, 'activate User Administrator for 30m because INC-9 audit export');
    const request = [...h.sim.state.requests.values()].find(
      (r) => r.principalId === jordan.id && r.status === 'PendingApproval',
    );
    expect(request).toBeDefined();
    const approvalCard = await h.waitForCard(h.conversationId(dana), /User Administrator/);
    const requesterCard = await h.waitForCard(h.conversationId(jordan), /User Administrator/);

    await h.advance('PT25H');
    await h.elevate.scheduler.runOnce();
    expect((await h.elevate.store.trackedRequests.get(request!.id))?.status).toBe('TimedOut');
    const approverCopy = await h.connector.waitFor(
      (c) => c.method === 'PUT' && c.activityId === approvalCard.activityId,
    );
    expect(JSON.stringify(approverCopy.body)).toMatch(/[Ee]xpired/);
    expect(JSON.stringify(approverCopy.body)).not.toMatch(/"verb":"approve"/);
    // The requester's pending card (first drawn over the progress card) now shows the outcome.
    const requesterCopy = await h.waitForUpdate(requesterCard.activityId, /[Ee]xpired/);
    expect(cardText(requesterCopy.card)).not.toMatch(/Cancel request/);
  });
});
