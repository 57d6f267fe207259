import { Duration } from 'luxon';
import { MsalTokenProvider } from '../../../src/adapters/auth/msal-token-provider';
import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { capturedLogger, decodeJwt, MemoryTokenCache } from './support';

const APP_ID = '00000000-0000-0000-0000-0000e1e7a7e0';

describe('cached tokens judged by the injected clock', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  const graphStatus = async (token: string) =>
    (
      await fetch(`${sim.graphBaseUrl}/v1.0/roleManagement/directory/roleDefinitions`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).status;

  it('fetches a fresh app-only token once the clock passes the cached one’s exp', async () => {
    const provider = await MsalTokenProvider.create({
      clientId: APP_ID,
      clientSecret: 'elevate-demo-secret',
      authority: sim.authority,
      tokenCache: { repository: new MemoryTokenCache(), cipher: new TokenCacheCipher(Buffer.alloc(32, 3)) },
      logger: capturedLogger().logger,
      clock: sim.clock,
    });
    const first = await provider.appOnlyToken();
    expect(await provider.appOnlyToken()).toBe(first); // served from msal's cache

    sim.clock.advance(Duration.fromObject({ hours: 2 }));
    expect(await graphStatus(first)).toBe(401);
    const second = await provider.appOnlyToken();
    expect(second).not.toBe(first);
    expect(decodeJwt(second).exp as number).toBeGreaterThan(sim.clock.now().toSeconds());
    expect(await graphStatus(second)).toBe(200);
  });
});
