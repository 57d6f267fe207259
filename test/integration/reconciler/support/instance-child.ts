/**
 * One Elevate instance in its own process, for the SIGKILL test. It talks to the test's simulator
 * over HTTP (Graph, Entra), to the test's PostgreSQL schema, and to the test's fake connector
 * (through the conversation references stored there). Prints "ready" when its scheduler runs.
 *
 * Environment: SIM_URL, SIM_TENANT_ID, DATABASE_URL, STORE_SCHEMA, PORT. Warnings go to stderr.
 */
import { createLogger } from '../../../../src/adapters/observability/logger';
import { startElevate } from '../../../../src/composition-root';
import { loadConfig } from '../../../../src/config/config';
import type { RunningSimulator } from '../../../../src/simulator';
import { SimClock } from '../../../../src/simulator/sim-clock';
import demoTenant from '../../../../src/simulator/seed/demo-tenant.json';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`instance-child: ${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const baseUrl = required('SIM_URL');
  const tenantId = required('SIM_TENANT_ID');
  // The simulator runs in the parent; this process reaches it over HTTP only. Its clock has no
  // offset (the test never advances it), so a plain SimClock here tells the same time.
  const simulator = {
    baseUrl,
    graphBaseUrl: baseUrl,
    authority: `${baseUrl}/${tenantId}`,
    tenantId,
    clock: new SimClock(),
    state: { directory: { apps: demoTenant.apps, groups: demoTenant.groups } },
    identity: {
      issueTokenForTests: () => Promise.reject(new Error('no user sign-in in the scheduler child')),
    },
    close: async () => undefined,
  } as unknown as RunningSimulator;
  const config = loadConfig({
    PORT: required('PORT'),
    DATABASE_URL: required('DATABASE_URL'),
    LOG_LEVEL: 'warn',
    RECONCILE_INTERVAL_SECONDS: '1',
    WORK_LEASE_SECONDS: '3',
    PROACTIVE_SEND_RATE_PER_SECOND: '40',
  });
  await startElevate(config, {
    logger: createLogger({ level: 'warn', destination: process.stderr }),
    simulator,
    storeSchema: required('STORE_SCHEMA'),
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`instance-child failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
