import { AuditActions, SYSTEM_ACTOR } from '../../../src/domain/audit/audit-actions';
import {
  cardActions,
  findAction,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
  type SeedUser,
} from '../../fixtures/bot-harness';
import { FLOWS } from '../matrix/flows';

/**
 * Issue 16: every flow leaves the expected audit entries (action and outcome, with actor, role,
 * scope, justification, ticket, conversation and the turn's Graph client-request-id). One table
 * with a row per flow of the flow matrix (test/integration/matrix/flows.ts), plus the flows the
 * matrix has no row for (refused locally, expired, made outside Elevate); each row is run through
 * /api/messages, the simulator and the reconciler as a person would.
 */
let bot: BotHarness;
beforeAll(async () => {
  // No pass of its own (the interval is wall time): each test runs the reconciler when it means to.
  bot = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
});
afterAll(async () => bot?.close());

const SECURITY_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';

interface FlowRow {
  /** The matrix flow's key (FLOWS), or what the row covers beyond the matrix. */
  flow: string;
  label: string;
  user: SeedUser;
  run(user: SeedUser): Promise<void>;
  /**
   * `action outcome`, oldest first, of the entries this flow left about the user. Entries the user
   * made in a turn carry that turn's conversation and client-request-id; `by system` is what the
   * reconciler saw, `by <name>` another person (the approver), `by self outside` the user outside Elevate.
   */
  expected: string[];
  /** Checked against the last entry. */
  last?: Record<string, unknown>;
}

const pass = () => bot.elevate.scheduler.runOnce();

/** The approver decides on their own approval card (posted to their personal chat), as a click. */
async function decide(approver: SeedUser, requester: SeedUser, verdict: 'approve' | 'deny', reason: string) {
  const request = [...bot.sim.state.requests.values()].find(
    (r) => r.principalId === requester.id && r.status === 'PendingApproval',
  );
  if (!request) throw new Error(`no request of ${requester.displayName} waits for approval`);
  const cardFor = () =>
    bot
      .shown()
      .find((m) => cardActions(m.card).some((a) => a.verb === verdict && a.data.requestId === request.id));
  await bot.connector.waitFor(() => Boolean(cardFor()), 10_000);
  const card = cardFor()!;
  const data = findAction(card.card, verdict).data;
  await bot.execute(
    approver,
    verdict,
    { ...data, reason },
    { conversationId: card.conversationId, replyToId: card.activityId },
  );
}

