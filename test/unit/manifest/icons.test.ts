import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { iconProblems, readIcons, ROOT } from '../../../scripts/package-app';

// See package-app.test.ts: strip-bom is ES-module-only and unused by these tests.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) image.data.set(pixel(x, y), (y * size + x) * 4);
  }
  return PNG.sync.write(image);
}

function pixels(file: string): { png: PNG; rgba: Array<[number, number, number, number]> } {
  const image = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'manifest', file)));
  const rgba: Array<[number, number, number, number]> = [];
  for (let i = 0; i < image.data.length; i += 4) {
    rgba.push([image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]]);
  }
  return { png: image, rgba };
}

describe('the committed icons', () => {
  it('colour icon is 192×192 and fully opaque, with a mark on the background', () => {
    const { png: image, rgba } = pixels('color.png');
    expect([image.width, image.height]).toEqual([192, 192]);
    expect(rgba.every(([, , , a]) => a === 255)).toBe(true);
    const colours = new Set(rgba.map(([r, g, b]) => `${r},${g},${b}`));
    expect(colours.has('255,255,255')).toBe(true);
    expect(colours.size).toBeGreaterThan(2);
  });

  it('outline icon is 32×32, only white and transparent, with both present', () => {
    const { png: image, rgba } = pixels('outline.png');
    expect([image.width, image.height]).toEqual([32, 32]);
    const visible = rgba.filter(([, , , a]) => a > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(rgba.filter(([, , , a]) => a === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible.filter(([, , , a]) => a === 255).length).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('pass the packaging checks', () => {
    expect(iconProblems(readIcons())).toEqual([]);
  });

  it('are what scripts/make-icons.js draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeIcons } = require('../../../scripts/make-icons.js') as {
      makeIcons(dir: string): { colour: Buffer; outline: Buffer };
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elevate-icons-'));
    try {
      const drawn = makeIcons(dir);
      const committed = readIcons();
      expect(PNG.sync.read(drawn.colour).data.equals(PNG.sync.read(committed.color).data)).toBe(true);
      expect(PNG.sync.read(drawn.outline).data.equals(PNG.sync.read(committed.outline).data)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('iconProblems', () => {
  const white = (): [number, number, number, number] => [255, 255, 255, 255];
  const clear = (): [number, number, number, number] => [0, 0, 0, 0];
  const goodOutline = png(32, (x) => (x < 16 ? white() : clear()));
  const goodColour = png(192, () => [62, 79, 184, 255]);

  it('accepts icons that meet the rules', () => {
    expect(iconProblems({ color: goodColour, outline: goodOutline })).toEqual([]);
  });

  it('names wrong sizes', () => {
    expect(
      iconProblems({
        color: png(96, () => [0, 0, 0, 255]),
        outline: png(48, (x) => (x < 4 ? white() : clear())),
      }),
    ).toEqual(['color.png is 96×96; Teams needs 192×192', 'outline.png is 48×48; Teams needs 32×32']);
  });

  it('rejects a colour icon with transparency', () => {
    const problems = iconProblems({
      color: png(192, (x) => (x === 0 ? [0, 0, 0, 0] : [0, 0, 0, 255])),
      outline: goodOutline,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^color\.png has 192 transparent pixels; .*fully opaque/),
    ]);
  });

  it('rejects coloured, fully opaque or empty outline icons', () => {
    const grey = iconProblems({
      color: goodColour,
      outline: png(32, (x) => (x === 0 ? [128, 128, 128, 255] : clear())),
    });
    expect(grey).toEqual([expect.stringMatching(/^outline\.png has 32 visible pixels that are not white/)]);
    expect(iconProblems({ color: goodColour, outline: png(32, white) })).toEqual([
      'outline.png has no transparent pixels; its background must be transparent',
    ]);
    expect(iconProblems({ color: goodColour, outline: png(32, clear) })).toEqual([
      'outline.png is fully transparent; it needs a white mark',
    ]);
  });

  it('reports files that are not PNGs', () => {
    const problems = iconProblems({ color: Buffer.from('GIF89a'), outline: goodOutline });
    expect(problems).toEqual([expect.stringMatching(/^color\.png is not a readable PNG/)]);
  });
});
