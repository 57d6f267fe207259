/** The package's two icons and the checks Teams applies to them. */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { MANIFEST_DIR } from './paths';

export const ICON_SPECS = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
} as const;

/** Problems with the icons: sizes, opaque colour icon, white-on-transparent outline icon. */
export function iconProblems(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  const decode = (name: keyof typeof ICON_SPECS, data: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(data);
    } catch (error) {
      problems.push(`${ICON_SPECS[name].file} is not a readable PNG (${(error as Error).message})`);
      return undefined;
    }
  };
  const checkSize = (name: keyof typeof ICON_SPECS, png: PNG) => {
    const { size, file } = ICON_SPECS[name];
    if (png.width !== size || png.height !== size) {
      problems.push(`${file} is ${png.width}×${png.height}; Teams needs ${size}×${size}`);
    }
  };

  const color = decode('color', icons.color);
  if (color) {
    checkSize('color', color);
    let translucent = 0;
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) translucent++;
    if (translucent > 0) {
      problems.push(
        `color.png has ${translucent} transparent pixels; the colour icon must be fully opaque (full-bleed)`,
      );
    }
  }

  const outline = decode('outline', icons.outline);
  if (outline) {
    checkSize('outline', outline);
    let notWhite = 0;
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3];
      if (alpha === 0) {
        transparent++;
        continue;
      }
      visible++;
      if (outline.data[i] !== 255 || outline.data[i + 1] !== 255 || outline.data[i + 2] !== 255) notWhite++;
    }
    if (notWhite > 0) {
      problems.push(
        `outline.png has ${notWhite} visible pixels that are not white; use white (#FFFFFF) on transparent only`,
      );
    }
    if (transparent === 0)
      problems.push('outline.png has no transparent pixels; its background must be transparent');
    if (visible === 0) problems.push('outline.png is fully transparent; it needs a white mark');
  }
  return problems;
}

export function readIcons(manifestDir = MANIFEST_DIR): { color: Buffer; outline: Buffer } {
  return {
    color: fs.readFileSync(path.join(manifestDir, ICON_SPECS.color.file)),
    outline: fs.readFileSync(path.join(manifestDir, ICON_SPECS.outline.file)),
  };
}
