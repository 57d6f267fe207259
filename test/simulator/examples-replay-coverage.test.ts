import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR } from './example-shape';
import { EXAMPLES_REPLAYED_BY } from './examples-replay-manifest';

/**
 * The replay of ../shared/graph-pim/examples as a whole: the schema it validates against, and that
 * its parts (examples-replay-*.test.ts, each checking it replayed its list) cover INDEX.json.
 */
describe('documented Graph PIM examples replayed against the simulator', () => {
  it('the schema copy is the shared openapi-subset.json', () => {
    const shared = readFileSync(join(EXAMPLES_DIR, '..', 'openapi-subset.json'), 'utf8');
    const local = readFileSync(join(__dirname, '../../src/simulator/schema/openapi-subset.json'), 'utf8');
    expect(JSON.parse(local)).toEqual(JSON.parse(shared));
  });

  it('every part of the manifest is replayed by one examples-replay test file', () => {
    const parts = readdirSync(__dirname)
      .filter((name) => /^examples-replay-.*\.test\.ts$/.test(name))
      .flatMap((name) => {
        const text = readFileSync(join(__dirname, name), 'utf8');
        return [...text.matchAll(/describeExamplesReplay\(\s*'[^']*',\s*'(\w+)'/g)].map((m) => m[1]);
      });
    expect(parts.sort()).toEqual(Object.keys(EXAMPLES_REPLAYED_BY).sort());
  });

  it('covers every example listed in INDEX.json', () => {
    const covered = new Set<string>(Object.values(EXAMPLES_REPLAYED_BY).flat());
    const index = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'INDEX.json'), 'utf8')) as {
      examples: { file: string }[];
    };
    const requestFiles = index.examples.map((e) => e.file).filter((f) => f.endsWith('.request.json'));
    const used = new Set([
      ...covered,
      ...requestFiles.filter((f) => covered.has(f.replace('.request.json', '.response.json'))),
    ]);
    expect(index.examples.map((e) => e.file).filter((f) => !used.has(f))).toEqual([]);
  });
});
