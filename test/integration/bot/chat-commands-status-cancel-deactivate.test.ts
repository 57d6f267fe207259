import { cardText, findAction, seedUsers as u, useBotHarness } from '../../fixtures/bot-harness';

/** Chat commands through /api/messages: status, cancel and deactivate. */
const bot = useBotHarness();

describe('status, cancel, deactivate', () => {
  beforeAll(async () => {
    // Priya holds Exchange and Teams Administrator, as the activate tests leave her.
    const turn = await bot.say(
      u.priya,
      'activate Exchange Admin, teams admin for 1h because mail flow ticket INC-1',
    );
    // Both parts of the card say active, so no follow-up update lands during a later turn.
    const id = turn.messages[0].activityId;
    await bot.waitForUpdate(id, /✓ Exchange Administrator is active/);
    await bot.waitForUpdate(id, /✓ Teams Administrator is active/);
  });

  test('status shows active roles with their end time', async () => {
    const turn = await bot.say(u.priya, 'status');
    const text = cardText(turn.card);
    expect(text).toContain('Your requests');
    expect(text).toMatch(/Exchange Administrator\nDirectory · active until /);
  });

  test('status shows a pending request with its approver and a Cancel button', async () => {
    await bot.say(u.jordan, 'activate user admin for 1h because onboarding');
    const turn = await bot.say(u.jordan, 'status');
    const text = cardText(turn.card);
    expect(text).toMatch(/User Administrator/);
    expect(text).toContain('approvers: Dana Schmidt');
    findAction(turn.card, 'cancel');
  });

  test('cancel with one open request cancels it', async () => {
    const turn = await bot.say(u.jordan, 'cancel');
    expect(cardText(turn.card)).toContain('Cancelled: User Administrator');
    expect(cardText((await bot.say(u.jordan, 'status')).card)).not.toContain('approvers: Dana Schmidt');
  });

  test('cancel by request id', async () => {
    const pending = await bot.say(u.jordan, 'activate user admin for 1h because onboarding again');
    const requestId = String(findAction(pending.card, 'cancel').data.requestId);
    const text = cardText((await bot.say(u.jordan, `cancel ${requestId}`)).card);
    expect(text).toContain('Cancelled: User Administrator');
    expect(text).not.toContain(requestId); // an id is for machines: the role names the request
  });

  test('cancel with nothing open says so', async () => {
    const text = cardText((await bot.say(u.jordan, 'cancel')).card);
    expect(text).toContain('Nothing to cancel');
    expect(text).toContain('You have no pending or scheduled requests.');
  });

  test('cancel by role name', async () => {
    await bot.say(u.sam, 'activate security admin for 1h because audit');
    const text = cardText((await bot.say(u.sam, 'cancel security admin')).card);
    expect(text).toContain('Cancelled: Security Administrator');
  });

  test('deactivate inside the first five minutes is refused with the time it becomes possible', async () => {
    const turn = await bot.say(u.priya, 'deactivate exchange admin');
    const text = cardText(turn.card);
    expect(text).toContain('Exchange Administrator cannot be deactivated yet');
    // "tomorrow" when the five minutes cross midnight in Kolkata (18:25-18:30 UTC).
    expect(text).toMatch(
      /You can deactivate from \d{1,2}:\d{2} (today|tomorrow) \(GMT\+5:30\), in [45] minutes\./,
    );
  });

  test('deactivate after five minutes ends the role', async () => {
    await bot.advance('PT6M');
    const text = cardText((await bot.say(u.priya, 'deactivate exchange admin')).card);
    expect(text).toContain('Exchange Administrator is deactivated');
    expect(cardText((await bot.say(u.priya, 'status')).card)).not.toContain('Exchange Administrator');
  });

  test('deactivate of a role that is not active says so', async () => {
    const text = cardText((await bot.say(u.priya, 'deactivate exchange admin')).card);
    expect(text).toContain('No active role matches "exchange admin", so there is nothing to deactivate.');
    expect(text).toMatch(/Active now: Teams Administrator\.|You have no activated roles right now/);
    expect(text).toContain('NOT_ACTIVE');
  });
});
