import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The folder holding Elevate's package.json, found from this file whether run from src/ or dist/. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'elevate') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Elevate's package.json above ${__dirname}`);
    dir = parent;
  }
}
