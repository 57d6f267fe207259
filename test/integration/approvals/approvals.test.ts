import {
  actionData,
  cardText,
  CHANNEL_ID,
  onlyApprovalCards,
  seed,
  startApprovalsHarness,
  TENANT_ID,
  type ApprovalsHarness,
  type Person,
  type Shown,
} from './approvals-harness';

jest.setTimeout(60_000);

const { jordan, dana, sam, morgan, taylor, alex, chris, casey, avery, riley } = seed;

describe('approvals in Teams (simulator + fake connector)', () => {
  let h: ApprovalsHarness;

  beforeAll(async () => {
    h = await startApprovalsHarness();
    // People who have used Elevate before (the bot knows their 1:1 chat), and the approvals channel.
    for (const user of [jordan, dana, sam, morgan, chris, casey, avery, alex]) await h.say(user, 'help');
    await h.say(alex, 'help', 'channel');
  });
  afterAll(() => h.close());

  const approverCopies = (user: Person): Shown[] => onlyApprovalCards(h.shownTo(user));
  const channelCopies = (): Shown[] => onlyApprovalCards(h.shown(CHANNEL_ID));
  const copyFor = (copies: Shown[], requestId: string): Shown => {
    const found = copies.find((m) => m.history.includes(requestId));
    if (!found) throw new Error(`no approval card for ${requestId}`);
    return found;
  };
  const textTo = (user: Person): string =>
    h
      .shownTo(user)
      .map((m) => m.text ?? '')
      .join('\n');

  /** Sends an activate command and returns the request id from the approval card an approver received. */
  async function requestApproval(requester: Person, command: string, approver: Person): Promise<string> {
    const before = approverCopies(approver).length;
    const result = await h.say(requester, command);
    expect(result.status).toBe(200);
    await h.waitFor(
      () => approverCopies(approver).length > before,
      `an approval card for ${approver.displayName}`,
    );
    const card = approverCopies(approver).at(-1)!.card!;
    return String(actionData(card, 'approve')!.requestId);
  }

  const pimStatus = async (requestId: string): Promise<string> => {
    const state = h.sim.state.requests.get(requestId);
    return state?.status ?? 'unknown';
  };
  const decisionsSent = async (requestId: string) =>
    (await h.graphCalls('PATCH', requestId)).filter((c) => /\/(steps|stages)\//.test(c.path));

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
    const missing = await h.execute(dana, 'approve', {
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
    const approved = await h.execute(dana, 'approve', { ...approveData, reason: 'Verified with the CFO' });
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
    await h.waitFor(() => /approved by Dana Schmidt/.test(textTo(jordan)), 'the requester message');
    // Two hours from now in Jordan's zone (the harness runs on real time): today, or tomorrow late in his evening.
    expect(textTo(jordan)).toMatch(
      /User Administrator is active until \d\d:\d\d (today|tomorrow) \(E[SD]T\)/,
    );
    expect(textTo(jordan)).toContain('Verified with the CFO');

    // Replaying the same (used) action changes nothing and shows the current state.
    const replay = await h.execute(dana, 'approve', { ...approveData, reason: 'again' });
    expect(cardText(replay.card)).toMatch(/Approved by Dana Schmidt/);
    expect(await decisionsSent(requestId)).toHaveLength(1);
  });

  it('expands a group policy, names an approver without the app, and a deny with reason reaches everyone', async () => {
    h.connector.installedUsers = new Set(
      [jordan, dana, sam, morgan, chris, casey, avery, alex].map((u) => u.id),
    );
    const requestId = await requestApproval(
      sam,
      'activate Security Administrator for 1h because rotate the SIEM keys',
      morgan,
    );
    // Sam is in the approver group but never gets a card for his own request; Taylor has no app.
    expect(onlyApprovalCards(h.shownTo(sam))).toHaveLength(0);
    expect(onlyApprovalCards(h.shownTo(taylor))).toHaveLength(0);
    await h.waitFor(
      () => /could not send your Security Administrator request to \*\*Taylor Kim\*\*/.test(textTo(sam)),
      'the unreachable notice',
    );
    const thread = h.connector.calls.filter(
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
    const self = await h.execute(sam, 'approve', { ...data, reason: 'me' }, 'channel');
    // Refused people are answered with the state, not with buttons.
    expect(cardText(self.card)).toContain('Waiting for a decision by Morgan Yu, Taylor Kim');
    expect(actionData(self.card, 'approve')).toBeUndefined();
    // Someone who is not an approver: refused too.
    // Sam's refused click does not use up the shared channel buttons for anyone else.
    const outsider = await h.execute(alex, 'approve', { ...data, reason: 'looks fine' }, 'channel');
    expect(cardText(outsider.card)).toContain('Waiting for a decision by Morgan Yu, Taylor Kim');
    expect(actionData(outsider.card, 'approve')).toBeUndefined();
    // Each refusal is told only to the one who pressed (on the copy they get back), not to the thread.
    expect(cardText(self.card)).toContain('You cannot approve or deny your own request.');
    expect(cardText(outsider.card)).toContain('You are not an approver for this request.');
    const threadNow = JSON.stringify(h.shown(CHANNEL_ID));
    expect(threadNow).not.toContain('You cannot approve or deny your own request.');
    expect(threadNow).not.toContain('You are not an approver for this request.');
    expect(await h.graphCalls('GET', `Approvals/${requestId}`)).toHaveLength(0);
    expect(await decisionsSent(requestId)).toHaveLength(0);

    // Morgan denies with a reason.
    const morganCopy = copyFor(approverCopies(morgan), requestId);
    const denied = await h.execute(morgan, 'deny', {
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
    await h.waitFor(() => /denied by Morgan Yu/.test(textTo(sam)), 'the denial message');
    expect(textTo(sam)).toContain('Use the break-glass runbook');
  });

  it('two approvers at once: exactly one decision, the other sees who decided first', async () => {
    h.connector.installedUsers = undefined;
    // Taylor never wrote to Elevate: the bot opens the 1:1 chat itself (createConversation).
    const requestId = await requestApproval(
      morgan,
      'activate Security Administrator for 1h because audit the SIEM',
      taylor,
    );
    await h.waitFor(() => approverCopies(sam).some((m) => m.history.includes(requestId)), 'Sam’s card');
    const samData = actionData(copyFor(approverCopies(sam), requestId).card, 'approve')!;
    const taylorData = actionData(copyFor(approverCopies(taylor), requestId).card, 'approve')!;
    const [a, b] = await Promise.all([
      h.execute(sam, 'approve', { ...samData, reason: 'ok from Sam' }),
      h.execute(taylor, 'approve', { ...taylorData, reason: 'ok from Taylor' }),
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
    await h.waitFor(() => /Security Administrator request was approved/.test(textTo(morgan)), 'Morgan told');
    expect(textTo(morgan).match(/request was approved/g)).toHaveLength(1);
  });

  it('a decision made first in the portal: the 409 shows who decided, on every copy', async () => {
    const requestId = await requestApproval(
      sam,
      'activate Security Administrator for 1h because second try',
      morgan,
    );
    const portal = await h.control('POST', `/_sim/approvals/${requestId}/decide`, {
      approverId: taylor.id,
      decision: 'Approve',
      justification: 'approved in the portal',
    });
    expect(portal.status).toBe(200);
    const morganCopy = copyFor(approverCopies(morgan), requestId);
    const late = await h.execute(morgan, 'approve', {
      ...actionData(morganCopy.card, 'approve')!,
      reason: 'me too',
    });
    expect(cardText(late.card)).toContain('Already approved by Taylor Kim');
    expect(cardText(late.card)).toContain('your click changed nothing');
    expect(cardText(copyFor(channelCopies(), requestId).card)).toContain('Approved by Taylor Kim');
    expect(cardText(copyFor(approverCopies(morgan), requestId).card)).toMatch(/Approved by Taylor Kim/);
    await h.waitFor(
      () => /Security Administrator request was approved by Taylor Kim/.test(textTo(sam)),
      'Sam told',
    );
  });

  it('PIM for Groups: tampered actions get the current card back; requester cancel updates every copy', async () => {
    const first = await requestApproval(
      casey,
      'activate group Production Database Operators owner for 1h because schema change CHG-1',
      chris,
    );
    const chrisCopy = copyFor(approverCopies(chris), first);
    expect(cardText(chrisCopy.card)).toContain('PIM for Groups ownership');
    expect(cardText(chrisCopy.card)).toContain('Casey Novak requests');

    // A token re-bound to someone else (tampered) and a token for another request: refused, card refreshed.
    const data = actionData(chrisCopy.card, 'approve')!;
    const [payload, mac] = String(data.token).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 86_400 })).toString('base64url')}.${mac}`;
    const tampered = await h.execute(chris, 'approve', { ...data, token: forged, reason: 'x' });
    expect(cardText(tampered.card)).toContain('Waiting for your decision');
    expect(actionData(tampered.card, 'approve')!.token).not.toBe(data.token);
    expect(cardText(tampered.card)).toContain('its data was changed after Elevate sent it');
    const wrongRequest = await h.execute(chris, 'approve', {
      ...data,
      // Another id: the last character changed (to '1' when it already is '0', which PIM's
      // random ids are one time in sixteen: the cause of this test's old flakiness).
      requestId: first.replace(/.$/, (last) => (last === '0' ? '1' : '0')),
      reason: 'x',
    });
    expect(JSON.stringify(wrongRequest.body)).toContain('Nothing was done');
    expect(await decisionsSent(first)).toHaveLength(0);

    await h.say(casey, 'cancel');
    await h.waitFor(
      () => /Cancelled by Casey Novak/.test(cardText(copyFor(approverCopies(chris), first).card)),
      'the cancelled approver copy',
    );
    expect(cardText(copyFor(channelCopies(), first).card)).toContain('Cancelled by Casey Novak');
    expect(actionData(copyFor(approverCopies(chris), first).card, 'approve')).toBeUndefined();
    expect(actionData(copyFor(channelCopies(), first).card, 'approve')).toBeUndefined();
    expect(await pimStatus(first)).toBe('Canceled');
    // The old (refreshed) buttons now only show the cancelled state.
    const late = await h.execute(chris, 'approve', {
      ...actionData(tampered.card, 'approve')!,
      reason: 'too late',
    });
    expect(cardText(late.card)).toContain('Cancelled by Casey Novak');
    expect(await decisionsSent(first)).toHaveLength(0);
  });

  it('the approvals command lists what waits for the approver, and its buttons decide (PIM for Groups stages)', async () => {
    const second = await requestApproval(
      casey,
      'activate group Production Database Operators owner for 1h because schema change CHG-2',
      chris,
    );
    await h.say(chris, 'approvals');
    const list = h
      .shownTo(chris)
      .filter((m) => m.card && cardText(m.card).includes('Waiting for your approval'))
      .at(-1)!;
    expect(cardText(list.card)).toContain('Waiting for your approval (1)');
    expect(cardText(list.card)).toContain('Casey Novak · Production Database Operators (owner)');
    const fromList = actionData(list.card, 'approve')!;
    expect(fromList.requestId).toBe(second);
    const approved = await h.execute(chris, 'approve', {
      ...fromList,
      [String(fromList.reasonInputId)]: 'CHG-2 is approved',
    });
    expect(cardText(approved.card)).toContain('Approved by Chris Dubois');
    expect(await h.graphCalls('PATCH', `assignmentApprovals/${second}/stages/`)).toHaveLength(1);
    expect(await pimStatus(second)).toBe('Provisioned');
    expect(cardText(copyFor(channelCopies(), second).card)).toContain('Approved by Chris Dubois');
    expect(cardText(copyFor(approverCopies(chris), second).card)).toContain('Approved by Chris Dubois');
    await h.waitFor(
      () =>
        /Production Database Operators \(owner\) request was approved by Chris Dubois/.test(textTo(casey)),
      "Casey told which of the group's roles",
    );
  });

  it('works with Action.Submit (clients without Universal Actions): the clicked card is updated in place', async () => {
    await h.say(dana, 'help');
    const requestId = await requestApproval(
      alex,
      'activate User Administrator for 1h because onboarding batch ticket INC-9',
      dana,
    );
    const copy = copyFor(approverCopies(dana), requestId);
    // The requester's pending card, stored as a 'requester' copy (as the activation route can), follows too.
    const pendingCard = h.shown(h.personal(alex)).find((m) => m.history.includes(requestId) && m.card)!;
    expect(cardText(pendingCard.card)).not.toContain('Approved by');
    const alexChat = await h.elevate.store.conversations.getForUser(TENANT_ID, alex.id);
    await h.elevate.store.cardCopies.add({
      requestId,
      kind: 'requester',
      conversationRef: alexChat!.reference,
      activityId: pendingCard.activityId,
      recipientId: alex.id,
    });
    const submitData = { verb: 'approve', ...actionData(copy.card, 'approve')!, reason: 'Batch checked' };
    const result = await h.submit(dana, submitData, copy.activityId);
    expect(result.status).toBe(200);
    const updated = copyFor(approverCopies(dana), requestId);
    expect(updated.activityId).toBe(copy.activityId);
    expect(cardText(updated.card)).toMatch(/Approved by Dana Schmidt/);
    expect(await decisionsSent(requestId)).toHaveLength(1);
    await h.waitFor(
      () => /User Administrator request was approved by Dana Schmidt/.test(textTo(alex)),
      'Alex told',
    );
    const requesterCopy = h.shown(h.personal(alex)).find((m) => m.activityId === pendingCard.activityId)!;
    expect(cardText(requesterCopy.card)).toContain('Approved by Dana Schmidt');
    expect(cardText(requesterCopy.card)).toContain('Batch checked');
    expect(actionData(requesterCopy.card, 'cancel')).toBeUndefined();
  });

  it('user-specific views on the channel copy: the requester sees Cancel, each approver their own buttons', async () => {
    await h.say(riley, 'help');
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

    const own = await h.execute(riley, 'refreshApproval', refresh.action.data, 'channel');
    expect(actionData(own.card, 'approve')).toBeUndefined();
    expect(boundTo(own.card, 'cancel')).toBe(riley.id);
    const approverView = await h.execute(morgan, 'refreshApproval', refresh.action.data, 'channel');
    expect(cardText(approverView.card)).toContain('Riley Chen requests Security Administrator');
    expect(boundTo(approverView.card, 'approve')).toBe(morgan.id);
    const sharedView = await h.execute(alex, 'refreshApproval', refresh.action.data, 'channel');
    expect(cardText(sharedView.card)).toMatch(/Waiting for a decision by .*Morgan Yu/);
    expect(actionData(sharedView.card, 'approve')).toBeUndefined();
    expect(await decisionsSent(requestId)).toHaveLength(0);

    // The requester cancels from their own view in the channel: every copy says so, the refresh is gone.
    await h.execute(riley, 'cancel', actionData(own.card, 'cancel')!, 'channel');
    await h.waitFor(
      () => /Cancelled by Riley Chen/.test(cardText(copyFor(channelCopies(), requestId).card)),
      'the cancelled channel copy',
    );
    expect(copyFor(channelCopies(), requestId).card!.refresh).toBeUndefined();
    expect(cardText(copyFor(approverCopies(morgan), requestId).card)).toContain('Cancelled by Riley Chen');
  });

  it('a policy with no named approver: the requester is told nobody could be messaged', async () => {
    const before = channelCopies().length;
    await h.say(avery, 'activate Compliance Administrator for 1h because quarterly review');
    await h.waitFor(() => /could not reach any approver/.test(textTo(avery)), 'the nobody-reachable notice');
    expect(textTo(avery)).toContain('Privileged Role and Global Administrators');
    expect(channelCopies().length).toBe(before + 1);
  });
});
