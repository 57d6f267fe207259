import { DateTime } from 'luxon';
import { cardText, startBotHarness, type BotHarness, type SeedUser } from '../../fixtures/bot-harness';

/*
 * Issue 13: the help card shows only commands that work as written. Every example the bot's own
 * help card shows is sent to the bot, in the card's order, by someone it can serve (an admin for
 * admin commands, a team owner in a channel for channel commands); none may reach the "did not
 * understand" answer, be refused, or miss its role.
 */

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ env: { SHIFT_END: '17:00' } });
  // Examples name clock times: start the day at 10:00 London time (the speaker's zone), tomorrow.
  const tomorrow = DateTime.utc().plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  expect((await bot.control('POST', '/_sim/clock/set', { to: tomorrow.toISO() })).status).toBe(200);
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
    await bot.advance('PT6M'); // past PIM's 5-minute rule for whatever the example before activated
    const where = /^(subscribe|unsubscribe|subscriptions|approvals here)\b/.test(text)
      ? 'channel'
      : 'personal';
    const turn = await bot.say(speaker(text), text, { where });
    const answer = [...turn.messages.map((m) => m.text ?? ''), ...turn.cards.map(cardText)].join('\n');
    if (!answer || /I did not understand|Details: [A-Z_]+|No eligible role matches|Did you mean/.test(answer))
      failures.push(`${text}\n${answer}`);
  }
  expect(failures).toEqual([]);
}, 120_000);
