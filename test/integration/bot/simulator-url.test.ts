import { loadConfig } from '../../../src/config/config';
import { startElevate } from '../../../src/composition-root';
import { createLogger } from '../../../src/adapters/observability/logger';
import {
  activated,
  cardActions,
  cardText,
  freePort,
  seedUsers as u,
  startBotHarness,
  type BotHarness,
} from '../../fixtures/bot-harness';

/**
 * SIMULATOR_URL: demo mode uses a simulator already running elsewhere on loopback (here: started
 * by the test, reached only over HTTP), instead of starting one in-process.
 */
let bot: BotHarness;
beforeAll(async () => {
  // SIMULATOR_URL is a demo-mode setting, whatever ELEVATE_TEST_MODE says.
  bot = await startBotHarness({ simulatorOverHttp: true, mode: 'demo' });
});
afterAll(async () => bot?.close());

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

test('Elevate started no simulator of its own', () => {
  expect(bot.elevate.simulator).toBeUndefined();
});

test('roles are read from that simulator with the user’s SSO token (on-behalf-of over HTTP)', async () => {
  const turn = await bot.say(u.alex, 'roles');
  expect(cardText(turn.card)).toContain('Alex Morgan · times in Europe/London');
  expect(cardText(turn.card)).toMatch(/Helpdesk Administrator\nDirectory · up to 8 h\nvia group IT Helpdesk/);
  const log = await bot.control('GET', '/_sim/requests');
  const paths = (log.body as { value: { path?: string; url?: string }[] }).value.map((r) => r.path ?? r.url);
  expect(paths.some((p) => /oauth2\/v2\.0\/token/.test(String(p)))).toBe(true);
});

test('an activation lands in that simulator’s tenant', async () => {
  const roles = await bot.say(u.avery, 'roles');
  const button = cardActions(roles.card).find(
    (a) => a.type === 'Action.Execute' && a.verb === 'activate' && a.data.roleId === GLOBAL_READER,
  );
  const clicked = await bot.execute(u.avery, 'activate', button!.data);
  expect(cardText(clicked.card)).toMatch(activated('Global Reader'));
  const active = bot.sim.state.schedules.filter(
    (s) => s.kind === 'assignment' && s.principalId === u.avery.id && s.target.type === 'role',
  );
  expect(active.some((s) => s.target.type === 'role' && s.target.roleDefinitionId === GLOBAL_READER)).toBe(
    true,
  );
});

test('the bot follows the simulator’s clock: tokens it cached expire when the simulator moves 3 h on', async () => {
  await bot.say(u.alex, 'roles');
  await bot.advance('PT3H');
  // A bot still on real time would keep sending its cached (now expired) Graph token and fail;
  // once it has read the new offset (every second) it fetches fresh tokens.
  let text = '';
  for (let attempt = 0; attempt < 50 && !text.includes('Alex Morgan · times in'); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    text = cardText((await bot.say(u.alex, 'roles')).card);
  }
  expect(text).toContain('Alex Morgan · times in Europe/London');
});

test('the seed’s Elevate Admins administer Elevate, as with a simulator in-process (npm start)', async () => {
  // Demo mode without ADMIN_GROUP_ID takes the admin group from the tenant Elevate uses; it used to
  // read it only from a simulator handed in by a test, so `npm start` had no admin at all.
  const text = cardText((await bot.say(u.chris, 'settings')).card);
  expect(text).toContain('Elevate settings');
  expect(text).toContain('Elevate Admins (the deployment’s)');
  expect(cardText((await bot.say(u.jordan, 'settings')).card)).toContain(
    'Only Elevate administrators can see or change Elevate’s settings.',
  );
});

test('a sender who is not in that tenant gets the sign-in answer, not a crash', async () => {
  const stranger = {
    id: '00000000-1111-2222-3333-444444444444',
    displayName: 'Stranger',
    userPrincipalName: 'stranger@fabrikam.example',
    timeZone: 'UTC',
  };
  const text = cardText((await bot.say(stranger, 'roles')).card);
  expect(text).toContain('is not a user of the demo tenant');
});

test('nothing listening at SIMULATOR_URL: start-up fails saying how to start the simulator', async () => {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(await freePort()),
    SQLITE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    SIMULATOR_URL: `http://127.0.0.1:${port}`,
  });
  await expect(startElevate(config, { logger: createLogger({ level: 'silent' }) })).rejects.toMatchObject({
    message: expect.stringContaining(`SIMULATOR_URL=http://127.0.0.1:${port} did not answer`),
    remedy: expect.stringContaining(`npm run simulator -- --port ${port}`),
  });
});

test('something else listening there: refused as not a simulator', async () => {
  const config = loadConfig({
    PORT: String(await freePort()),
    SQLITE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    SIMULATOR_URL: bot.url,
  });
  await expect(startElevate(config, { logger: createLogger({ level: 'silent' }) })).rejects.toThrow(
    /answered \/_sim\/demo-bot with HTTP \d+, not as Elevate's simulator does/,
  );
});
