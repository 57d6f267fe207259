import { cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';

/**
 * Announcements of what happens outside Elevate, and of posts the connector refused: a request made
 * with PowerShell (Graph, the requester's own token) that waits for approval is announced pending
 * and followed to its end; a post that failed after its work item was claimed is posted later, once.
 */
describe('announcements: requests made elsewhere, and failed posts', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '60' } });
  });
  afterEach(() => h.close());

  const cardsIn = (conversationId: string, match: RegExp) =>
    h.shown(conversationId).filter((m) => m.card && match.test(cardText(m.card)));

  /** selfActivate as PowerShell sends it: the user's own delegated token, straight to Graph. */
  async function requestWithPowerShell(principalId: string, roleDefinitionId: string, justification: string) {
    const token = (
      (await h.control('POST', '/_sim/sso-token', { userId: principalId })).body as { token: string }
    ).token;
    const response = await fetch(
      `${h.sim.baseUrl}/v1.0/roleManagement/directory/roleAssignmentScheduleRequests`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'selfActivate',
          principalId,
          roleDefinitionId,
          directoryScopeId: '/',
          justification,
          scheduleInfo: {
            startDateTime: h.sim.clock.now().toUTC().toISO(),
            expiration: { type: 'afterDuration', duration: 'PT1H' },
          },
        }),
      },
    );
    const body = (await response.json()) as { id: string; status: string };
    expect({ status: response.status, pim: body.status }).toEqual({ status: 201, pim: 'PendingApproval' });
    return body.id;
  }

  it('a request made with PowerShell that waits for approval is announced pending, then denied, on one card', async () => {
    const { alex, jordan, dana } = h.users;
    await h.say(alex, 'subscribe User Admin', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    const requestId = await requestWithPowerShell(
      jordan.id,
      USER_ADMIN,
      'Locked accounts after the migration',
    );
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    const pending = await h.waitForCard(channel, /Jordan Lee · User Administrator/);
    expect(cardText(pending.card)).toMatch(/Pending approval by Dana Schmidt/);
    expect(cardText(pending.card)).toContain('Locked accounts after the migration');

    await h.control('POST', `/_sim/approvals/${requestId}/decide`, {
      approverId: dana.id,
      decision: 'Deny',
      justification: 'Use the break-glass process',
    });
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    const denied = await h.waitForUpdate(pending.activityId, /Denied/);
    expect(cardText(denied.card)).toMatch(/the role was never active/);
    expect(cardsIn(channel, /User Administrator/)).toHaveLength(1);
  });

  it('a post the connector refused after its work item was claimed is posted on the retry, once', async () => {
    const { alex, priya } = h.users;
    await h.say(alex, 'subscribe Exchange Admin', { where: 'channel' });
    const channel = h.conversationId(alex, 'channel');
    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT30M',
      justification: 'Mail flow outage',
    });
    // The connector is down while the announcement is claimed and posted (its own retries too).
    h.connector.failNext(1_000, 503);
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(0);
    h.connector.failNext(0);

    // The failed item is due again after its backoff (15 s); nothing was lost.
    await h.advance('PT1M');
    await h.elevate.scheduler.runOnce();
    const announced = await h.waitForCard(channel, /Priya Natarajan · Exchange Administrator/);
    expect(cardText(announced.card)).toMatch(/Active until/);
    await h.advance('PT2M');
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(1);
  });

  it('a subscription said in a thread announces in the channel, once, through the activation’s whole life', async () => {
    const { alex, priya } = h.users;
    const channel = h.conversationId(alex, 'channel');
    // Teams names a reply's conversation after its thread: `<channel>;messageid=<post>`.
    await h.say(alex, 'subscribe Exchange Admin', {
      where: 'channel',
      conversationId: `${channel};messageid=171`,
    });
    await h.control('POST', '/_sim/activations', {
      principalId: priya.id,
      roleDefinitionId: EXCHANGE_ADMIN,
      duration: 'PT30M',
    });
    for (let pass = 0; pass < 3; pass += 1) {
      await h.elevate.scheduler.runOnce();
      await h.advance('PT1M');
    }
    // Past the claim on posting (2 minutes): the card is recognised as the channel's, not posted again.
    await h.advance('PT3M');
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    const announced = await h.waitForCard(channel, /Priya Natarajan · Exchange Administrator/);
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(1);
    await h.advance('PT30M');
    await h.elevate.scheduler.runOnce();
    await h.elevate.scheduler.runOnce();
    await h.waitForUpdate(announced.activityId, /Ended: expired at/);
    expect(cardsIn(channel, /Exchange Administrator/)).toHaveLength(1);
  });
});
