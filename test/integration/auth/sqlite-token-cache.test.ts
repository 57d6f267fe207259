import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MsalTokenProvider } from '../../../src/adapters/auth/msal-token-provider';
import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';
import { createStore } from '../../../src/adapters/store/create-store';
import { capturedLogger } from './support';
import { startIdentityServer, type IdentityServer } from './identity-server';

const APP_ID = '00000000-0000-0000-0000-0000e1e7a7e0';
const ALEX = '1c6746ba-c423-483e-9f30-18038d766593';
// Named scopes (not .default) so msal can serve OBO tokens from the cache (see MsalTokenProviderOptions).
const SCOPES = ['User.Read', 'RoleAssignmentSchedule.ReadWrite.Directory', 'RoleManagement.Read.Directory'];

describe('token cache in the real SQLite store, shared by two instances', () => {
  let sim: IdentityServer;
  let dir: string;
  beforeAll(async () => {
    sim = await startIdentityServer();
    dir = mkdtempSync(join(tmpdir(), 'elevate-token-cache-'));
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a token one instance obtained is served to the other from the store, encrypted at rest', async () => {
    const key = Buffer.alloc(32, 42);
    const sqlitePath = join(dir, 'elevate.sqlite');
    const storeA = await createStore({ sqlitePath });
    const storeB = await createStore({ sqlitePath });
    const { logger } = capturedLogger();
    const instance = (repository: typeof storeA.tokenCache) =>
      MsalTokenProvider.create({
        clientId: APP_ID,
        clientSecret: 'elevate-demo-secret',
        authority: sim.authority,
        tokenCache: { repository, cipher: new TokenCacheCipher(key) },
        delegatedScopes: SCOPES,
        logger,
      });
    try {
      const a = await instance(storeA.tokenCache);
      const b = await instance(storeB.tokenCache);
      const sso = await sim.identity.issueTokenForTests({ userId: ALEX, audience: `api://botid-${APP_ID}` });

      const before = await sim.tokenRequests();
      const fromA = await a.onBehalfOf({ userId: ALEX, ssoToken: sso });
      const appA = await a.appOnlyToken();
      expect((await sim.tokenRequests()) - before).toBe(2);

      expect(await b.onBehalfOf({ userId: ALEX, ssoToken: sso })).toBe(fromA);
      expect(await b.appOnlyToken()).toBe(appA);
      expect((await sim.tokenRequests()) - before).toBe(2);

      const row = await storeB.tokenCache.read(`user:${ALEX}`);
      expect(row).not.toBeNull();
      expect(row!.toString('latin1')).not.toContain(fromA.split('.')[1]);

      // A different key cannot read the rows: the partition starts afresh instead of failing.
      const other = await MsalTokenProvider.create({
        clientId: APP_ID,
        clientSecret: 'elevate-demo-secret',
        authority: sim.authority,
        tokenCache: { repository: storeB.tokenCache, cipher: new TokenCacheCipher(Buffer.alloc(32, 1)) },
        logger,
      });
      expect(await other.appOnlyToken()).not.toBe(appA);
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });
});
