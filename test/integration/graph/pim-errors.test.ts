import { Duration } from 'luxon';
import { startHarness, withToken, type Harness } from './harness';
import { assertCleanRun } from './shared-checks';
import { T } from './test-tenant';

const hour = Duration.fromObject({ hours: 1 });
const dir = (roleId: string, directoryScopeId = '/') => ({
  kind: 'directoryRole' as const,
  roleId,
  directoryScopeId,
});
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );

/** REFERENCE §7 error codes as the simulator produces them, in both message styles it supports. */
describe('Graph PIM error catalogue against the simulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    assertCleanRun(h);
    await h.close();
  });

  async function settings(patch: Record<string, unknown>): Promise<void> {
    const response = await h.requests.uncaptured(`${h.sim.baseUrl}/_sim/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    });
    expect(response.ok).toBe(true);
  }

  it.each(['wrapped', 'plain'])(
    'ACRS challenge (%s style) → STEP_UP_REQUIRED with the decoded claims',
    async (style) => {
      await settings({ acrsErrorStyle: style });
      const alex = await h.user(T.alex);
      await expect(
        h.gateway.activate(alex, { ...dir(T.roles.privilegedRoleAdmin), duration: hour }),
      ).rejects.toMatchObject({
        code: 'STEP_UP_REQUIRED',
        details: { acrs: ['c1'] },
      });
    },
  );

  it.each(['rule-text', 'legacy-array'])(
    'policy failures in the %s format keep their rule names',
    async (format) => {
      await settings({ policyErrorFormat: format });
      const alex = await h.user(T.alex);
      await expect(
        h.gateway.activate(alex, {
          ...dir(T.roles.userAdmin),
          duration: Duration.fromObject({ hours: 5 }),
          justification: 'x',
          ticket: { number: '1' },
        }),
      ).rejects.toMatchObject({ code: 'DURATION_TOO_LONG', details: { rules: ['ExpirationRule'] } });
      await expect(
        h.gateway.activate(alex, { ...dir(T.roles.groupsAdmin), duration: hour }),
      ).rejects.toMatchObject({
        code: 'MFA_REQUIRED',
        details: { rules: ['MfaRule'] },
      });
    },
  );

  it('scope and role problems: malformed scope, scope without eligibility, unknown role', async () => {
    const alex = await h.user(T.alex);
    expect(
      await codeOf(
        h.gateway.activate(alex, {
          ...dir(T.roles.authAdmin, '/administrativeUnits/00000000-0000-0000-0000-00000000a0a0'),
          duration: hour,
        }),
      ),
    ).toBe('INVALID_SCOPE');
    expect(await codeOf(h.gateway.activate(alex, { ...dir(T.roles.authAdmin, '/'), duration: hour }))).toBe(
      'NOT_ELIGIBLE',
    );
    expect(
      await codeOf(
        h.gateway.activate(alex, { ...dir('11111111-2222-3333-4444-555555555555'), duration: hour }),
      ),
    ).toBe('ROLE_NOT_FOUND');
  });

  it('permission problems: narrow scope → PERMISSION_MISSING, app-only self action → refused, bad token → SIGN_IN_REQUIRED', async () => {
    const narrow = await h.sim.identity.issueTokenForTests({ userId: T.alex, scopes: ['User.Read'] });
    h.secrets.push(narrow);
    expect(
      await codeOf(
        h.gateway.activate(withToken(T.alex, narrow), { ...dir(T.roles.globalReader), duration: hour }),
      ),
    ).toBe('PERMISSION_MISSING');
    const app = await h.tokens.appOnlyToken();
    expect(
      await codeOf(
        h.gateway.activate(withToken(T.alex, app), { ...dir(T.roles.globalReader), duration: hour }),
      ),
    ).toBe('PERMISSION_MISSING');
    expect(await codeOf(h.gateway.listMyRequests(withToken(T.alex, 'x.y.z'), 'directoryRole'))).toBe(
      'SIGN_IN_REQUIRED',
    );
  });

  it('an unsupported $filter is a GRAPH_ERROR naming Graph’s code', async () => {
    const failure = h.http.send({
      method: 'GET',
      path: '/v1.0/roleManagement/directory/roleAssignmentScheduleInstances',
      query: { $filter: "startswith(principalId,'1')" },
      token: await h.tokens.appOnlyToken(),
      operation: 'read',
    });
    await expect(failure).rejects.toMatchObject({ code: 'GRAPH_ERROR', details: { status: 400 } });
  });
});
