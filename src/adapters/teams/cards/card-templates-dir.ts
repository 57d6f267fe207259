import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's `cards/` folder: found by walking up from this file to the folder that holds
 * package.json, so it resolves the same from `src/` (ts-jest) and from `dist/src/` (built).
 */
export function findCardTemplatesDir(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'cards');
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the project root (a folder with package.json) above ${startDir}`);
    }
    dir = parent;
  }
}

const TEMPLATE_SUFFIX = '.json';
const SAMPLE_DATA_SUFFIX = '.data.json';

/** Names of every card template (`cards/<name>.json`, not the `<name>.data.json` samples), sorted. */
export function listCardTemplateNames(dir: string = findCardTemplatesDir()): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(TEMPLATE_SUFFIX) && !file.endsWith(SAMPLE_DATA_SUFFIX))
    .map((file) => file.slice(0, -TEMPLATE_SUFFIX.length))
    .sort();
}

export function cardTemplatePath(dir: string, name: string): string {
  return join(dir, `${name}${TEMPLATE_SUFFIX}`);
}

export function cardSampleDataPath(dir: string, name: string): string {
  return join(dir, `${name}${SAMPLE_DATA_SUFFIX}`);
}
