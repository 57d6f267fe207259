import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

/** Reads `.env` from the working directory when present; real environment variables win. */
export function loadDotenv(cwd: string = process.cwd()): string | undefined {
  const file = path.join(cwd, '.env');
  if (!fs.existsSync(file)) return undefined;
  dotenv.config({ path: file, override: false, quiet: true });
  return file;
}
