import fs from 'node:fs';
import path from 'node:path';

/** One measured figure of the reliability run, with the bound it must stay within. */
export interface Figure {
  check: string;
  value: string;
  bound: string;
  ok: boolean;
}

const figures: Figure[] = [];

export function record(figure: Figure): void {
  figures.push(figure);
}

/** Prints the table (and writes it to reliability-report.md beside package.json). */
export function printTable(title: string): void {
  const rows = [
    `| check | figure | bound | ok |`,
    `|---|---|---|---|`,
    ...figures.map((f) => `| ${f.check} | ${f.value} | ${f.bound} | ${f.ok ? 'yes' : 'NO'} |`),
  ];
  const text = `\n${title}\n\n${rows.join('\n')}\n`;
  process.stdout.write(text);
  fs.writeFileSync(path.join(__dirname, '../../reliability-report.md'), `${text}`, 'utf8');
}
