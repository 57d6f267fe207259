import {
  cardText,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
  type ShownMessage,
} from '../../fixtures/bot-harness';

/**
 * A channel thread's activation card has two writers once PIM provisions the activation: the
 * "effective" follow-up (it waits until the user's active roles list the assignment) and the
 * reconciler's request-status work (PIM reports the request Provisioned). Whichever comes last, the
 * thread must end showing the same card: the thread's announcement, "active until".
 *
 * PIM provisions after 20 s here and the simulator's clock is moved 30 s on, so the follow-up
 * cannot see the assignment before the test lets it. (The move stays under the follow-up's 60 s
 * bound: a look at the active roles still on its way while the clock moves must not make it give up.) For "reconciler first", the follow-up's look at
 * the user's active roles is held (simulator latency) while the reconciler runs; the test checks
 * that the order really was the one named, from the number of writes the card had.
 */
let h: BotHarness;

beforeEach(async () => {
  h = await startBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });
});
afterEach(() => h.close());

/** Where the follow-up looks for the user's active directory roles (delegated, "mine"). */
const FOLLOW_UP_READ = '*roleAssignmentScheduleInstances/filterByCurrentUser*';
const HELD_MS = 10_000;

async function activateInThread(): Promise<{ activityId: string; writes: () => number }> {
  const slow = await h.control('PATCH', '/_sim/settings', {
    realism: { selfActivate: { delaySeconds: 20, statusPath: ['Granted', 'PendingProvisioning'] } },
  });
  expect(slow.status).toBe(200);
  await h.say(u.avery, 'help');
  const turn = await h.say(u.avery, 'activate global reader for 1h because INC-7 audit export', {
    where: 'channel',
  });
  expect(cardText(turn.card)).toContain('Global Reader is activating…');
  const activityId = turn.messages[0].activityId;
  const shown = (): ShownMessage => {
    const message = h.shown().find((m) => m.activityId === activityId);
    if (!message) throw new Error(`the thread card ${activityId} is gone`);
    return message;
  };
  return { activityId, writes: () => shown().updates };
}

/** The card's text now, and after every writer has finished (no further write within 2 s). */
async function settledText(activityId: string, writes: number): Promise<string> {
  await h.connector
    .waitFor(() => (h.shown().find((m) => m.activityId === activityId)?.updates ?? 0) > writes, 2_000)
    .then(() => {
      throw new Error('the thread card was written again after both writers had finished');
    })
    .catch((error: Error) => {
      if (/written again/.test(error.message)) throw error;
    });
  return cardText(h.shown().find((m) => m.activityId === activityId)?.card);
}

function expectAnnouncement(text: string): void {
  expect(text).toContain('Avery');
  expect(text).toContain('Global Reader');
  expect(text).toMatch(/Active until/);
  expect(text).toContain('INC-7');
  expect(text).not.toMatch(/Effective now|updates when/);
}

test('the effective follow-up first, then the reconciler: the thread ends on the announcement', async () => {
  const { activityId, writes } = await activateInThread();
  const before = writes();

  await h.advance('PT30S');
  const followUp = await h.waitForUpdate(activityId, /Active until/);
  expect(writes()).toBe(before + 1);
  const drawnByFollowUp = cardText(followUp.card);

  const pass = await h.elevate.scheduler.runOnce();
  expect(pass.reconcile?.statusChanges).toBe(1);
  expect(writes()).toBe(before + 2);

  const final = await settledText(activityId, before + 2);
  expect(final).toBe(drawnByFollowUp);
  expectAnnouncement(final);
});

test('the reconciler first, then the effective follow-up: the thread ends on the same card', async () => {
  const { activityId, writes } = await activateInThread();
  const before = writes();

  // Hold the follow-up's next look at Avery's active roles until the reconciler has run.
  const fault = await h.control('POST', '/_sim/faults', {
    path: FOLLOW_UP_READ,
    method: 'GET',
    kind: 'latency',
    latencyMs: HELD_MS,
  });
  expect(fault.status).toBe(201);
  const faultHits = async () =>
    ((await h.control('GET', '/_sim/faults')).body as { value: { hits: number }[] }).value[0]?.hits ?? 0;
  for (let i = 0; i < 50 && (await faultHits()) === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
  expect(await faultHits()).toBeGreaterThan(0);

  await h.advance('PT30S');
  const pass = await h.elevate.scheduler.runOnce();
  expect(pass.reconcile?.statusChanges).toBe(1);
  // Only the reconciler has written so far (the follow-up is still held).
  expect(writes()).toBe(before + 1);
  const drawnByReconciler = cardText(h.shown().find((m) => m.activityId === activityId)?.card);

  await h.connector.waitFor(() => writes() === before + 2, HELD_MS + 10_000);
  const final = await settledText(activityId, before + 2);
  expect(final).toBe(drawnByReconciler);
  expectAnnouncement(final);
}, 40_000);
