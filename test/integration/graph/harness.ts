import type { Duration } from 'luxon';
import { MsalTokenProvider } from '../../../src/adapters/auth/msal-token-provider';
import { TokenCacheCipher } from '../../../src/adapters/auth/token-cache-cipher';
import { delegatedUser } from '../../../src/adapters/auth/delegated-user';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { GraphHttp } from '../../../src/adapters/graph/graph-http';
import { GraphPimGateway } from '../../../src/adapters/graph/graph-pim-gateway';
import type { DelegatedUser } from '../../../src/ports/token-provider';
import { startSimulator } from '../../../src/simulator';
import { capturedLogger, MemoryTokenCache } from '../auth/support';
import { captureGraphRequests } from './openapi-requests';
import { T, testTenant } from './test-tenant';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface Harness {
  sim: Simulator;
  gateway: GraphPimGateway;
  directory: GraphDirectory;
  http: GraphHttp;
  tokens: MsalTokenProvider;
  /** Waits the transport was told to sleep (retry backoff), in ms. */
  waits: number[];
  logLines: string[];
  requests: ReturnType<typeof captureGraphRequests>;
  /** Every SSO token and Graph token handed out in the test. */
  secrets: string[];
  user(userId: string, options?: { mfa?: boolean; acrs?: string[] }): Promise<DelegatedUser>;
  close(): Promise<void>;
}

export async function startHarness(options: { policyTtl?: Duration } = {}): Promise<Harness> {
  const sim = await startSimulator({ port: 0, seed: testTenant() });
  const { logger, lines } = capturedLogger();
  const waits: number[] = [];
  const requests = captureGraphRequests(sim.graphBaseUrl);
  const secrets: string[] = [T.secret];
  const tokens = await MsalTokenProvider.create({
    clientId: T.appId,
    clientSecret: T.secret,
    authority: sim.authority,
    tokenCache: { repository: new MemoryTokenCache(), cipher: new TokenCacheCipher(Buffer.alloc(32, 5)) },
    logger,
  });
  const appToken = async () => {
    const token = await tokens.appOnlyToken();
    secrets.push(token);
    return token;
  };
  const http = new GraphHttp({
    baseUrl: sim.graphBaseUrl,
    logger,
    timeoutMs: 2_000,
    transport: requests.transport,
    retry: { maxAttempts: 4, maxTotalMs: 20_000, baseDelayMs: 50, maxDelayMs: 5_000 },
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50)));
    },
  });
  const directory = new GraphDirectory(http, appToken);
  const gateway = new GraphPimGateway({
    http,
    appToken,
    directory,
    // The simulator's time; polls wait at most 100 ms of real time (the tests need no real second).
    clock: {
      now: () => sim.clock.now(),
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 100))),
    },
    logger,
    policyTtl: options.policyTtl,
  });
  return {
    sim,
    gateway,
    directory,
    http,
    tokens,
    waits,
    logLines: lines,
    requests,
    secrets,
    async user(userId, opts = {}) {
      const sso = await sim.identity.issueTokenForTests({
        userId,
        audience: `api://botid-${T.appId}`,
        amr: opts.mfa ? ['pwd', 'mfa'] : ['pwd'],
        ...(opts.acrs ? { acrs: opts.acrs } : {}),
      });
      secrets.push(sso);
      const inner = delegatedUser(tokens, { userId, ssoToken: sso });
      return {
        userId,
        accessToken: async () => {
          const token = await inner.accessToken();
          secrets.push(token);
          return token;
        },
      };
    },
    async close() {
      await sim.close();
    },
  };
}

/** A delegated user whose token is fixed (e.g. the one redeemed from a step-up). */
export function withToken(userId: string, token: string): DelegatedUser {
  return { userId, accessToken: async () => token };
}
