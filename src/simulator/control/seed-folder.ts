import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/project-root';
import { ControlError } from './control-route';

/** Where `POST /_sim/seed {"path"}` may read from: the project's seed folder, nothing else. */
export function seedFolder(): string {
  return path.join(projectRoot(), 'src', 'simulator', 'seed');
}

/**
 * Resolves a seed path given to the control API (a file name such as `demo-tenant.json`, or a
 * path) inside the seed folder. Anything outside it (`../../.env`, `/etc/passwd`, a symlink
 * leading out) or not a .json file is refused: the control API has no authentication, and the
 * error messages of a failed parse would echo the file's content.
 */
export function seedFilePath(requested: string): string {
  const folder = fs.realpathSync(seedFolder());
  const refuse = (): never => {
    throw new ControlError(
      403,
      `Only .json seed files in the project's seed folder (src/simulator/seed) can be loaded by path; '${requested}' is not one. ` +
        'Send the seed object itself as the body to load any other seed.',
    );
  };
  if (requested.length > 500 || requested.includes('\0')) refuse();
  const candidate = path.resolve(folder, requested);
  if (path.extname(candidate).toLowerCase() !== '.json') refuse();
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    if (!candidate.startsWith(folder + path.sep)) refuse();
    throw new ControlError(404, `There is no seed file '${path.basename(candidate)}' in src/simulator/seed.`);
  }
  if (!real.startsWith(folder + path.sep)) refuse();
  return real;
}
