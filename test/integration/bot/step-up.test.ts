import { chromium, type Browser, type Page } from 'playwright-core';
import {
  activated,
  cardActions,
  cardText,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
  type SeedUser,
  type Where,
} from '../../fixtures/bot-harness';

/**
 * The step-up round trip in headless chromium: Verify card → the bot's /auth/step-up page → the
 * simulator's sign-in and MFA pages → the bot's callback page → the bot resumes the same
 * activation by itself and posts the outcome in the original conversation.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let bot: BotHarness;
let browser: Browser;
beforeAll(async () => {
  bot = await startBotHarness();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

async function verifyUrl(user: SeedUser, command: string, where: Where = 'personal'): Promise<string> {
  // The user has a personal chat with Elevate (as after installing the app).
  if (where !== 'personal') await bot.say(user, 'help');
  const turn = await bot.say(user, command, { where });
  // In a channel the link goes to the requester's personal chat; the channel only reads that.
  const card =
    where === 'personal'
      ? turn.card
      : (await bot.waitForCard(bot.conversationId(user), "Verify it's you")).card;
  expect(cardText(card)).toContain("Verify it's you");
  const url = cardActions(card).find((a) => a.type === 'Action.OpenUrl')?.url;
  if (!url) throw new Error(`no Verify link on:\n${cardText(turn.card)}`);
  return url;
}

/** Signs in on the simulator's page (password, then the MFA code it shows) and returns the landing page. */
async function signIn(page: Page, user: SeedUser): Promise<void> {
  await page.waitForSelector('#signin-form');
  await page.fill('#username', user.userPrincipalName);
  await page.fill('#password', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('#signin')]);
  await page.waitForSelector('#mfa-form');
  const code = (await page.textContent('#mfa-code'))?.trim() ?? '';
  expect(code).toMatch(/^\d+$/);
  await page.fill('#otc', code);
  await Promise.all([page.waitForURL(/\/auth\/step-up\/callback/), page.click('#verify')]);
}

test('MFA: Verify → sign-in with MFA → the bot activates by itself and posts in the personal chat', async () => {
  const url = await verifyUrl(u.taylor, 'activate global admin for 1h because incident 42');
  const page = await browser.newPage();
  try {
    await page.goto(url);
    expect(page.url()).toContain(bot.sim.baseUrl);
    await signIn(page, u.taylor);
    await page.waitForSelector('#title');
    expect(await page.textContent('#title')).toBe('Verified');
    expect(await page.textContent('#message')).toContain('Elevate is now activating Global Administrator');

    const posted = await bot.waitForCard(bot.conversationId(u.taylor), '✓ Global Administrator is active');
    expect(cardText(posted.card)).toMatch(/Justification\nincident 42/);
    // …and, like a chat activation, the same card is updated once the assignment is effective.
    const effective = await bot.waitForCard(bot.conversationId(u.taylor), 'Effective now');
    expect(effective.activityId).toBe(posted.activityId);
    expect(effective.updates).toBe(1);
    const instance = bot.sim.state.schedules.find(
      (s) =>
        s.kind === 'assignment' &&
        s.principalId === u.taylor.id &&
        s.target.type === 'role' &&
        s.target.roleDefinitionId === '62e90394-69f5-4237-9190-012177145e10',
    );
    expect(instance).toBeDefined();

    // Replaying the callback (same state, same code) gets a clear page and activates nothing more.
    const replay = await page.goto(page.url());
    expect(replay?.status()).toBe(409);
    expect(await page.textContent('#title')).toBe('This link was already used');
  } finally {
    await page.close();
  }
}, 60_000);

test('authentication context c1 from a channel: the outcome is posted in that channel', async () => {
  const url = await verifyUrl(u.riley, 'activate privileged role admin for 1h because change 7', 'channel');
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await signIn(page, u.riley);
    expect(await page.textContent('#title')).toBe('Verified');
    const channel = bot.conversationId(u.riley, 'channel');
    // The outcome is posted in the thread and, once the assignment is effective, becomes the
    // thread's announcement (the card the thread keeps until the activation ends).
    const posted = await bot.waitForCard(
      channel,
      /Riley .* · Privileged Role Administrator[\s\S]*Active until/,
    );
    expect(posted.conversationId).toBe(channel);
    expect(posted.versions.map((v) => cardText(v.attachments)).join('\n')).toMatch(
      activated('Privileged Role Administrator'),
    );
  } finally {
    await page.close();
  }
}, 60_000);

test('someone else completing a Verify link gets a clear page and activates nothing', async () => {
  const url = await verifyUrl(u.chris, 'activate global admin for 30m because change 8', 'channel');
  const before = bot.sim.state.schedules.length;
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await signIn(page, u.alex);
    expect(await page.textContent('#title')).toBe('Verification did not work');
  } finally {
    await page.close();
  }
  expect(bot.sim.state.schedules.length).toBe(before);
}, 60_000);

test('an expired Verify link gets a clear page and nothing else', async () => {
  const url = await verifyUrl(u.chris, 'activate global admin for 1h because audit');
  await bot.advance('PT11M');
  const before = bot.sim.state.schedules.length;
  const page = await browser.newPage();
  try {
    const response = await page.goto(url);
    expect(response?.status()).toBe(410);
    expect(await page.textContent('#title')).toBe('This link has expired');
    expect(await page.textContent('#message')).toContain('Verify links work for 10 minutes.');
    expect(page.url()).toContain(bot.url);
  } finally {
    await page.close();
  }
  expect(bot.sim.state.schedules.length).toBe(before);
}, 60_000);

test('a changed state gets a clear page', async () => {
  const url = await verifyUrl(u.chris, 'activate global admin for 1h because audit');
  const tampered = url.replace(
    /state=([^&]{10})/,
    (_m, start: string) => `state=${start.split('').reverse().join('')}`,
  );
  const response = await fetch(tampered, { redirect: 'manual' });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('This link is not valid');
});
