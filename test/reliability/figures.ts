import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured figure of the reliability run, with the bound it must stay within. */
export interface Figure {
  check: string;
  value: string;
  bound: string;
  ok: boolean;
}

/**
 * Figures go to one file per run (named by global-setup.ts), because each reliability file runs in
 * its own module registry; global-teardown.ts prints them all as one table.
 */
function figuresFile(): string {
  return process.env.RELIABILITY_FIGURES_FILE ?? path.join(os.tmpdir(), 'elevate-reliability-figures.jsonl');
}

export function startFigures(): void {
  const file = path.join(os.tmpdir(), `elevate-reliability-${process.pid}-${Date.now()}.jsonl`);
  fs.writeFileSync(file, '', 'utf8');
  process.env.RELIABILITY_FIGURES_FILE = file;
}

export function record(figure: Figure): void {
  fs.appendFileSync(figuresFile(), `${JSON.stringify(figure)}\n`, 'utf8');
}

/** Prints the table (and writes it to reliability-report.md beside package.json). */
export function printTable(title: string): void {
  const file = figuresFile();
  const figures = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Figure)
    : [];
  const rows = [
    `| check | figure | bound | ok |`,
    `|---|---|---|---|`,
    ...figures.map((f) => `| ${f.check} | ${f.value} | ${f.bound} | ${f.ok ? 'yes' : 'NO'} |`),
  ];
  const text = `\n${title}\n\n${rows.join('\n')}\n`;
  process.stdout.write(text);
  fs.writeFileSync(path.join(__dirname, '../../reliability-report.md'), `${text}`, 'utf8');
  fs.rmSync(file, { force: true });
}

/** The run's sizes, from the environment (CI runs smaller counts; the table's title says which ran). */
export const sizes = {
  conversations: Number(process.env.RELIABILITY_CONVERSATIONS ?? 200),
  fuzzRuns: Number(process.env.RELIABILITY_FUZZ_RUNS ?? 10_000),
  raceRounds: Number(process.env.RELIABILITY_RACE_ROUNDS ?? 20),
  npmTestRuns: Number(process.env.RELIABILITY_NPM_TEST_RUNS ?? 5),
};
