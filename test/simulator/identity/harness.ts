import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as restify from 'restify';
import type { SeedDirectory } from '../../../src/simulator/directory-types';
import { createIdentity, type Identity } from '../../../src/simulator/identity';
import { SimClock } from '../../../src/simulator/sim-clock';

export const SEED_PATH = join(__dirname, '../../../src/simulator/seed/demo-tenant.json');

export function loadSeed(): SeedDirectory {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as SeedDirectory;
}

export interface IdentityHarness {
  baseUrl: string;
  clock: SimClock;
  directory: SeedDirectory;
  identity: Identity;
  close(): Promise<void>;
}

/**
 * A bare restify server on 127.0.0.1, port 0, with only the identity routes. `parsers: false` leaves
 * bodies unparsed (the routes must read them themselves).
 */
export async function startIdentityServer(options: { parsers?: boolean } = {}): Promise<IdentityHarness> {
  const clock = new SimClock();
  const directory = loadSeed();
  let baseUrl = '';
  const identity = createIdentity({ clock, getDirectory: () => directory, baseUrl: () => baseUrl });
  const server = restify.createServer({ name: 'identity-test' });
  if (options.parsers !== false) {
    server.use(restify.plugins.queryParser());
    server.use(restify.plugins.bodyParser());
  }
  identity.registerRoutes(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    clock,
    directory,
    identity,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const APP_ID = '00000000-0000-0000-0000-0000e1e7a7e0';
export const APP_SECRET = 'elevate-demo-secret';
export const TENANT_ID = '5f1c0c8e-7a2b-4d7e-9a61-2c4b8f0e3d21';
export const ALEX = {
  id: '1c6746ba-c423-483e-9f30-18038d766593',
  upn: 'alex.morgan@contoso.example',
  password: 'demo',
};
export const REDIRECT_URI = 'http://127.0.0.1:3978/auth/step-up/callback';

/** Decodes a JWT's payload without verifying it (tests verify separately). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

export function tokenUrl(h: IdentityHarness, tenant: string = TENANT_ID): string {
  return `${h.baseUrl}/${tenant}/oauth2/v2.0/token`;
}
