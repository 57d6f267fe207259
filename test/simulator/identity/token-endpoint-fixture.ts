import {
  ALEX,
  APP_ID,
  APP_SECRET,
  postForm,
  startIdentityServer,
  tokenUrl,
  type IdentityHarness,
} from './harness';

export const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

/**
 * The token-endpoint-* tests: runs `tests` twice, with restify's body parsers and with unparsed
 * bodies, each time against its own identity server (the SimClock reset after each test). `h` reads
 * the server of the run it is in.
 */
export function describeTokenEndpoint(title: string, tests: (h: IdentityHarness) => void): void {
  describe.each([
    ['with restify body parsers', true],
    ['with unparsed bodies', false],
  ])(`simulated Entra token endpoint (%s): ${title}`, (_label, parsers) => {
    let current: IdentityHarness | undefined;
    beforeAll(async () => {
      current = await startIdentityServer({ parsers });
    });
    afterAll(() => current?.close());
    afterEach(() => current?.clock.reset());
    const started = (): IdentityHarness => {
      if (!current) throw new Error('describeTokenEndpoint: the server starts in beforeAll');
      return current;
    };
    tests({
      get baseUrl() {
        return started().baseUrl;
      },
      get clock() {
        return started().clock;
      },
      get directory() {
        return started().directory;
      },
      get identity() {
        return started().identity;
      },
      close: () => started().close(),
    });
  });
}

/** A password (ROPC) grant for Alex with Graph, openid and offline_access scopes; `extra` overrides fields. */
export function passwordGrant(h: IdentityHarness, extra: Record<string, string> = {}) {
  return postForm(tokenUrl(h), {
    grant_type: 'password',
    client_id: APP_ID,
    client_secret: APP_SECRET,
    username: ALEX.upn,
    password: ALEX.password,
    scope: 'https://graph.microsoft.com/.default openid offline_access',
    ...extra,
  });
}
