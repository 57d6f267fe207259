import { cardText, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';

const ELEVATE_ADMINS = 'c2aee938-a2ba-4624-8a74-6d545112b839';

/** subscribe / unsubscribe / subscriptions and approvals here / off: who may, what is stored, what people read. */
describe('channel subscriptions and approval routing', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startBotHarness({ env: { ADMIN_GROUP_ID: ELEVATE_ADMINS } });
  });
  afterAll(() => h.close());

  const textOf = (turn: { messages: { text?: string }[] }) =>
    turn.messages.map((m) => m.text ?? '').join('\n');

  it('a team owner subscribes the channel to named roles (matched like activate) and to all roles', async () => {
    const { alex } = h.users;
    const channel = h.conversationId(alex, 'channel');
    const named = await h.say(alex, 'subscribe exchange admin, User Admin', { where: 'channel' });
    expect(textOf(named)).toMatch(
      /This channel is now subscribed to Exchange Administrator and User Administrator/,
    );
    expect(
      (await h.elevate.store.channelRoutes.listForConversation(channel, 'announce')).map((r) => r.roleName),
    ).toEqual(['Exchange Administrator', 'User Administrator']);

    const again = await h.say(alex, 'subscribe Exchange Administrator', { where: 'channel' });
    expect(textOf(again)).toMatch(/Already subscribed to: Exchange Administrator/);

    const listed = await h.say(alex, 'subscriptions', { where: 'channel' });
    expect(textOf(listed)).toMatch(
      /Announced in this channel:\*\* Exchange Administrator and User Administrator/,
    );

    const removed = await h.say(alex, 'unsubscribe exchange admin', { where: 'channel' });
    expect(textOf(removed)).toMatch(/no longer gets announcements for Exchange Administrator/);
    const all = await h.say(alex, 'subscribe', { where: 'channel' });
    expect(textOf(all)).toMatch(/subscribed to all privileged roles/);
    expect(textOf(all)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('an unknown or ambiguous role changes nothing and says which names were wrong', async () => {
    const { alex } = h.users;
    const channel = h.conversationId(alex, 'channel');
    const before = await h.elevate.store.channelRoutes.listForConversation(channel);
    await h.say(alex, 'help'); // Alex has a personal chat with Elevate
    const turn = await h.say(alex, 'subscribe Exchange Admin, Wizard of Oz', { where: 'channel' });
    // A typed refusal goes to the person privately; the channel reads one line without details.
    expect(turn.messages.map((m) => m.text)).toEqual([
      'Alex Morgan, Elevate could not do that; it told you why in your personal chat.',
    ]);
    await h.waitForCard(h.conversationId(alex), /no role is called "Wizard of Oz"/);
    expect(await h.elevate.store.channelRoutes.listForConversation(channel)).toEqual(before);
  });

  it('someone who is not an owner or Elevate admin is refused privately; nothing changes', async () => {
    const { alex, jordan } = h.users;
    await h.say(jordan, 'help'); // Jordan has a personal chat with Elevate
    const channel = h.conversationId(alex, 'channel');
    const before = await h.elevate.store.channelRoutes.listForConversation(channel);
    const turn = await h.say(jordan, 'unsubscribe', { where: 'channel' });
    expect(turn.messages.filter((m) => m.conversationId === channel)).toEqual([]);
    const refusal = await h.waitForCard(
      h.conversationId(jordan),
      /Only the team’s owners and Elevate admins/,
    );
    expect(cardText(refusal.card)).toMatch(/Ask a team owner/);
    expect(await h.elevate.store.channelRoutes.listForConversation(channel)).toEqual(before);
  });

  it('an Elevate admin (ADMIN_GROUP_ID) may change a channel they do not own; a personal chat is refused', async () => {
    const { chris } = h.users;
    const turn = await h.say(chris, 'approvals here User Admin', { where: 'channel' });
    expect(textOf(turn)).toMatch(
      /Approval requests for User Administrator are now posted in this channel too/,
    );
    const personal = await h.say(chris, 'subscribe');
    expect(cardText(personal.card)).toMatch(/works in a channel or group chat/);
    const off = await h.say(chris, 'approvals off', { where: 'channel' });
    expect(textOf(off)).toMatch(/User Administrator are no longer posted in this channel\./);
  });

  it('a channel is one place whichever thread a command is said in (Teams names each thread …;messageid=…)', async () => {
    const { alex } = h.users;
    const channel = '19:channel-threads@thread.tacv2';
    const inThread = (id: string) => ({
      where: 'channel' as const,
      conversationId: `${channel};messageid=${id}`,
    });
    const said = await h.say(alex, 'subscribe Exchange Admin', inThread('1001'));
    expect(textOf(said)).toMatch(/This channel is now subscribed to Exchange Administrator/);
    await h.say(alex, 'approvals here User Admin', inThread('1001'));
    // What is stored names the channel, and Elevate can post there (a new post, not in that thread).
    expect(
      (await h.elevate.store.channelRoutes.listForConversation(channel)).map((r) => [r.purpose, r.roleName]),
    ).toEqual([
      ['announce', 'Exchange Administrator'],
      ['approvals', 'User Administrator'],
    ]);
    const shared = await h.elevate.store.conversations.getForConversation(channel);
    expect((shared?.reference as { conversation: { id: string } }).conversation.id).toBe(channel);

    // Another thread of the same channel, later: the same subscriptions, and they can be stopped there.
    const listed = await h.say(alex, 'subscriptions', inThread('2002'));
    expect(textOf(listed)).toMatch(/Announced in this channel:\*\* Exchange Administrator\./);
    expect(textOf(listed)).toMatch(/Approval requests posted here:\*\* User Administrator\./);
    const off = await h.say(alex, 'approvals off', inThread('2002'));
    expect(textOf(off)).toMatch(
      /Approval requests for User Administrator are no longer posted in this channel\./,
    );
    const unsubscribed = await h.say(alex, 'unsubscribe', inThread('2002'));
    expect(textOf(unsubscribed)).toMatch(
      /This channel no longer gets announcements for Exchange Administrator/,
    );
    expect(await h.elevate.store.channelRoutes.listForConversation(channel)).toEqual([]);
  });

  it('removing Elevate from the team deletes the channel’s subscriptions', async () => {
    const { alex } = h.users;
    const channel = h.conversationId(alex, 'channel');
    expect((await h.elevate.store.channelRoutes.listForConversation(channel)).length).toBeGreaterThan(0);
    const removal = await h.post({
      type: 'conversationUpdate',
      id: 'removed-1',
      channelId: 'msteams',
      serviceUrl: h.connector.serviceUrl,
      from: { id: `29:${alex.id}`, aadObjectId: alex.id, name: alex.displayName },
      recipient: { id: '28:elevate-demo-bot', name: 'Elevate' },
      conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: h.tenantId },
      channelData: { tenant: { id: h.tenantId }, eventType: 'teamMemberRemoved', team: { id: '19:team' } },
      membersRemoved: [{ id: '28:elevate-demo-bot' }],
    });
    expect(removal.status).toBeLessThan(300);
    expect(await h.elevate.store.channelRoutes.listForConversation(channel)).toEqual([]);
  });
});
