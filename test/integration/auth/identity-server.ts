import { startSimulator } from '../../../src/simulator';
import type { Identity } from '../../../src/simulator/identity';

export interface IdentityServer {
  baseUrl: string;
  authority: string;
  tenantId: string;
  identity: Identity;
  /** Token endpoint hits since the simulator started (from its request log). */
  tokenRequests: () => Promise<number>;
  close(): Promise<void>;
}

/** The simulator tenant (demo seed); auth tests use its Entra endpoints. */
export async function startIdentityServer(): Promise<IdentityServer> {
  const sim = await startSimulator({ port: 0 });
  return {
    baseUrl: sim.baseUrl,
    authority: sim.authority,
    tenantId: sim.tenantId,
    identity: sim.identity,
    tokenRequests: async () => {
      const response = await fetch(`${sim.baseUrl}/_sim/requests?method=POST&path=/oauth2/v2.0/token`);
      const body = (await response.json()) as { value: unknown[] };
      return body.value.length;
    },
    close: () => sim.close(),
  };
}
