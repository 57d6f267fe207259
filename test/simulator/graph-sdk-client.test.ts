import {
  Client,
  GraphError,
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { ROLES, SimTestClient, selfActivate, users, useSimTestClient } from './sim-test-client';

/**
 * The official Graph JS client talks to the simulator when only its base URL changes. Its
 * AuthenticationHandler attaches the token only to https Graph (or `customHosts`) URLs, so over
 * plain-http loopback the Authorization header has to come from a small middleware of one's own.
 */
class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    context.options = {
      ...context.options,
      headers: {
        ...(context.options?.headers as Record<string, string>),
        Authorization: `Bearer ${this.token}`,
      },
    };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

describe('simulator with @microsoft/microsoft-graph-client', () => {
  let c: SimTestClient;
  let client: Client;
  useSimTestClient((s) => ({ c } = s));
  beforeAll(async () => {
    const token = await c.userToken(users.alex.userPrincipalName);
    client = Client.initWithMiddleware({
      baseUrl: `${c.sim.graphBaseUrl}/`,
      middleware: [new BearerMiddleware(token), new HTTPMessageHandler()],
    });
  });

  it('reads, activates and surfaces PIM errors with their code', async () => {
    const eligible = await client
      .api("/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')")
      .expand('roleDefinition')
      .get();
    expect(
      eligible.value.map((e: { roleDefinition: { displayName: string } }) => e.roleDefinition.displayName),
    ).toContain('Global Reader');
    const created = await client
      .api('/roleManagement/directory/roleAssignmentScheduleRequests')
      .post(selfActivate(users.alex.id, ROLES.globalReader));
    expect(created.status).toBe('Provisioned');
    const error = await client
      .api('/roleManagement/directory/roleAssignmentScheduleRequests')
      .post(selfActivate(users.alex.id, ROLES.globalReader))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 400, code: 'RoleAssignmentExists' });
    const beta = await client
      .api(`/roleManagement/directory/roleDefinitions/${ROLES.globalReader}`)
      .version('beta')
      .get();
    expect(beta['@odata.context']).toContain('/beta/$metadata');
  });
});
