import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Transpiles (no type check) `entry` and every repo file it requires, transitively, into `outDir`
 * with the same layout, copying required JSON files, so a plain `node` child process can run it
 * without a build. Children resolve packages through NODE_PATH (`childEnv`). Like
 * test/contract/transpile-for-child.ts, plus JSON (the simulator's seed) and the card templates.
 */
export function transpileForChild(outDir: string, entry: string): string {
  // The card renderer finds cards/ beside the nearest package.json above its own file.
  writeFileSync(join(outDir, 'package.json'), '{ "private": true }\n');
  if (!existsSync(join(outDir, 'cards'))) symlinkSync(join(REPO_ROOT, 'cards'), join(outDir, 'cards'), 'dir');
  const pending = [resolve(REPO_ROOT, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const target = outputPath(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(file, target);
      continue;
    }
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
      fileName: file,
    });
    writeFileSync(target, outputText);
    for (const match of outputText.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      pending.push(resolveSource(dirname(file), match[1]));
    }
  }
  return outputPath(outDir, resolve(REPO_ROOT, entry));
}

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules'), ...extra };
}

function outputPath(outDir: string, file: string): string {
  return join(outDir, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
}

function resolveSource(fromDir: string, specifier: string): string {
  const candidates = specifier.endsWith('.json')
    ? [specifier]
    : [`${specifier}.ts`, join(specifier, 'index.ts')];
  for (const candidate of candidates) {
    const path = resolve(fromDir, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error(`Cannot resolve ${specifier} from ${fromDir}`);
}
