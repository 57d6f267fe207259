import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { createIdentity, type Identity } from '../../../src/simulator/identity';
import type { SeedDirectory } from '../../../src/simulator/directory-types';
import { SimClock } from '../../../src/simulator/sim-clock';
import seed from '../../../src/simulator/seed/demo-tenant.json';

export interface IdentityServer {
  baseUrl: string;
  authority: string;
  tenantId: string;
  identity: Identity;
  /** Token endpoint hits since start. */
  tokenRequests: () => number;
  close(): Promise<void>;
}

/** The simulator's real identity routes on a loopback restify server. */
export async function startIdentityServer(): Promise<IdentityServer> {
  const directory = seed as unknown as SeedDirectory;
  let baseUrl = '';
  let tokenHits = 0;
  const identity = createIdentity({
    clock: new SimClock(),
    getDirectory: () => directory,
    baseUrl: () => baseUrl,
  });
  const server = restify.createServer();
  server.pre((req, _res, next) => {
    if (req.url?.includes('/oauth2/v2.0/token')) tokenHits += 1;
    next();
  });
  server.use(restify.plugins.queryParser());
  identity.registerRoutes(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    authority: `${baseUrl}/${directory.tenant.id}`,
    tenantId: directory.tenant.id,
    identity,
    tokenRequests: () => tokenHits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
