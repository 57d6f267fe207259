import {
  actionData,
  CHANNEL_ID,
  onlyApprovalCards,
  seed,
  startApprovalsHarness,
  type ApprovalsHarness,
  type Person,
  type Shown,
} from './approvals-harness';

/*
 * One approvals harness per test file, started with the people who have used Elevate before (the
 * bot knows their 1:1 chat) and the approvals channel, and the reads the approvals tests share.
 */

export interface ApprovalsInTeams {
  /** The running harness (set in beforeAll). */
  readonly h: ApprovalsHarness;
  approverCopies(user: Person): Shown[];
  channelCopies(): Shown[];
  copyFor(copies: Shown[], requestId: string): Shown;
  /** Every text message `user` was sent, joined by new lines. */
  textTo(user: Person): string;
  /** Sends an activate command and returns the request id from the approval card an approver received. */
  requestApproval(requester: Person, command: string, approver: Person): Promise<string>;
  pimStatus(requestId: string): Promise<string>;
  decisionsSent(requestId: string): Promise<{ method: string; path: string }[]>;
}

export function useApprovalsInTeams(): ApprovalsInTeams {
  let harness: ApprovalsHarness | undefined;
  const { jordan, dana, sam, morgan, chris, casey, avery, alex } = seed;

  beforeAll(async () => {
    harness = await startApprovalsHarness();
    for (const user of [jordan, dana, sam, morgan, chris, casey, avery, alex])
      await harness.say(user, 'help');
    await harness.say(alex, 'help', 'channel');
  });
  afterAll(() => harness?.close());

  const ctx: ApprovalsInTeams = {
    get h(): ApprovalsHarness {
      if (!harness) throw new Error('the approvals harness is not started (use it inside a test)');
      return harness;
    },
    approverCopies: (user) => onlyApprovalCards(ctx.h.shownTo(user)),
    channelCopies: () => onlyApprovalCards(ctx.h.shown(CHANNEL_ID)),
    copyFor(copies, requestId) {
      const found = copies.find((m) => m.history.includes(requestId));
      if (!found) throw new Error(`no approval card for ${requestId}`);
      return found;
    },
    textTo: (user) =>
      ctx.h
        .shownTo(user)
        .map((m) => m.text ?? '')
        .join('\n'),
    async requestApproval(requester, command, approver) {
      const before = ctx.approverCopies(approver).length;
      const result = await ctx.h.say(requester, command);
      expect(result.status).toBe(200);
      await ctx.h.waitFor(
        () => ctx.approverCopies(approver).length > before,
        `an approval card for ${approver.displayName}`,
      );
      const card = ctx.approverCopies(approver).at(-1)!.card!;
      return String(actionData(card, 'approve')!.requestId);
    },
    async pimStatus(requestId) {
      const state = ctx.h.sim.state.requests.get(requestId);
      return state?.status ?? 'unknown';
    },
    async decisionsSent(requestId) {
      return (await ctx.h.graphCalls('PATCH', requestId)).filter((c) => /\/(steps|stages)\//.test(c.path));
    },
  };
  return ctx;
}
