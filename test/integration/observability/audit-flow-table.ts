import { SYSTEM_ACTOR } from '../../../src/domain/audit/audit-actions';
import {
  cardActions,
  findAction,
  seedUsers as u,
  useBotHarness,
  type BotHarness,
  type SeedUser,
} from '../../fixtures/bot-harness';

/*
 * Issue 16: every flow leaves the expected audit entries (action and outcome, with actor, role,
 * scope, justification, ticket, conversation and the turn's Graph client-request-id). A table with
 * a row per flow of the flow matrix (test/integration/matrix/flows.ts), plus the flows the matrix
 * has no row for (refused locally, expired, made outside Elevate), in parts (audit-flow-rows-*.ts);
 * each row is run through /api/messages, the simulator and the reconciler as a person would.
 */

export interface FlowRow {
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

/** A part of the table: its rows, given the (started) harness they run against. */
export type FlowRows = (bot: BotHarness) => FlowRow[];

/** One reconciler pass. */
export const pass = (bot: BotHarness): Promise<unknown> => bot.elevate.scheduler.runOnce();

/** The approver decides on their own approval card (posted to their personal chat), as a click. */
export async function decide(
  bot: BotHarness,
  approver: SeedUser,
  requester: SeedUser,
  verdict: 'approve' | 'deny',
  reason: string,
) {
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

/** Runs each row of `rows` as a test, against a harness of its own, and checks the entries it left. */
export function testAuditFlows(rows: FlowRows): void {
  // No pass of its own (the interval is wall time): each test runs the reconciler when it means to.
  const bot = useBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
  test.each(rows(bot).map((row) => [row.label, row] as const))('%s', async (_label, row) => {
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
}

/** How the expected list names an entry's actor. */
function byOf(actorId: string, user: SeedUser): string {
  if (actorId === user.id) return '';
  if (actorId === SYSTEM_ACTOR) return ' by system';
  const other = Object.entries(u).find(([, s]) => s.id === actorId);
  return ` by ${other ? other[0] : actorId}`;
}
