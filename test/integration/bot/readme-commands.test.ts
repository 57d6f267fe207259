import fs from 'node:fs';
import path from 'node:path';
import { type BotHarness, type SeedUser } from '../../fixtures/bot-harness';
import { failureOfExample, startExamplesHarness } from '../../fixtures/example-runner';

/*
 * Issue 13: the README's command table shows only commands that work as written. Every example
 * in its "say" column is sent to the bot, in order, where the row says; none may reach the
 * "did not understand" answer, be refused as malformed, or miss its role.
 */

interface Example {
  where: 'chat' | 'channel';
  text: string;
}

function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Using it'),
    readme.indexOf('\n## ', readme.indexOf('## Using it') + 1),
  );
  const examples: Example[] = [];
  for (const row of section.split('\n').filter((l) => /^\| (chat|channel) /.test(l))) {
    const [where, say] = row
      .split('|')
      .slice(1, 3)
      .map((c) => c.trim());
    for (const match of say.matchAll(/`([^`]+)`/g))
      examples.push({ where: where as Example['where'], text: match[1] });
  }
  return examples;
}

const examples = readmeExamples();

let bot: BotHarness;
beforeAll(async () => {
  bot = await startExamplesHarness();
}, 60_000);
afterAll(async () => bot?.close());

test('the README command table has examples for every kind of command', () => {
  const words = new Set(examples.map((e) => e.text.split(' ')[0]));
  for (const word of [
    'roles',
    'activate',
    'deactivate',
    'extend',
    'status',
    'cancel',
    'approvals',
    'who',
    'remind',
    'subscribe',
    'help',
  ])
    expect(words).toContain(word);
});

/** Who says it: the seed user who holds the roles the example names. */
function speaker(text: string): SeedUser {
  if (/group Production Database Operators/i.test(text)) return bot.users.casey;
  if (/Teams Admin/i.test(text)) return bot.users.priya;
  return bot.users.alex;
}

test.each(examples.map((e) => [e.where, e.text] as const))('README (%s): %s', async (where, text) => {
  expect(
    await failureOfExample(bot, speaker(text), text, where === 'channel' ? 'channel' : 'personal'),
  ).toBeUndefined();
});
