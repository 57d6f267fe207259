import {
  activated,
  cardActions,
  cardText,
  findAction,
  seedUsers as u,
  useBotHarness,
} from '../../fixtures/bot-harness';

/** The 3 a.m. grammar through /api/messages: loose commands, Confirm / Edit, extend, who has. */
const bot = useBotHarness({ env: { SHIFT_END: '18:00' } });

test('a hurried activation works the first time: duration without "for", ticket by pattern, the rest as reason', async () => {
  const turn = await bot.say(u.alex, 'activate exchange admin 2h prod mail outage INC-5521');
  const text = cardText(turn.card);
  expect(text).toContain('Exchange Administrator');
  expect(text).not.toMatch(/Is this what you meant/);
  expect(text).not.toMatch(/required|did not understand/i);
  expect(text).toContain('prod mail outage');
  expect(text).toContain('INC-5521');
});

test('when words could be role or reason and the role was not named exactly, it asks; Confirm sends what was shown', async () => {
  const turn = await bot.say(u.priya, 'activate exch admin prod mail outage INC-77');
  const text = cardText(turn.card);
  expect(text).toContain('Is this what you meant?');
  expect(text).toContain('Activate Exchange Administrator, reason "prod mail outage", ticket INC-77.');
  const confirm = findAction(turn.card, 'submitActivation');
  const done = await bot.execute(u.priya, 'submitActivation', confirm.data, {
    replyToId: turn.messages[0].activityId,
  });
  const result = cardText(done.card);
  expect(result).toContain('Exchange Administrator');
  expect(result).not.toContain('Is this what you meant?');
  expect(result).toContain('prod mail outage');
});

test('Edit brings the form back filled in with what was understood', async () => {
  const turn = await bot.say(u.priya, 'activate teams adm 90m bridge call');
  expect(cardText(turn.card)).toContain('Activate Teams Administrator for 1 h 30 min, reason "bridge call".');
  const edit = findAction(turn.card, 'showActivationForm');
  const form = await bot.execute(u.priya, 'showActivationForm', edit.data);
  const inputs = JSON.stringify(form.card);
  expect(inputs).toContain('"value":"bridge call"');
  expect(inputs).toContain('"value":"PT1H30M"');
});

test('extend <role> calls the same Extend as the reminder button (too soon first, then it works)', async () => {
  const soon = await bot.say(u.alex, 'extend exchange admin by 1h');
  expect(cardText(soon.card)).toContain('Extend is possible a little later');
  await bot.advance('PT6M');
  const later = await bot.say(u.alex, 'extend Exchange Admin by 1h');
  const text = cardText(later.card);
  expect(text).toContain('Exchange Administrator');
  expect(text).not.toContain('Extend is possible a little later');
});

// Walked in the local Teams client: typed in a channel, the too-soon answer told people to "Press
// Extend again", a button a typed command never showed.
test('extend typed in a channel: answered there, in words that fit a typed command; then it extends', async () => {
  const channel = bot.conversationId(u.alex, 'channel');
  const personal = bot.conversationId(u.alex);
  const before = bot.shown(personal).length;
  const soon = await bot.say(u.alex, 'extend exchange admin by 1h', { where: 'channel' });
  // A refusal is Alex's business: the thread reads one line, the card goes to his personal chat.
  expect(soon.messages.map((m) => m.text)).toEqual([
    'Alex Morgan, Elevate could not do that; it told you why in your personal chat.',
  ]);
  expect(soon.cards).toEqual([]);
  const text = bot
    .shown(personal)
    .slice(before)
    .map((m) => cardText(m.card))
    .join('\n');
  expect(text).toContain('Extend is possible a little later');
  expect(text).toMatch(
    /Extend again after \d\d:\d\d (today|tomorrow) \(\S+\) \(the Extend button or "extend Exchange Administrator"\)/,
  );
  expect(text).not.toContain('Press');
  await bot.advance('PT6M');
  const later = await bot.say(u.alex, 'extend exchange admin by 1h', { where: 'channel' });
  expect(later.messages.map((m) => m.conversationId)).toEqual([channel]);
  expect(cardText(later.card)).toMatch(activated('Exchange Administrator'));
  // Whose it is, and none of Alex's buttons for the channel, also once it is effective.
  expect(cardText(later.card)).toContain("Alex Morgan's request");
  expect(cardActions(later.card).map((a) => a.verb)).not.toContain('deactivate');
  const effective = await bot.waitForUpdate(later.messages[0].activityId, 'Effective now');
  expect(cardText(effective.card)).toContain("Alex Morgan's request");
  expect(cardActions(effective.card).map((a) => a.verb)).not.toContain('deactivate');
});

test('extend names what is active when the role is not', async () => {
  const turn = await bot.say(u.alex, 'extend Global Reader');
  const text = cardText(turn.card);
  expect(text).toContain('No active role of yours matches "Global Reader".');
  expect(text).toContain('Active now: Exchange Administrator.');
});

test('a refusal typed in a channel, which lists what the person holds, goes to them privately', async () => {
  const personal = bot.conversationId(u.alex);
  const before = bot.shown(personal).length;
  const turn = await bot.say(u.alex, 'extend Global Reader', { where: 'channel' });
  const posted = turn.messages.map((m) => `${m.text ?? ''}${m.card ? cardText(m.card) : ''}`).join('\n');
  expect(posted).toBe('Alex Morgan, Elevate could not do that; it told you why in your personal chat.');
  expect(posted).not.toContain('Exchange');
  const privately = bot
    .shown(personal)
    .slice(before)
    .map((m) => cardText(m.card))
    .join('\n');
  expect(privately).toContain('No active role of yours matches "Global Reader".');
  expect(privately).toContain('Active now: Exchange Administrator.');
});

test('until and till end of shift set the duration', async () => {
  const turn = await bot.say(u.taylor, 'activate global reader till end of shift');
  expect(cardText(turn.card)).toContain('Global Reader');
  expect(cardText(turn.card)).not.toMatch(/did not understand|not set up/);
});

test('who has <role> answers with the board for that role', async () => {
  const turn = await bot.say(u.alex, 'who has Exchange Admin');
  expect(cardText(turn.card)).toContain('Who holds Exchange Administrator');
});
