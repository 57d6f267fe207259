import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { StoreAuditLog } from '../../../src/adapters/audit/store-audit-log';
import { AUDIT_EXPORT_COLUMNS, csvField } from '../../../src/adapters/audit/audit-export-formats';
import { runAuditExport } from '../../../src/adapters/audit/run-audit-export';
import { AuditActions } from '../../../src/domain/audit/audit-actions';
import type { Store } from '../../../src/ports/stores';
import { availableBackends, type StoreBackend } from '../../contract/store-backends';

/**
 * Issue 16: `npm run audit:export` on both store backends. CSV is read back with csv-parse (a
 * real RFC 4180 parser), JSONL line by line; bad arguments get a clear answer and exit code 2.
 */
const NOW = DateTime.fromISO('2026-12-03T12:00:00Z', { zone: 'utc' });
const clock = { now: () => NOW, sleep: async () => undefined };
const tricky = [
  'plain',
  'a, comma',
  'a "quoted" word',
  'two\r\nlines',
  'only\nLF',
  '  spaces kept  ',
  'Ünïcödé — “curly” ✓',
  '=1+1',
];

const ENTRIES = 600;
const STEP_MINUTES = 20;

describe.each(availableBackends())('audit:export on %s', (_name, makeBackend) => {
  let backend: StoreBackend;
  let store: Store;
  let audit: StoreAuditLog;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-export-'));

  beforeAll(async () => {
    backend = makeBackend();
    store = await (await backend.freshDatabase()).open();
    audit = new StoreAuditLog({ audit: store.audit, clock });
    // 600 entries over ten days (more than two export pages of 250 in the last 7 days), then the
    // tricky texts. Each append is a round trip: more entries only made the set-up slow under load.
    for (let i = 0; i < ENTRIES; i += 1) {
      await store.audit.append({
        at: NOW.minus({ minutes: 10 * 24 * 60 - i * STEP_MINUTES }),
        actorId: `user-${i % 7}`,
        action: AuditActions.activationActivated,
        target: 'Global Reader @ Directory',
        outcome: 'succeeded',
        details: { n: i },
        roleName: 'Global Reader',
      });
    }
    for (const [i, text] of tricky.entries()) {
      await store.audit.append({
        at: NOW.minus({ minutes: 1 }),
        actorId: 'tricky',
        actorName: text,
        action: AuditActions.requestRefused,
        target: 'x',
        outcome: 'refused',
        justification: text,
        reason: `R${i}`,
        details: { text },
      });
    }
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let stderr = '';
    const code = await runAuditExport({
      argv,
      stdout,
      stderr: { write: (text: string) => ((stderr += text), true) },
      clock,
      openAuditLog: async () => ({ audit, close: async () => undefined }),
    });
    return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr };
  }

  test('CSV parses with a real parser: header, every entry oldest first, tricky text intact', async () => {
    const { code, stdout, stderr } = await run(['--since', '7d', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.endsWith('\r\n')).toBe(true);
    const rows = parse(stdout, { columns: true, relax_quotes: false }) as Record<string, string>[];
    const inWindow = ENTRIES - Math.ceil((3 * 24 * 60) / STEP_MINUTES);
    expect(rows).toHaveLength(inWindow + tricky.length);
    expect(Object.keys(rows[0])).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const times = rows.map((r) => r.time);
    expect([...times].sort()).toEqual(times);
    expect(times[0] >= NOW.minus({ days: 7 }).toISO()!).toBe(true);
    const trickyRows = rows.filter((r) => r.actor_id === 'tricky');
    expect(trickyRows.map((r) => r.justification)).toEqual(tricky);
    expect(trickyRows.map((r) => JSON.parse(r.details))).toEqual(tricky.map((text) => ({ text })));
    expect(rows[0]).toMatchObject({ action: 'activation.activated', role_name: 'Global Reader', ticket: '' });
    expect(stderr).toContain(`wrote ${inWindow + tricky.length} entries`);
  });

  test('JSONL: one object per line, every field present', async () => {
    const out = path.join(dir, 'trail.jsonl');
    const { code, stdout } = await run([
      '--since',
      '2026-12-01T12:00:00Z',
      '--format',
      'jsonl',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = fs.readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(objects.filter((o) => o.actor_id === 'tricky').map((o) => o.actor_name)).toEqual(tricky);
    for (const o of objects) expect(Object.keys(o)).toEqual([...AUDIT_EXPORT_COLUMNS]);
    // Two days back: the ten-day run's entries from the one eight days in, and the tricky ones.
    const first = Math.ceil((8 * 24 * 60) / STEP_MINUTES);
    const exported = objects.filter((o) => o.action !== AuditActions.auditExported);
    expect(exported).toHaveLength(ENTRIES - first + tricky.length);
    expect(exported[0]).toMatchObject({ details: { n: first }, time: '2026-12-01T12:00:00.000Z' });
  });

  test('the export itself is recorded in the trail', async () => {
    await run(['--since', '1h', '--format', 'jsonl']);
    const [last] = await store.audit.list({ limit: 1 });
    expect(last).toMatchObject({ action: AuditActions.auditExported, outcome: 'succeeded' });
    expect(last.details).toMatchObject({ format: 'jsonl', toFile: false });
  });

  test.each([
    [[], /--since is missing/],
    [['--since', '7d'], /--format is missing: csv or jsonl/],
    [['--since', '7d', '--format', 'xml'], /--format "xml" is not a format I write: use csv or jsonl/],
    [['--since', 'lately', '--format', 'csv'], /--since "lately" is neither a duration/],
    [['--since', '2026-13-45', '--format', 'csv'], /--since "2026-13-45" is not a valid date/],
    [['--since', '2027-01-01', '--format', 'csv'], /is in the future/],
    [['--since', '7d', '--format', 'csv', '--colour'], /Unknown option '--colour'/],
    [['--since', '7d', '--format', 'csv', 'extra'], /Unexpected argument 'extra'/],
    [['--since', '7d', '--format', 'csv', '--out', ''], /--out is empty/],
  ])('bad arguments %j: a clear answer, the usage and exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run -s audit:export');
  });
});

test('any text survives CSV quoting and csv-parse (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }),
      (fields) => {
        const line = `${fields.map(csvField).join(',')}\r\n`;
        const [row] = parse(line, { relax_column_count: false }) as string[][];
        expect(row).toEqual(fields);
      },
    ),
  );
});
