import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const REPO_ROOT = join(__dirname, '..', '..');

/**
 * Transpiles (no type check) `entry` and every repo file it imports, transitively, into
 * `outDir` with the same layout, so a plain `node` child process can require it without a build
 * or a TS loader. Returns the path of the entry's .js file. Children resolve packages through
 * NODE_PATH (see `childEnv`).
 */
export function transpileForChild(outDir: string, entry: string): string {
  const pending = [resolve(REPO_ROOT, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    });
    const target = outputPath(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const match of outputText.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      pending.push(resolveTs(dirname(file), match[1]));
    }
  }
  return outputPath(outDir, resolve(REPO_ROOT, entry));
}

/** Environment for a child that requires transpiled files living outside the repo. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') };
}

function outputPath(outDir: string, file: string): string {
  return join(outDir, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
}

function resolveTs(fromDir: string, specifier: string): string {
  for (const candidate of [`${specifier}.ts`, join(specifier, 'index.ts')]) {
    const path = resolve(fromDir, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error(`Cannot resolve ${specifier} from ${fromDir} to a .ts file`);
}