const rows: FlowRow[] = [
  {
    flow: 'activateNow',
    label: 'activate (no approval): activated, with justification and ticket',
    user: u.taylor,
    run: async (user) =>
      void (await bot.say(user, 'activate global reader for 1h because on call ticket INC-7')),
    expected: ['activation.activated succeeded'],
    last: { roleName: 'Global Reader', scopeName: 'Directory', justification: 'on call', ticket: 'INC-7' },
  },
  {
    flow: 'refused',
    label: 'activate refused locally (duration below the policy minimum)',
    user: u.riley,
    run: async (user) => void (await bot.say(user, 'activate application admin for 2m')),
    expected: ['request.refused refused'],
    last: { reason: expect.stringMatching(/^DURATION_TOO_SHORT/) },
  },
  {
    flow: 'deactivateEarly',
    label: 'deactivate within five minutes of activating: refused, saying why',
    user: u.alex,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 1h because check');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'request.refused refused'],
    last: { reason: expect.stringMatching(/^DEACTIVATE_TOO_SOON/), roleName: 'Global Reader' },
  },
  {
    flow: 'deactivateLate',
    label: 'activate, then deactivate after five minutes',
    user: u.avery,
    run: async (user) => {
      await bot.say(user, 'activate global reader for 30m because check');
      await bot.advance('PT6M');
      await bot.say(user, 'deactivate global reader');
    },
    expected: ['activation.activated succeeded', 'activation.deactivated succeeded'],
    last: { roleName: 'Global Reader' },
  },
  {
    flow: 'approve',
    label: 'a request that needs approval, approved by the approver in Teams',
    user: u.jordan,
    run: async (user) => {
      await bot.say(user, 'activate user admin for 1h because onboarding ticket INC-11');
      await decide(u.dana, user, 'approve', 'ok for onboarding');
      await pass();
      await bot.advance('PT2M');
      await pass();
    },
    // The reconciler sees the approved request's activation start.
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'approval.decided approved by dana',
      'activation.activated succeeded by system',
    ],
    last: {
      reason: 'active after approval',
      roleName: 'User Administrator',
      justification: 'onboarding',
      ticket: 'INC-11',
      requestId: expect.any(String),
    },
  },
  {
    flow: 'deny',
    label: 'a request denied by the approver in Teams, with the reason',
    user: u.alex,
    run: async (user) => {
      await bot.say(user, 'activate user admin for 1h because cleanup');
      await decide(u.dana, user, 'deny', 'not during the freeze');
    },
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'approval.decided denied by dana',
    ],
    last: { reason: 'not during the freeze' },
  },
  {
    flow: 'cancelPending',
    label: 'a pending request cancelled by the requester',
    user: u.sam,
    run: async (user) => {
      await bot.say(user, 'activate security admin for 1h because incident review');
      await bot.say(user, 'cancel security admin');
    },
    // The request is recorded first, then the asking of its approvers.
    expected: [
      'activation.requested pending',
      'approval.requested succeeded',
      'activation.cancelled succeeded',
    ],
    last: { roleName: 'Security Administrator' },
  },
  {
    flow: 'activateScheduled',
    label: 'an activation for later: scheduled',
    user: u.priya,
    run: async (user) =>
      void (await bot.say(user, 'activate teams admin for 1h tomorrow 9:00 because upgrade')),
    expected: ['activation.scheduled succeeded'],
    last: { roleName: 'Teams Administrator', justification: 'upgrade' },
  },
  {
    flow: 'cancelScheduled',
    label: 'a scheduled activation cancelled before it starts',
    user: u.priya,
    run: async (user) => void (await bot.say(user, 'cancel teams admin')),
    expected: ['activation.cancelled succeeded'],
    last: { roleName: 'Teams Administrator' },
  },
  {
    flow: 'reminder',
    label: 'the expiry reminder: sent, not an audit entry of its own',
    user: u.priya,
    run: async (user) => {
      await bot.say(user, 'activate exchange admin for 30m because mail flow ticket INC-9');
      await pass();
      await bot.advance('PT21M');
      await pass();
      await bot.waitForCard(bot.conversationId(user), /Exchange Administrator ends in/);
    },
    expected: ['activation.activated succeeded'],
  },
  {
    flow: 'extend',
    label: 'Extend from the reminder: the activation is extended',
    user: u.riley,
    run: async (user) => {
      await bot.say(user, 'activate application admin for 30m');
      await pass();
      await bot.advance('PT21M');
      await pass();
      const reminder = await bot.waitForCard(bot.conversationId(user), /Application Administrator ends in/);
      const data = findAction(reminder.card, 'extend').data;
      await bot.execute(user, 'extend', { ...data, extendBy: 'PT30M' }, { replyToId: reminder.activityId });
    },
    // PIM cannot lengthen a live activation: Extend deactivates and activates again, each audited.
    expected: [
      'activation.activated succeeded',
      'activation.deactivated succeeded',
      'activation.activated succeeded',
      'activation.extended succeeded',
    ],
    last: { roleName: 'Application Administrator' },
  },
  {
    flow: 'observed',
    label: 'an activation made in the Entra portal: seen once by the reconciler',
    user: u.morgan,
    run: async (user) => {
      await bot.control('POST', '/_sim/activations', {
        principalId: user.id,
        roleDefinitionId: SECURITY_ADMIN,
        duration: 'PT1H',
      });
      await pass();
      await bot.advance('PT2M');
      await pass();
      await pass();
    },
    expected: ['activation.observed succeeded by self outside'],
    last: { roleName: 'Security Administrator' },
  },
  {
    flow: 'expired',
    label: 'an activation that runs to its end: expired, seen by the reconciler',
    user: u.casey,
    run: async (user) => {
      await bot.say(user, 'activate group Production Database Operators member for 1h because schema fix');
      await pass();
      await bot.advance('PT61M');
      await pass();
    },
    expected: ['activation.activated succeeded', 'activation.expired succeeded by system'],
    // The reconciler's entry names the group, as Elevate's own entries do (never only its id).
    last: { roleName: expect.stringContaining('Production Database Operators') },
  },
  {
    flow: 'scheduledStart',
    label: 'a scheduled activation whose start comes',
    user: u.jamie,
    run: async (user) => {
      await bot.say(user, 'activate authentication admin for 1h tomorrow 9:00 because audit prep');
      const request = [...bot.sim.state.requests.values()].find((r) => r.principalId === user.id);
      const start = request?.scheduleInfo?.startDateTime;
      if (!start) throw new Error('PIM holds no scheduled request');
      await bot.control('POST', '/_sim/clock/set', { to: start.plus({ minutes: 1 }).toUTC().toISO() });
      await pass();
      await bot.advance('PT2M');
      await pass();
    },
    // The reconciler sees the scheduled activation start.
    expected: ['activation.scheduled succeeded', 'activation.activated succeeded by system'],
    last: { reason: 'its scheduled start came', roleName: 'Authentication Administrator' },
  },
  {
    flow: 'unanswered',
    label: 'a request nobody decides: PIM closes it after 24 hours, denied',
    user: u.avery,
    run: async (user) => {
      await bot.say(user, 'activate compliance admin for 1h because quarterly review');
      await pass();
      await bot.control('POST', '/_sim/clock/advance', { by: 'P1DT5M' });
      await pass();
      await pass();
    },
    // No approver (the Privileged Role and Global Administrators) has a chat with Elevate here and
    // no approvals channel is set, so asking them reached nobody: 'failed', with the reason.
    expected: [
      'activation.requested pending',
      'approval.requested failed',
      'activation.denied denied by system',
    ],
    last: {
      reason: expect.stringMatching(/No approver decided in time/),
      roleName: 'Compliance Administrator',
    },
  },
];

