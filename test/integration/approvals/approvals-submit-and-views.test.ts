import { actionData, cardText, seed, TENANT_ID } from './approvals-harness';
import { useApprovalsInTeams } from './approvals-in-teams';

jest.setTimeout(60_000);

const { dana, sam, morgan, alex, avery, riley } = seed;

describe('approvals in Teams: Action.Submit clients, user-specific views and policies with no approver', () => {
  const t = useApprovalsInTeams();
  const { approverCopies, channelCopies, copyFor, textTo, requestApproval, decisionsSent } = t;

  it('works with Action.Submit (clients without Universal Actions): the clicked card is updated in place', async () => {
    await t.h.say(dana, 'help');
    const requestId = await requestApproval(
      alex,
      'activate User Administrator for 1h because onboarding batch ticket INC-9',
      dana,
    );
    const copy = copyFor(approverCopies(dana), requestId);
    // The requester's pending card, stored as a 'requester' copy (as the activation route can), follows too.
    const pendingCard = t.h.shown(t.h.personal(alex)).find((m) => m.history.includes(requestId) && m.card)!;
    expect(cardText(pendingCard.card)).not.toContain('Approved by');
    const alexChat = await t.h.elevate.store.conversations.getForUser(TENANT_ID, alex.id);
    await t.h.elevate.store.cardCopies.add({
      requestId,
      kind: 'requester',
      conversationRef: alexChat!.reference,
      activityId: pendingCard.activityId,
      recipientId: alex.id,
    });
    const submitData = { verb: 'approve', ...actionData(copy.card, 'approve')!, reason: 'Batch checked' };
    const result = await t.h.submit(dana, submitData, copy.activityId);
    expect(result.status).toBe(200);
    const updated = copyFor(approverCopies(dana), requestId);
    expect(updated.activityId).toBe(copy.activityId);
    expect(cardText(updated.card)).toMatch(/Approved by Dana Schmidt/);
    expect(await decisionsSent(requestId)).toHaveLength(1);
    await t.h.waitFor(
      () => /User Administrator request was approved by Dana Schmidt/.test(textTo(alex)),
      'Alex told',
    );
    const requesterCopy = t.h.shown(t.h.personal(alex)).find((m) => m.activityId === pendingCard.activityId)!;
    expect(cardText(requesterCopy.card)).toContain('Approved by Dana Schmidt');
    expect(cardText(requesterCopy.card)).toContain('Batch checked');
    expect(actionData(requesterCopy.card, 'cancel')).toBeUndefined();
  });

  it('user-specific views on the channel copy: the requester sees Cancel, each approver their own buttons', async () => {
    await t.h.say(riley, 'help');
    const requestId = await requestApproval(
      riley,
      'activate Security Administrator for 1h because firewall review',
      morgan,
    );
    const channelCard = copyFor(channelCopies(), requestId).card!;
    const refresh = channelCard.refresh as {
      action: { verb: string; data: Record<string, unknown> };
      userIds: string[];
    };
    expect(refresh.action.verb).toBe('refreshApproval');
    expect(refresh.userIds).toEqual(
      expect.arrayContaining([`29:${riley.id}`, `29:${morgan.id}`, `29:${sam.id}`]),
    );
    const boundTo = (card: unknown, verb: string): unknown => {
      const token = String(actionData(card, verb)!.token);
      return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { actorId?: string })
        .actorId;
    };

    const own = await t.h.execute(riley, 'refreshApproval', refresh.action.data, 'channel');
    expect(actionData(own.card, 'approve')).toBeUndefined();
    expect(boundTo(own.card, 'cancel')).toBe(riley.id);
    const approverView = await t.h.execute(morgan, 'refreshApproval', refresh.action.data, 'channel');
    expect(cardText(approverView.card)).toContain('Riley Chen requests Security Administrator');
    expect(boundTo(approverView.card, 'approve')).toBe(morgan.id);
    const sharedView = await t.h.execute(alex, 'refreshApproval', refresh.action.data, 'channel');
    expect(cardText(sharedView.card)).toMatch(/Waiting for a decision by .*Morgan Yu/);
    expect(actionData(sharedView.card, 'approve')).toBeUndefined();
    expect(await decisionsSent(requestId)).toHaveLength(0);

    // The requester cancels from their own view in the channel: every copy says so, the refresh is gone.
    await t.h.execute(riley, 'cancel', actionData(own.card, 'cancel')!, 'channel');
    await t.h.waitFor(
      () => /Cancelled by Riley Chen/.test(cardText(copyFor(channelCopies(), requestId).card)),
      'the cancelled channel copy',
    );
    expect(copyFor(channelCopies(), requestId).card!.refresh).toBeUndefined();
    expect(cardText(copyFor(approverCopies(morgan), requestId).card)).toContain('Cancelled by Riley Chen');
  });

  it('a policy with no named approver: the requester is told nobody could be messaged', async () => {
    const before = channelCopies().length;
    await t.h.say(avery, 'activate Compliance Administrator for 1h because quarterly review');
    await t.h.waitFor(
      () => /could not reach any approver/.test(textTo(avery)),
      'the nobody-reachable notice',
    );
    expect(textTo(avery)).toContain('Privileged Role and Global Administrators');
    expect(channelCopies().length).toBe(before + 1);
  });
});
