import { AuditActions } from '../../../src/domain/audit/audit-actions';
import { STEP_UP_CALLBACK_PATH } from '../../../src/adapters/teams/step-up/step-up-service';
import { cardActions, seedUsers as u, startBotHarness, type BotHarness } from '../../fixtures/bot-harness';
import { completeStepUpOverHttp } from '../../fixtures/step-up-over-http';

/** Issue 16: a step-up round trip leaves "verification asked", then "completed" or "abandoned". */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => bot?.close());

async function verifyUrl(text: string): Promise<string> {
  const turn = await bot.say(u.taylor, text);
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