test.each(rows.map((row) => [row.label, row] as const))('%s', async (_label, row) => {
  const before = await bot.elevate.store.audit.search({ userId: row.user.id, limit: 1000 });
  await row.run(row.user);
  const after = await bot.elevate.store.audit.search({ userId: row.user.id, limit: 1000 });
  const added = after.slice(0, after.length - before.length).reverse();
  expect(added.map((e) => `${e.action} ${e.outcome}${byOf(e.actorId, row.user)}`)).toEqual(
    row.expected.map((e) => e.replace(/ by self outside$/, '')),
  );
  added.forEach((entry, i) => {
    const by = / by (.+)$/.exec(row.expected[i])?.[1];
    if (by === undefined) {
      expect(entry).toMatchObject({
        actorId: row.user.id,
        actorName: row.user.displayName,
        principalId: row.user.id,
        conversationId: bot.conversationId(row.user),
        clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    } else {
      expect(entry.principalId).toBe(row.user.id);
    }
  });
  if (row.last) expect(added[added.length - 1]).toMatchObject(row.last);
});

/** How the expected list names an entry's actor. */
function byOf(actorId: string, user: SeedUser): string {
  if (actorId === user.id) return '';
  if (actorId === SYSTEM_ACTOR) return ' by system';
  const other = Object.entries(u).find(([, s]) => s.id === actorId);
  return ` by ${other ? other[0] : actorId}`;
}

test('the table covers every flow of the matrix and every action the issue names', () => {
  const covered = new Set(rows.map((r) => r.flow));
  expect(FLOWS.map((f) => f.key).filter((key) => !covered.has(key))).toEqual([]);
  const actions = new Set(rows.flatMap((r) => r.expected.map((e) => e.split(' ')[0])));
  for (const action of [
    AuditActions.activationRequested,
    AuditActions.activationActivated,
    AuditActions.activationScheduled,
    AuditActions.activationDenied,
    AuditActions.activationCancelled,
    AuditActions.activationDeactivated,
    AuditActions.activationExpired,
    AuditActions.activationExtended,
    AuditActions.approvalDecided,
    AuditActions.requestRefused,
    AuditActions.activationObserved,
  ]) {
    expect([action, actions.has(action)]).toEqual([action, true]);
  }
});
