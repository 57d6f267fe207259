import {
  cardActions,
  cardText,
  startBotHarness,
  type BotHarness,
  type Card,
} from '../../fixtures/bot-harness';

/** The signer's token carries the approver a button is bound to (base64url JSON before the dot). */
function boundTo(card: Card, verb: string): string | undefined {
  const action = cardActions(card).find((a) => a.verb === verb);
  if (!action) return undefined;
  const token = String(action.data.token);
  return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { actorId?: string })
    .actorId;
}
/** The buttons that act on the request (the automatic refresh and "Open in Entra" aside). */
const verbsOf = (card: Card | undefined) =>
  cardActions(card)
    .map((a) => a.verb)
    .filter((verb) => verb === 'approve' || verb === 'deny' || verb === 'cancel');

/**
 * `approvals here <role>` in a channel: the role's approval cards are posted there as one shared
 * copy with user-specific views (the approver decides, the requester sees their request, everyone
 * else the state), and a decision updates every copy in place.
 */
describe('approvals here: per-role approval cards in a channel', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(() => h.close());

  const approvalCards = (conversationId: string) =>
    h.shown(conversationId).filter((m) => m.card && / requests /.test(cardText(m.card)));

  it('posts the role’s approval card in the channel; approver, requester and others each see their view; a decision updates every copy', async () => {
    const { alex, jordan, dana, priya } = h.users;
    const incidents = h.conversationId(alex, 'channel');
    const exchangeRoom = '19:channel-exchange-approvals@thread.tacv2';
    const routed = await h.say(alex, 'approvals here User Admin', { where: 'channel' });
    expect(routed.messages.map((m) => m.text).join('\n')).toMatch(/User Administrator/);
    await h.say(alex, 'approvals here Exchange Admin', { where: 'channel', conversationId: exchangeRoom });
    for (const user of [dana, jordan, priya]) await h.say(user, 'help');

    await h.say(jordan, 'activate User Administrator for 1h because locked accounts ticket INC-81');
    const posted = await h.waitForCard(incidents, 'Jordan Lee requests User Administrator');
    const shared = posted.card!;
    // The shared copy: the state, naming the approver; no buttons, since Dana has a view of her own.
    expect(cardText(shared)).toMatch(/Waiting for a decision by Dana Schmidt · expires in 23 h 59 min/);
    expect(cardText(shared)).not.toMatch(/your decision/);
    expect(verbsOf(shared)).toEqual([]);
    expect(cardText(shared)).toContain('INC-81');
    const refresh = shared.refresh as {
      action: { verb: string; data: Record<string, unknown> };
      userIds: string[];
    };
    expect([...refresh.userIds].sort()).toEqual([`29:${dana.id}`, `29:${jordan.id}`].sort());
    // Only the routed role's channel gets it.
    expect(approvalCards(exchangeRoom)).toHaveLength(0);

    const asked = { where: 'channel' as const, replyToId: posted.activityId };
    const requesterView = await h.execute(jordan, refresh.action.verb, refresh.action.data, asked);
    expect(cardText(requesterView.card)).toMatch(/User Administrator needs approval/);
    expect(cardText(requesterView.card)).not.toMatch(/your decision/);
    expect(boundTo(requesterView.card, 'cancel')).toBe(jordan.id);
    expect(verbsOf(requesterView.card)).not.toContain('approve');
    const otherView = await h.execute(priya, refresh.action.verb, refresh.action.data, asked);
    expect(cardText(otherView.card)).toMatch(/Waiting for a decision by Dana Schmidt/);
    expect(verbsOf(otherView.card)).toEqual([]);
    const approverView = await h.execute(dana, refresh.action.verb, refresh.action.data, asked);
    expect(cardText(approverView.card)).toMatch(/Waiting for your decision/);
    expect(boundTo(approverView.card, 'approve')).toBe(dana.id);

    // Dana approves from her view in the channel.
    const approve = cardActions(approverView.card).find((a) => a.verb === 'approve')!;
    const decided = await h.execute(
      dana,
      'approve',
      { ...approve.data, reason: 'Checked with the service desk' },
      asked,
    );
    expect(cardText(decided.card)).toMatch(/Approved by Dana Schmidt at /);
    const channelCopy = await h.waitForUpdate(posted.activityId, /Approved by Dana Schmidt/);
    expect(cardText(channelCopy.card)).toContain('Checked with the service desk');
    expect(verbsOf(channelCopy.card)).toEqual([]);
    expect(channelCopy.card!.refresh).toBeUndefined();
    const danaCopy = approvalCards(h.conversationId(dana)).find((m) =>
      /Jordan Lee requests/.test(cardText(m.card)),
    );
    expect(cardText(danaCopy?.card)).toMatch(/Approved by Dana Schmidt/);
    expect(approvalCards(incidents)).toHaveLength(1);
    const pim = [...h.sim.state.requests.values()].filter((r) => r.principalId === jordan.id);
    expect(pim.map((r) => r.status)).toContain('Provisioned');
  });

  it('approvals off: the next request for that role is not posted in that channel', async () => {
    const { alex, dana } = h.users;
    const incidents = h.conversationId(alex, 'channel');
    await h.say(alex, 'approvals off', { where: 'channel' });
    const before = approvalCards(incidents).length;
    await h.say(alex, 'activate User Administrator for 1h because onboarding batch');
    // Dana still gets her card; the channel does not.
    await h.waitForCard(h.conversationId(dana), 'Alex Morgan requests User Administrator');
    expect(approvalCards(incidents)).toHaveLength(before);
  });
});
