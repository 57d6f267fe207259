import { cardText, seedUsers as u, useBotHarness } from '../../fixtures/bot-harness';
import { delayProvisioning, waitForAssignmentReads } from '../../fixtures/provisioning-delay';

/**
 * The "activating…" card promises to update when the role is ready. When PIM has not set up the
 * assignment after the follow-up's minute of waiting (real tenants sometimes take longer), the card
 * must stop promising and say how to check, instead of reading "This card updates…" forever.
 * PIM's delay is long here and the simulator's clock is moved, so nothing depends on machine speed.
 */
const bot = useBotHarness();

test('an activation PIM has not set up after a minute says so on its card and how to check', async () => {
  await delayProvisioning(bot, 600);
  const turn = await bot.say(u.avery, 'activate global reader for 1h');
  const [sent] = turn.messages;
  expect(cardText(turn.card)).toContain('Global Reader is activating…');
  expect(cardText(turn.card)).toMatch(/This card updates when the role is ready/);

  // Let the follow-up look once, then move the clock past its minute (PIM still needs 8 more).
  await waitForAssignmentReads(bot, 1);
  await bot.advance('PT2M');

  const message = await bot.waitForUpdate(sent.activityId, 'still activating');
  const text = cardText(message.card);
  expect(text).toContain('Global Reader is still activating');
  expect(text).toMatch(/not set up after a minute/);
  expect(text).toMatch(/Type status to see whether it is ready/);
  expect(text).not.toMatch(/This card updates|Effective now|✓/);

  // What it points to answers: status lists the role as activating (not "nothing active")…
  const during = cardText((await bot.say(u.avery, 'status')).card);
  expect(during).toMatch(
    /Activating \(1\)\nGlobal Reader\nDirectory · asked .*\. PIM granted it and is still setting it up/,
  );
  expect(during).not.toMatch(/Nothing pending, scheduled or active|Active \(/);

  // …and as active once PIM has provisioned it.
  await bot.advance('PT9M');
  const after = cardText((await bot.say(u.avery, 'status')).card);
  expect(after).toMatch(/Active \(1\)\nGlobal Reader\nDirectory · active until /);
  expect(after).not.toMatch(/Activating/);
});
