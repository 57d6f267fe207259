import { AuditActions } from '../../../src/domain/audit/audit-actions';
import { STEP_UP_CALLBACK_PATH } from '../../../src/adapters/teams/step-up/step-up-service';
import { cardActions, seedUsers as u, type SeedUser, useBotHarness } from '../../fixtures/bot-harness';
import { completeStepUpOverHttp } from '../../fixtures/step-up-over-http';

/** Issue 16: a step-up round trip leaves "verification asked", then "completed" or "abandoned". */
const bot = useBotHarness();

async function verifyUrl(text: string, user: SeedUser = u.taylor): Promise<string> {
  const turn = await bot.say(user, text);
  const link = turn.cards.flatMap(cardActions).find((a) => a.url?.includes('/auth/step-up'));
  if (!link?.url) throw new Error('no Verify link');
  return link.url;
}

const actions = async () =>
  (await bot.elevate.store.audit.search({ userId: u.taylor.id, limit: 1000 })).map((e) => e.action).reverse();

test('abandoned: Entra sends the person back without a token (cancelled), and the reason is kept', async () => {
  const before = (await actions()).length;
  const url = new URL(await verifyUrl('activate global admin for 1h because incident 43'));
  const callback = new URL(STEP_UP_CALLBACK_PATH, url);
  callback.searchParams.set('state', url.searchParams.get('state') ?? '');
  callback.searchParams.set('error', 'access_denied');
  callback.searchParams.set('error_description', 'The user cancelled the sign-in');
  const response = await fetch(callback);
  expect(response.status).toBe(400);
  expect((await actions()).slice(before).slice(-2)).toEqual([
    AuditActions.stepUpStarted,
    AuditActions.stepUpAbandoned,
  ]);
  const [abandoned] = await bot.elevate.store.audit.search({ userId: u.taylor.id, limit: 1 });
  expect(abandoned).toMatchObject({
    outcome: 'failed',
    reason: 'The user cancelled the sign-in',
    roleName: 'Global Administrator',
    justification: 'incident 43',
  });
});

test('completed: asked, completed, then the activation it resumed', async () => {
  const before = (await actions()).length;
  const url = await verifyUrl('activate global admin for 1h because incident 42');
  const page = await completeStepUpOverHttp(url, u.taylor);
  expect(page.title).toBe('Verified');
  await bot.waitForCard(bot.conversationId(u.taylor), 'Global Administrator is active');
  expect((await actions()).slice(before)).toEqual([
    AuditActions.stepUpStarted,
    AuditActions.stepUpCompleted,
    AuditActions.activationActivated,
  ]);
  const [activated, completed] = await bot.elevate.store.audit.search({ userId: u.taylor.id, limit: 2 });
  expect(completed).toMatchObject({
    outcome: 'succeeded',
    roleName: 'Global Administrator',
    justification: 'incident 42',
    conversationId: bot.conversationId(u.taylor),
    details: { for: 'activate' },
  });
  expect(activated.outcome).toBe('succeeded');
  await bot.waitForCard(bot.conversationId(u.taylor), 'Effective now');
});

describe('a Verify link that is never used to the end', () => {
  const abandoned = async (user: SeedUser) =>
    (await bot.elevate.store.audit.search({ userId: user.id, limit: 1000 })).filter(
      (e) => e.action === AuditActions.stepUpAbandoned,
    );

  test('is recorded as abandoned once, by the scheduler, when the link expires (the injected clock)', async () => {
    await verifyUrl('activate global admin for 1h because incident 44 ticket INC-44', u.alex);
    await bot.elevate.scheduler.runOnce();
    await bot.advance('PT9M');
    await bot.elevate.scheduler.runOnce();
    expect(await abandoned(u.alex)).toHaveLength(0);

    await bot.advance('PT3M');
    await bot.elevate.scheduler.runOnce();
    const after = await abandoned(u.alex);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      actorId: u.alex.id,
      outcome: 'failed',
      roleName: 'Global Administrator',
      justification: 'incident 44',
      ticket: 'INC-44',
      conversationId: bot.conversationId(u.alex),
      reason: expect.stringMatching(/expired unused/),
      details: { for: 'activate', timedOut: true },
    });

    await bot.advance('PT10M');
    await bot.elevate.scheduler.runOnce();
    expect(await abandoned(u.alex)).toHaveLength(1);
  });

  test('a completed step-up, or one Entra already reported as abandoned, records nothing more when its link expires', async () => {
    const url = await verifyUrl('activate global admin for 1h because incident 45', u.chris);
    await completeStepUpOverHttp(url, u.chris);
    await bot.waitForCard(bot.conversationId(u.chris), 'Global Administrator is active');

    const link = new URL(
      await verifyUrl('activate privileged role admin for 1h because incident 46', u.riley),
    );
    const callback = new URL(STEP_UP_CALLBACK_PATH, link);
    callback.searchParams.set('state', link.searchParams.get('state') ?? '');
    callback.searchParams.set('error', 'access_denied');
    expect((await fetch(callback)).status).toBe(400);
    expect(await abandoned(u.riley)).toHaveLength(1);

    await bot.advance('PT12M');
    await bot.elevate.scheduler.runOnce();
    await bot.elevate.scheduler.runOnce();
    expect(await abandoned(u.chris)).toHaveLength(0);
    expect(await abandoned(u.riley)).toHaveLength(1);
  });
});
