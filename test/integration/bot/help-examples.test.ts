import { type BotHarness, type SeedUser } from '../../fixtures/bot-harness';
import { failureOfExample, startExamplesHarness } from '../../fixtures/example-runner';

/*
 * Issue 13: the help card shows only commands that work as written. Every example the bot's own
 * help card shows is sent to the bot, in the card's order, by someone it can serve (an admin for
 * admin commands, a team owner in a channel for channel commands); none may reach the "did not
 * understand" answer, be refused, or miss its role.
 */

let bot: BotHarness;
beforeAll(async () => {
  bot = await startExamplesHarness();
}, 60_000);
afterAll(async () => bot?.close());

/** The monospace lines of the help card, in order: its examples. */
function examplesOn(card: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && element.fontType === 'Monospace') found.push(String(element.text));
    Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

test('every example on the help card works as written', async () => {
  const u = bot.users;
  const help = await bot.say(u.alex, 'help');
  const examples = examplesOn(help.card);
  expect(examples.length).toBeGreaterThan(15);
  // Extending needs a role that is active: Priya holds Exchange Administrator when her turn comes.
  await bot.say(u.priya, 'activate Exchange Admin for 2h because mail flow ticket INC-7');
  const speaker = (text: string): SeedUser => {
    if (/^(audit|settings)\b/.test(text)) return u.chris;
    if (/^extend\b/.test(text)) return u.priya;
    return u.alex;
  };
  const failures: string[] = [];
  for (const text of examples) {
    const where = /^(subscribe|unsubscribe|subscriptions|approvals here)\b/.test(text)
      ? 'channel'
      : 'personal';
    const failure = await failureOfExample(bot, speaker(text), text, where);
    if (failure) failures.push(failure);
  }
  expect(failures).toEqual([]);
}, 120_000);
