import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { record } from './figures';

/**
 * "Crash: SIGKILL during sends, restart, nothing lost" (issue 14): the reconciler's SIGKILL test
 * (test/integration/reconciler/sigkill-restart.test.ts, three instances on PostgreSQL) run from
 * here, so its count lands in this table (it records it when RELIABILITY_FIGURES_FILE is set).
 */
const ROOT = join(__dirname, '../..');

test('SIGKILL during sends, restart: every reminder delivered, duplicates at most one per kill', async () => {
  if (!process.env.TEST_DATABASE_URL) {
    record({
      check: 'SIGKILL while sending reminders, then restart',
      value: 'not run: TEST_DATABASE_URL is not set',
      bound: 'run with PostgreSQL',
      ok: false,
    });
    throw new Error(
      'Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) for the SIGKILL run.',
    );
  }
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/.bin/jest'),
      '--config',
      join(ROOT, 'jest.config.js'),
      'test/integration/reconciler/sigkill-restart.test.ts',
    ],
    { cwd: ROOT, env: process.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    record({
      check: 'SIGKILL while sending reminders, then restart',
      value: `the test failed (exit ${String(code)})`,
      bound: 'passes',
      ok: false,
    });
  }
  expect(`exit ${String(code)}`).toBe(`exit 0${code === 0 ? '' : `\n${output}`}`);
});
