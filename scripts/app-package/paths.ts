import path from 'node:path';

/** Where packaging reads the template and icons and writes the zip. */
export const ROOT = path.resolve(__dirname, '..', '..');

export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const TEMPLATE_PATH = path.join(MANIFEST_DIR, 'manifest.template.json');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'appPackage.zip');
