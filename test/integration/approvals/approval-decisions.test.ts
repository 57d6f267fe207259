import { actionData, cardText, CHANNEL_ID, onlyApprovalCards, seed } from './approvals-harness';
import { useApprovalsInTeams } from './approvals-in-teams';

jest.setTimeout(60_000);

const { jordan, dana, sam, morgan, taylor, alex, chris, casey, avery } = seed;

describe('approvals in Teams: copies for approvers and the channel, and who decided', () => {
  const t = useApprovalsInTeams();
  const { approverCopies, channelCopies, copyFor, textTo, requestApproval, pimStatus, decisionsSent } = t;

  it('posts the card to a named approver and the channel; an approval updates every copy and tells the requester', async () => {
    const requestId = await requestApproval(
      jordan,
      'activate User Administrator for 2h because reset MFA for the CFO ticket INC-7',
      dana,
    );
    const danaCopy = copyFor(approverCopies(dana), requestId);
    const text = cardText(danaCopy.card);
    expect(text).toContain('Jordan Lee requests User Administrator');
    expect(text).toContain('Waiting for your decision · expires in 23 h 59 min');
    expect(text).toMatch(/reset MFA for the CFO/);
    expect(text).toContain('INC-7');
    expect(text).toContain('Duration\n2 h');
    expect(text).toContain('As soon as approved');
    expect(text).toMatch(/JL/);
    expect(JSON.stringify(danaCopy.card)).toContain('portal.azure.com');
    const channelCopy = copyFor(channelCopies(), requestId);
    expect(cardText(channelCopy.card)).toContain('Jordan Lee requests User Administrator');
    expect(await pimStatus(requestId)).toBe('PendingApproval');

    // Reason required by the policy but missing: refused locally, nothing sent to Graph, card refreshed.
    const missing = await t.h.execute(dana, 'approve', {
      ...actionData(danaCopy.card, 'approve')!,
      reason: '  ',
    });
    expect(cardText(missing.card)).toContain('Waiting for your decision');
    expect(actionData(missing.card, 'approve')).toBeDefined();
    // Why, on the copy only Dana gets back.
    expect(cardText(missing.card)).toMatch(/Nothing was done: .*PIM requires a reason to approve/);
    expect(await decisionsSent(requestId)).toHaveLength(0);

    // Approve from the refreshed card, with a reason.
    const approveData = actionData(missing.card, 'approve')!;
    const approved = await t.h.execute(dana, 'approve', { ...approveData, reason: 'Verified with the CFO' });
    expect(cardText(approved.card)).toMatch(/Approved by Dana Schmidt at \d\d:\d\d today/);
    expect(cardText(approved.card)).toContain('Verified with the CFO');
    expect(actionData(approved.card, 'approve')).toBeUndefined();
    expect(await decisionsSent(requestId)).toHaveLength(1);
    expect(await pimStatus(requestId)).toBe('Provisioned');

    // Every copy updated in place, buttons gone.
    for (const copy of [copyFor(approverCopies(dana), requestId), copyFor(channelCopies(), requestId)]) {
      expect(copy.updates).toBeGreaterThan(0);
      expect(cardText(copy.card)).toMatch(/Approved by Dana Schmidt/);
      expect(actionData(copy.card, 'approve')).toBeUndefined();
    }
    // The requester is told, with the end time.
    await t.h.waitFor(() => /approved by Dana Schmidt/.test(textTo(jordan)), 'the requester message');
    // Two hours from now in Jordan's zone (the harness runs on real time): today, or tomorrow late in his evening.
    expect(textTo(jordan)).toMatch(
      /User Administrator is active until \d\d:\d\d (today|tomorrow) \(E[SD]T\)/,
    );
    expect(textTo(jordan)).toContain('Verified with the CFO');

    // Replaying the same (used) action changes nothing and shows the current state.
    const replay = await t.h.execute(dana, 'approve', { ...approveData, reason: 'again' });
    expect(cardText(replay.card)).toMatch(/Approved by Dana Schmidt/);
    expect(await decisionsSent(requestId)).toHaveLength(1);
  });

  it('expands a group policy, names an approver without the app, and a deny with reason reaches everyone', async () => {
    t.h.connector.installedUsers = new Set(
      [jordan, dana, sam, morgan, chris, casey, avery, alex].map((u) => u.id),
    );
    const requestId = await requestApproval(
      sam,
      'activate Security Administrator for 1h because rotate the SIEM keys',
      morgan,
    );
    // Sam is in the approver group but never gets a card for his own request; Taylor has no app.
    expect(onlyApprovalCards(t.h.shownTo(sam))).toHaveLength(0);
    expect(onlyApprovalCards(t.h.shownTo(taylor))).toHaveLength(0);
    await t.h.waitFor(
      () => /could not send your Security Administrator request to \*\*Taylor Kim\*\*/.test(textTo(sam)),
      'the unreachable notice',
    );
    const thread = t.h.connector.calls.filter(
      (c) =>
        c.method === 'POST' &&
        decodeURIComponent(c.conversationId ?? '').startsWith(`${CHANNEL_ID};messageid=`),
    );
    expect(thread.map((c) => String(c.body.text))).toEqual([expect.stringContaining('Taylor Kim')]);

    // Self-approval from the channel copy: refused, nothing sent to Graph.
    const channelCopy = copyFor(channelCopies(), requestId);
    const data = actionData(channelCopy.card, 'approve')!;
    // Taylor has no view of her own (Elevate does not know her Teams id): the shared copy keeps buttons.
    expect(cardText(channelCopy.card)).toContain('Waiting for a decision by Morgan Yu, Taylor Kim');
    const self = await t.h.execute(sam, 'approve', { ...data, reason: 'me' }, 'channel');
    // Refused people are answered with the state, not with buttons.
    expect(cardText(self.card)).toContain('Waiting for a decision by Morgan Yu, Taylor Kim');
    expect(actionData(self.card, 'approve')).toBeUndefined();
    // Someone who is not an approver: refused too.
    // Sam's refused click does not use up the shared channel buttons for anyone else.
    const outsider = await t.h.execute(alex, 'approve', { ...data, reason: 'looks fine' }, 'channel');
    expect(cardText(outsider.card)).toContain('Waiting for a decision by Morgan Yu, Taylor Kim');
    expect(actionData(outsider.card, 'approve')).toBeUndefined();
    // Each refusal is told only to the one who pressed (on the copy they get back), not to the thread.
    expect(cardText(self.card)).toContain('You cannot approve or deny your own request.');
    expect(cardText(outsider.card)).toContain('You are not an approver for this request.');
    const threadNow = JSON.stringify(t.h.shown(CHANNEL_ID));
    expect(threadNow).not.toContain('You cannot approve or deny your own request.');
    expect(threadNow).not.toContain('You are not an approver for this request.');
    expect(await t.h.graphCalls('GET', `Approvals/${requestId}`)).toHaveLength(0);
    expect(await decisionsSent(requestId)).toHaveLength(0);

    // Morgan denies with a reason.
    const morganCopy = copyFor(approverCopies(morgan), requestId);
    const denied = await t.h.execute(morgan, 'deny', {
      ...actionData(morganCopy.card, 'deny')!,
      reason: 'Use the break-glass runbook',
    });
    expect(cardText(denied.card)).toMatch(/Denied by Morgan Yu at/);
    expect(await pimStatus(requestId)).toBe('Denied');
    for (const copy of [copyFor(approverCopies(morgan), requestId), copyFor(channelCopies(), requestId)]) {
      expect(cardText(copy.card)).toMatch(/Denied by Morgan Yu/);
      expect(cardText(copy.card)).toContain('Use the break-glass runbook');
      expect(actionData(copy.card, 'deny')).toBeUndefined();
    }
    await t.h.waitFor(() => /denied by Morgan Yu/.test(textTo(sam)), 'the denial message');
    expect(textTo(sam)).toContain('Use the break-glass runbook');
  });

  it('two approvers at once: exactly one decision, the other sees who decided first', async () => {
    t.h.connector.installedUsers = undefined;
    // Taylor never wrote to Elevate: the bot opens the 1:1 chat itself (createConversation).
    const requestId = await requestApproval(
      morgan,
      'activate Security Administrator for 1h because audit the SIEM',
      taylor,
    );
    await t.h.waitFor(() => approverCopies(sam).some((m) => m.history.includes(requestId)), 'Sam’s card');
    const samData = actionData(copyFor(approverCopies(sam), requestId).card, 'approve')!;
    const taylorData = actionData(copyFor(approverCopies(taylor), requestId).card, 'approve')!;
    const [a, b] = await Promise.all([
      t.h.execute(sam, 'approve', { ...samData, reason: 'ok from Sam' }),
      t.h.execute(taylor, 'approve', { ...taylorData, reason: 'ok from Taylor' }),
    ]);
    expect(await decisionsSent(requestId)).toHaveLength(1);
    const texts = [cardText(a.card), cardText(b.card)];
    const winner = /Approved by Sam Okafor/.test(texts.join()) ? 'Sam Okafor' : 'Taylor Kim';
    expect(texts.filter((t) => t.includes(`Already approved by ${winner}`))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(`✓ Approved by ${winner}`))).toHaveLength(1);
    for (const copy of [
      copyFor(approverCopies(sam), requestId),
      copyFor(approverCopies(taylor), requestId),
      copyFor(channelCopies(), requestId),
    ]) {
      expect(cardText(copy.card)).toContain(`Approved by ${winner}`);
    }
    await t.h.waitFor(
      () => /Security Administrator request was approved/.test(textTo(morgan)),
      'Morgan told',
    );
    expect(textTo(morgan).match(/request was approved/g)).toHaveLength(1);
  });

  it('a decision made first in the portal: the 409 shows who decided, on every copy', async () => {
    const requestId = await requestApproval(
      sam,
      'activate Security Administrator for 1h because second try',
      morgan,
    );
    const portal = await t.h.control('POST', `/_sim/approvals/${requestId}/decide`, {
      approverId: taylor.id,
      decision: 'Approve',
      justification: 'approved in the portal',
    });
    expect(portal.status).toBe(200);
    const morganCopy = copyFor(approverCopies(morgan), requestId);
    const late = await t.h.execute(morgan, 'approve', {
      ...actionData(morganCopy.card, 'approve')!,
      reason: 'me too',
    });
    expect(cardText(late.card)).toContain('Already approved by Taylor Kim');
    expect(cardText(late.card)).toContain('your click changed nothing');
    expect(cardText(copyFor(channelCopies(), requestId).card)).toContain('Approved by Taylor Kim');
    expect(cardText(copyFor(approverCopies(morgan), requestId).card)).toMatch(/Approved by Taylor Kim/);
    await t.h.waitFor(
      () => /Security Administrator request was approved by Taylor Kim/.test(textTo(sam)),
      'Sam told',
    );
  });
});
