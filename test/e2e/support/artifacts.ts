import fs from 'node:fs';
import path from 'node:path';

/** Where the browser tests keep screenshots and process logs (gitignored). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'e2e');

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

/** Empties the folder at the start of a run so old screenshots are never mistaken for new ones. */
export function resetArtifacts(): void {
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
}
