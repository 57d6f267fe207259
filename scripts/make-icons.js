// Draws the Teams app icons from geometry, so they can be regenerated and reviewed as code:
//   manifest/color.png    192×192, opaque, full-bleed accent background with a white mark
//   manifest/outline.png   32×32, white mark on a transparent background (alpha only)
// The mark is two stacked upward chevrons ("elevate"). Edges are anti-aliased by supersampling.
// Usage: node scripts/make-icons.js
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

/** Accent colour of the app; keep in step with `accentColor` in manifest/manifest.template.json. */
const ACCENT = { r: 0x3e, g: 0x4f, b: 0xb8 };
const SUPERSAMPLES = 4;

/** Distance from point p to segment a–b (all in unit-square coordinates). */
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The mark in unit coordinates: each chevron is two strokes meeting at an apex.
 * `inset` shrinks the mark towards the centre (the colour icon keeps a margin around it).
 */
function markStrokes(inset) {
  const scale = 1 - 2 * inset;
  const place = (x, y) => [inset + x * scale, inset + y * scale];
  const chevron = (apexY) => {
    const apex = place(0.5, apexY);
    const left = place(0.16, apexY + 0.3);
    const right = place(0.84, apexY + 0.3);
    return [
      [...left, ...apex],
      [...apex, ...right],
    ];
  };
  return [...chevron(0.14), ...chevron(0.5)];
}

/** Fraction (0–1) of the pixel at (x, y) covered by the mark. */
function coverage(x, y, size, strokes, halfWidth) {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLES; sy++) {
    for (let sx = 0; sx < SUPERSAMPLES; sx++) {
      const px = (x + (sx + 0.5) / SUPERSAMPLES) / size;
      const py = (y + (sy + 0.5) / SUPERSAMPLES) / size;
      if (strokes.some((s) => distanceToSegment(px, py, s[0], s[1], s[2], s[3]) <= halfWidth)) inside++;
    }
  }
  return inside / (SUPERSAMPLES * SUPERSAMPLES);
}

function draw(size, { inset, halfWidth, paint }) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const strokes = markStrokes(inset);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = paint(coverage(x, y, size, strokes, halfWidth));
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** White blended over the accent colour; always opaque. */
function colourPaint(c) {
  const mix = (channel) => Math.round(channel * (1 - c) + 255 * c);
  return [mix(ACCENT.r), mix(ACCENT.g), mix(ACCENT.b), 255];
}

/** Pure white; coverage goes to alpha only, so every pixel is white or (partly) transparent. */
function outlinePaint(c) {
  return [255, 255, 255, Math.round(255 * c)];
}

function makeIcons(outDir) {
  const colour = draw(192, { inset: 0.2, halfWidth: 0.055, paint: colourPaint });
  const outline = draw(32, { inset: 0.06, halfWidth: 0.06, paint: outlinePaint });
  fs.writeFileSync(path.join(outDir, 'color.png'), colour);
  fs.writeFileSync(path.join(outDir, 'outline.png'), outline);
  return { colour, outline };
}

if (require.main === module) {
  const outDir = path.resolve(__dirname, '..', 'manifest');
  makeIcons(outDir);
  process.stdout.write(
    `icons written to ${path.relative(process.cwd(), outDir) || '.'}/{color,outline}.png\n`,
  );
}

module.exports = { makeIcons, ACCENT };
