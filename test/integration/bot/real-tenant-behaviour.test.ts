import { activated, cardText, seedUsers as u, useBotHarness } from '../../fixtures/bot-harness';
import {
  assignmentReads,
  delayProvisioning,
  waitForAssignmentReads,
} from '../../fixtures/provisioning-delay';

/**
 * F16 point 1, bot side: PIM answers a selfActivate with a transient status and creates the
 * assignment seconds later (documented v1.0 selfActivate response: "Granted"; JustinGrote/JAz.PIM#7:
 * "PendingProvisioning to Provisioned"). The card reads "X is activating…" while PIM provisions it
 * (never "active" or "effective" before the assignment is visible) and "✓ X is active" once it is. The delay here is long and the simulator's clock is moved past
 * it, so nothing depends on how fast the machine is.
 */
const bot = useBotHarness();

test('the card reads "activating…" until the simulator has provisioned the activation, then "active"', async () => {
  await delayProvisioning(bot, 300);
  const turn = await bot.say(u.avery, 'activate global reader for 1h');
  const [sent] = turn.messages;
  expect(cardText(turn.card)).toContain('Global Reader is activating…');
  expect(cardText(turn.card)).not.toContain('is active');

  const request = [...bot.sim.state.requests.values()].find((r) => r.principalId === u.avery.id);
  expect(request?.status).toBe('Granted');
  // The bot keeps looking for the assignment while PIM provisions it…
  await waitForAssignmentReads(bot, 2);
  expect(await assignmentReads(bot)).toBeGreaterThanOrEqual(2);
  expect(
    bot
      .shown()
      .find((m) => m.activityId === sent.activityId)
      ?.versions.map((v) => cardText(v.attachments)),
  ).not.toEqual(expect.arrayContaining([expect.stringMatching(/Effective now|✓ Global Reader is active/)]));

  // …and says so once PIM reports it Provisioned.
  await bot.advance('PT6M');
  const message = await bot.waitForUpdate(sent.activityId, 'Effective now');
  expect(cardText(message.card)).toContain('✓ Global Reader is active');
  expect(request?.status).toBe('Provisioned');
});

/**
 * F16 point 3, bot side: a group-held eligibility row carries the group's principalId, and PIM accepts
 * a selfActivate with it and activates every member (MicrosoftDocs/azure-docs#113251). Elevate must
 * always send the signed-in user's own id.
 */
test('a role eligible through a group is activated with the signed-in user’s id, for that user only', async () => {
  await bot.control('POST', '/_sim/reset');
  await bot.control('DELETE', '/_sim/requests');
  const text = cardText(
    (await bot.say(u.alex, 'activate helpdesk administrator for 1h because password resets')).card,
  );
  expect(text).toMatch(activated('Helpdesk Administrator'));
  const posts = (
    (await bot.control('GET', '/_sim/requests?method=POST&path=roleAssignmentScheduleRequests')).body as {
      value: { body: { principalId?: string; action?: string } }[];
    }
  ).value.filter((r) => r.body.action === 'selfActivate');
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) expect(post.body.principalId).toBe(u.alex.id);
  // Nobody else in IT Helpdesk (Jordan, Dana) got the role.
  const helpdesk = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
  for (const other of [u.jordan, u.dana]) expect(bot.sim.state.holdsRole(other.id, helpdesk)).toBe(false);
  expect(bot.sim.state.holdsRole(u.alex.id, helpdesk)).toBe(true);
});
