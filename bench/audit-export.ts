import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createStore } from '../src/adapters/store/create-store';
import { AuditActions } from '../src/domain/audit/audit-actions';
import { ROOT } from './support/processes';

/*
 * `npm run bench:audit-export`: writes 100,000 audit entries to a fresh SQLite store, then runs
 * `audit:export` on them in its own process, once per format, and prints its peak RSS (goal: under
 * 100 MB) and time. The figures are printed, never asserted. ENTRIES overrides the count.
 */
const ENTRIES = Number(process.env.ENTRIES ?? 100_000);
const GOAL_MB = 100;
const CLI = 'dist/src/adapters/audit/audit-export.cli.js';

/** The Node flags `npm run audit:export` runs the CLI with (its heap budget), from package.json. */
function exportNodeFlags(): string[] {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const match = new RegExp(`node ((?:--\\S+ )*)${CLI}`).exec(scripts['audit:export'] ?? '');
  if (!match) throw new Error(`package.json's audit:export script does not run ${CLI}`);
  return match[1].trim().split(' ').filter(Boolean);
}

async function writeEntries(sqlitePath: string): Promise<number> {
  const store = await createStore({ sqlitePath });
  const started = Date.now();
  const start = DateTime.utc().minus({ days: 6 });
  try {
    for (let i = 0; i < ENTRIES; i += 1) {
      await store.audit.append({
        at: start.plus({ seconds: i * 5 }),
        actorId: '1c6746ba-c423-483e-9f30-18038d766593',
        actorName: 'Alex Morgan',
        principalId: '1c6746ba-c423-483e-9f30-18038d766593',
        principalName: 'Alex Morgan',
        action: i % 3 ? AuditActions.activationActivated : AuditActions.approvalDecided,
        target: 'Exchange Administrator @ Directory',
        outcome: i % 3 ? 'succeeded' : 'approved',
        roleId: '29232cdf-9323-42fd-ade2-1d097af3e4de',
        roleName: 'Exchange Administrator',
        scopeId: '/',
        scopeName: 'Directory',
        requestId: `0b4e8a3c-${String(i).padStart(4, '0').slice(-4)}-4f00-9c00-5a1b2c3d4e5f`,
        justification: `Mailbox migration, batch ${i}: "re-enable transport rules", then verify`,
        ticket: `INC-${i}`,
        conversationId: 'a:personal-1c6746ba',
        clientRequestId: '11111111-2222-4333-8444-555555555555',
        details: { activationOutcome: 'activated', duration: 'PT2H' },
      });
    }
  } finally {
    await store.close();
  }
  return Date.now() - started;
}

/** Runs the export CLI in a child process; its peak RSS comes from the child itself on exit. */
function runExport(
  sqlitePath: string,
  format: string,
  out: string,
  preload: string,
): Promise<{ ms: number; peakMb: number; bytes: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...exportNodeFlags(),
        '--require',
        preload,
        path.join(ROOT, CLI),
        '--since',
        '7d',
        '--format',
        format,
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const peak = /maxRSS_KB=(\d+)/.exec(stderr);
      if (code !== 0 || !peak) return reject(new Error(`export failed (${code}): ${stderr}`));
      resolve({ ms: Date.now() - started, peakMb: Number(peak[1]) / 1024, bytes: fs.statSync(out).size });
    });
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-bench-export-'));
  try {
    const sqlitePath = path.join(dir, 'elevate.sqlite');
    const preload = path.join(dir, 'print-max-rss.js');
    fs.writeFileSync(
      preload,
      "process.on('exit', () => require('fs').writeSync(2, '\\nmaxRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
    process.stderr.write(`bench: writing ${ENTRIES.toLocaleString('en-US')} audit entries to SQLite…\n`);
    const writeMs = await writeEntries(sqlitePath);
    const rows: string[] = [
      `audit:export of ${ENTRIES.toLocaleString('en-US')} entries (SQLite; written in ${(writeMs / 1000).toFixed(1)} s)`,
    ];
    for (const format of ['csv', 'jsonl']) {
      const result = await runExport(sqlitePath, format, path.join(dir, `trail.${format}`), preload);
      rows.push(
        `  ${format.padEnd(5)}  peak RSS ${result.peakMb.toFixed(1)} MB (goal < ${GOAL_MB} MB: ${result.peakMb < GOAL_MB ? 'met' : 'MISSED'})` +
          `  ${(result.ms / 1000).toFixed(1)} s  ${(result.bytes / 1024 / 1024).toFixed(1)} MB written`,
      );
    }
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:audit-export failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
