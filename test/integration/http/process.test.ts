import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort, seedUsers as u, SEED_TENANT_ID } from '../../fixtures/bot-harness';
import { startFakeConnector, type FakeConnector } from '../../fixtures/fake-connector';

/** `node dist/src/main.js` as a real process: start-up errors (exit 2) and SIGTERM draining. */
const root = path.resolve(__dirname, '../../..');
const main = path.join(root, 'dist/src/main.js');
let workDir: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-if-needed.js')], {
    cwd: root,
    stdio: 'pipe',
  });
  // An empty working directory: no .env is read, the default .data/ stays out of the repo.
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-process-'));
}, 180_000);
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [main], {
    cwd: workDir,
    env: { PATH: process.env.PATH ?? '', HOME: workDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitForOutput(r: Run, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(r.stdout())) {
    if (Date.now() > deadline || r.child.exitCode !== null) {
      throw new Error(`process did not print ${pattern}:\n${r.stdout()}\n${r.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('PORT=abc DATABASE_URL=nope exits 2 naming both keys and what is allowed', async () => {
  const r = run({ PORT: 'abc', DATABASE_URL: 'nope' });
  const { code } = await r.exited;
  expect(code).toBe(2);
  const err = r.stderr();
  expect(err).toContain('2 configuration problems');
  expect(err).toContain('PORT is "abc": must be a whole number from 1 to 65535');
  expect(err).toMatch(/DATABASE_URL is \(value hidden\): must be a PostgreSQL URL/);
  expect(err).toContain('See .env.example');
}, 30_000);

test('HOST=0.0.0.0 in demo mode exits 2 explaining why', async () => {
  const r = run({ HOST: '0.0.0.0' });
  const { code } = await r.exited;
  expect(code).toBe(2);
  expect(r.stderr()).toContain('HOST is 0.0.0.0, but without MicrosoftAppId Elevate runs in demo mode');
  expect(r.stderr()).toContain('only safe on a loopback address');
}, 30_000);

describe('SIGTERM', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterAll(async () => connector?.close());

  test('finishes the in-flight turn and exits 0 within 10 s', async () => {
    const port = await freePort();
    const simulatorPort = await freePort();
    const r = run({
      PORT: String(port),
      SIMULATOR_PORT: String(simulatorPort),
      SQLITE_PATH: path.join(workDir, 'drain.sqlite'),
      LOG_LEVEL: 'info',
    });
    try {
      await waitForOutput(r, /Elevate is listening on/, 60_000);
      // Slow the simulator's Graph down so the turn is still running when SIGTERM arrives.
      const fault = await fetch(`http://127.0.0.1:${simulatorPort}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: '/v1.0/*', kind: 'latency', latencyMs: 1500, count: 2 }),
      });
      expect(fault.status).toBeLessThan(300);

      const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: randomUUID(),
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: `29:${u.alex.id}`, name: u.alex.displayName, aadObjectId: u.alex.id },
          recipient: { id: '28:elevate', name: 'Elevate' },
          conversation: { id: 'a:drain', conversationType: 'personal', tenantId: SEED_TENANT_ID },
          channelData: { tenant: { id: SEED_TENANT_ID } },
          text: 'roles',
        }),
      });
      await connector.waitFor((c) => c.body.type === 'typing', 10_000);
      const sentAt = Date.now();
      r.child.kill('SIGTERM');

      const response = await turn;
      expect(response.status).toBe(200);
      const card = await connector.waitFor(
        (c) => c.conversationId === 'a:drain' && Array.isArray(c.body.attachments),
        10_000,
      );
      expect(JSON.stringify(card.body)).toContain('Your PIM roles');

      const { code, atMs } = await r.exited;
      expect(code).toBe(0);
      expect(atMs - sentAt).toBeLessThan(10_000);
      expect(r.stdout()).toContain('shutting down: no new requests, finishing in-flight turns');
      expect(r.stdout()).toContain('stopped cleanly');
    } finally {
      if (r.child.exitCode === null) r.child.kill('SIGKILL');
    }
  }, 90_000);
});
