import type { Clock } from '../../ports/clock';
import type { RunningSimulator } from '../../simulator';
import type { SimulatedTeamsSso } from '../teams/sso/demo-sso-token-source';

/**
 * What demo mode takes from the simulator tenant, wherever it runs: in this process (the default)
 * or in another one on loopback (SIMULATOR_URL, see remote-demo-tenant.ts).
 */
export interface DemoTenant {
  /** http://127.0.0.1:PORT, the simulator's base URL. */
  baseUrl: string;
  graphBaseUrl: string;
  /** The Entra authority for msal: `${baseUrl}/${tenantId}`. */
  authority: string;
  tenantId: string;
  /** The bot's app registration in the seed. */
  app: { clientId: string; clientSecret: string };
  /** The simulator's clock (the bot follows it, so moving it drives reminders). */
  clock: Clock;
  /** The seed's "Elevate Admins" group: demo mode's admin group when ADMIN_GROUP_ID is unset. */
  adminGroupId?: string;
  /** Stands in for Teams' silent SSO. */
  sso: SimulatedTeamsSso;
  /** Adds a redirect URI to the bot's app registration (the step-up callback of this run). */
  registerRedirectUri(uri: string): Promise<void>;
  close(): Promise<void>;
}

/** A simulator running in this process; closing the tenant closes it only when `owned`. */
export function inProcessDemoTenant(simulator: RunningSimulator, owned: boolean): DemoTenant {
  const app = simulator.state.directory.apps[0];
  if (!app) throw new Error('demo mode needs an app registration in the simulator seed');
  return {
    baseUrl: simulator.baseUrl,
    graphBaseUrl: simulator.graphBaseUrl,
    authority: simulator.authority,
    tenantId: simulator.tenantId,
    app: { clientId: app.appId, clientSecret: app.clientSecret },
    clock: simulator.clock,
    adminGroupId: demoAdminGroupId(simulator.state.directory.groups),
    sso: simulator.identity,
    registerRedirectUri: async (uri) => {
      if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
    },
    close: owned ? () => simulator.close() : async () => undefined,
  };
}

/** The seed's "Elevate Admins" group, if it has one. */
export function demoAdminGroupId(groups: readonly { id: string; displayName: string }[]): string | undefined {
  return groups.find((g) => g.displayName === 'Elevate Admins')?.id;
}
