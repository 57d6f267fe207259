import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureEcho, measureElevate, startBackends } from './chat-path';
import { measureReconciler } from './reconciler';
import { measureReminderBurst } from './reminders';
import { measureFootprint } from './footprint';
import { ROOT } from './support/processes';
import { Results } from './support/results';

/*
 * `npm run bench [-- SECTION ...]`: Elevate's performance figures beside the goals of issue F10,
 * on loopback only, every loop bounded. Sections: chat, reconciler, reminders, footprint (default
 * all). Prints a table and writes bench/results.json. DATABASE_URL (PostgreSQL) adds a chat-path
 * run on that database. BENCH_SECONDS sets the length of each load run (default 10).
 */
const SECTIONS = ['chat', 'reconciler', 'reminders', 'footprint'] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  for (const a of asked) {
    if (!SECTIONS.includes(a as Section))
      throw new Error(`Unknown section '${a}'. Sections: ${SECTIONS.join(', ')}.`);
  }
  const sections = new Set<Section>(asked.length ? (asked as Section[]) : SECTIONS);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!(seconds >= 1 && seconds <= 30)) throw new Error('BENCH_SECONDS must be a number from 1 to 30.');
  const started = Date.now();
  const results = new Results();
  process.stderr.write(
    `bench: ${[...sections].join(', ')} on ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)})\n`,
  );

  if (sections.has('chat')) {
    const backends = await startBackends();
    try {
      const echo = await measureEcho(results, backends.connector, seconds);
      await measureElevate(results, backends, echo, { seconds });
      if (process.env.DATABASE_URL) {
        await measureElevate(results, backends, echo, {
          seconds: Math.min(seconds, 5),
          databaseUrl: process.env.DATABASE_URL,
        });
      }
    } finally {
      await backends.stop();
    }
  }

  if (sections.has('reconciler')) await measureReconciler(results);
  if (sections.has('reminders')) await measureReminderBurst(results);
  if (sections.has('footprint')) await measureFootprint(results);

  const table = results.table();
  process.stdout.write(`\n${table}\n\n`);
  const file = path.join(ROOT, 'bench', 'results.json');
  const report = {
    ranAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      loadAverage1m: os.loadavg()[0],
      node: process.version,
    },
    sections: [...sections],
    figures: results.figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)} (${report.seconds} s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
