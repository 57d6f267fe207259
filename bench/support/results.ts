/** One measured figure beside its goal. `met` is undefined where the issue sets no goal (context only). */
export interface Figure {
  section: string;
  figure: string;
  value: number | string;
  unit: string;
  goal?: string;
  met?: boolean;
  note?: string;
}

export class Results {
  readonly figures: Figure[] = [];

  add(figure: Figure): void {
    this.figures.push(figure);
    process.stderr.write(
      `  ${figure.section} · ${figure.figure}: ${format(figure.value)} ${figure.unit}${verdict(figure)}\n`,
    );
  }

  table(): string {
    const rows = [
      ['section', 'figure', 'value', 'goal', 'result'],
      ...this.figures.map((f) => [
        f.section,
        f.figure,
        `${format(f.value)} ${f.unit}`.trim(),
        f.goal ?? '',
        f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
      ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    return [
      line(rows[0]),
      `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.slice(1).map(line),
    ].join('\n');
  }
}

export function format(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function verdict(f: Figure): string {
  if (f.met === undefined) return f.goal ? ` (goal ${f.goal})` : '';
  return ` (goal ${f.goal}: ${f.met ? 'met' : 'MISSED'})`;
}

/** The q-th percentile (0..100) of `values` (nearest rank). */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank];
}
