import { cardText, findAction, useBotHarness } from '../../fixtures/bot-harness';

/**
 * After Extend, the activation's original card ("✓ Global Reader is active · Until …") must not
 * keep showing the old end: it is updated in place with the new one, like the pressed card. And
 * a second Extend updates both earlier cards again.
 */
const h = useBotHarness({ env: { RECONCILE_INTERVAL_SECONDS: '3600' } });

const untilLine = (text: string) => /Until [^\n]+/.exec(text)?.[0] ?? '(no end shown)';

test('Extend from the reminder: the original activation card shows the new end', async () => {
  const { avery } = h.users;
  const chat = h.conversationId(avery);
  await h.say(avery, 'help');
  const turn = await h.say(avery, 'activate global reader for 30m because quarterly access review');
  const original = await h.waitForUpdate(turn.messages.at(-1)!.activityId, 'Effective now');
  const originalEnd = untilLine(cardText(original.card));

  const extendFromReminder = async (advance: string) => {
    await h.elevate.scheduler.runOnce();
    await h.advance(advance);
    await h.elevate.scheduler.runOnce();
    const reminder = [...h.shown(chat)].reverse().find((m) => m.card && /ends in/.test(cardText(m.card)));
    if (!reminder) throw new Error('no reminder');
    const posts = h.shown(chat).length;
    await h.execute(
      avery,
      'extend',
      { ...findAction(reminder.card, 'extend').data, extendBy: 'PT1H' },
      { replyToId: reminder.activityId },
    );
    const answered = await h.waitForUpdate(reminder.activityId, 'Effective now');
    expect(h.shown(chat).length).toBe(posts);
    return { end: untilLine(cardText(answered.card)), answerId: reminder.activityId };
  };

  const first = await extendFromReminder('PT22M');
  const firstEnd = first.end;
  expect(firstEnd).not.toBe(originalEnd);
  const updated = await h.waitForUpdate(original.activityId, firstEnd);
  expect(cardText(updated.card)).toContain('Effective now');
  expect(cardText(updated.card)).not.toContain(originalEnd);

  // A second Extend: the original card and the first reminder's answer both show the newest end.
  // (The first moved the end from 30 to 90 minutes after the start: its reminder comes at 82.)
  const { end: secondEnd } = await extendFromReminder('PT60M');
  expect(secondEnd).not.toBe(firstEnd);
  await h.waitForUpdate(original.activityId, secondEnd);
  await h.waitForUpdate(first.answerId, secondEnd);
}, 60_000);
