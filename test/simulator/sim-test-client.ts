import { startSimulator, type RunningSimulator } from '../../src/simulator';
import demoTenant from '../../src/simulator/seed/demo-tenant.json';

/** Test helpers: a running simulator plus real tokens from its token endpoint and a small Graph client. */
export const DEMO_APP = demoTenant.apps[0];
export const users = Object.fromEntries(
  demoTenant.users.map((u) => [u.givenName.toLowerCase(), u]),
) as Record<string, (typeof demoTenant.users)[number]>;
export const groups = Object.fromEntries(demoTenant.groups.map((g) => [g.displayName, g])) as Record<
  string,
  (typeof demoTenant.groups)[number]
>;

export const ROLES = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  billingAdministrator: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  complianceAdministrator: '17315797-102d-40b4-93e0-432062caca18',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
} as const;

export interface GraphResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class SimTestClient {
  constructor(readonly sim: RunningSimulator) {}

  static async start(seed?: object): Promise<SimTestClient> {
    return new SimTestClient(await startSimulator({ port: 0, seed }));
  }

  async close(): Promise<void> {
    await this.sim.close();
  }

  private async token(form: Record<string, string>): Promise<string> {
    const res = await fetch(`${this.sim.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    const json = (await res.json()) as { access_token?: string; error_description?: string };
    if (!json.access_token)
      throw new Error(`token request failed: ${res.status} ${json.error_description ?? ''}`);
    return json.access_token;
  }

  /** Resource-owner password grant for a seed user (amr ['pwd'], never mfa). */
  userToken(
    userPrincipalName: string,
    password = 'demo',
    scope = 'https://graph.microsoft.com/.default offline_access',
  ): Promise<string> {
    return this.token({
      grant_type: 'password',
      client_id: DEMO_APP.appId,
      client_secret: DEMO_APP.clientSecret,
      username: userPrincipalName,
      password,
      scope,
    });
  }

  /** Client-credentials grant for the demo app (app-only, `roles`). */
  appToken(): Promise<string> {
    return this.token({
      grant_type: 'client_credentials',
      client_id: DEMO_APP.appId,
      client_secret: DEMO_APP.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
  }

  /** A signed delegated token with chosen claims (MFA, acrs, scopes) from the identity part. */
  stepUpToken(
    userId: string,
    opts: { amr?: string[]; acrs?: string[]; scopes?: string[] } = {},
  ): Promise<string> {
    return this.sim.identity.issueTokenForTests({ userId, ...opts });
  }

  async graph(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphResponse> {
    const res = await fetch(`${this.sim.graphBaseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep raw text */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  async control(method: string, path: string, body?: unknown): Promise<GraphResponse> {
    return this.graph(method, `/_sim${path}`, null, body);
  }
}

/** The body of a selfActivate for the given user/role. */
export function selfActivate(
  principalId: string,
  roleDefinitionId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    action: 'selfActivate',
    principalId,
    roleDefinitionId,
    directoryScopeId: '/',
    justification: 'Investigating incident INC-1234',
    scheduleInfo: { startDateTime: null, expiration: { type: 'afterDuration', duration: 'PT1H' } },
    ...extra,
  };
}

export const RD = '/v1.0/roleManagement/directory';

/**
 * For a test file: one simulator for its tests, started before them and closed after them. `ready`
 * receives the client (c) and an app-only token (app); with resetEach, the seed state is restored (and a fresh
 * app token taken) before each test.
 */
export function useSimTestClient(
  ready: (started: { c: SimTestClient; app: string }) => void,
  options: { resetEach?: boolean } = {},
): void {
  let client: SimTestClient | undefined;
  const started = (): SimTestClient => {
    if (!client) throw new Error('useSimTestClient: the simulator starts in beforeAll');
    return client;
  };
  beforeAll(async () => {
    client = await SimTestClient.start();
    if (!options.resetEach) ready({ c: client, app: await client.appToken() });
  });
  if (options.resetEach) {
    beforeEach(async () => {
      expect((await started().control('POST', '/reset')).status).toBe(200);
      ready({ c: started(), app: await started().appToken() });
    });
  }
  afterAll(() => client?.close());
}
