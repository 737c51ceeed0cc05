// Draws the two Teams app icons (our own design: a checklist with a tick) and writes them as PNG files.
// Usage: node manifest/make-icons.mjs [outDir]   (default: the folder of this script)
// Teams wants color.png 192x192 (full colour) and outline.png 32x32 (white on a transparent background).
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));

const NAVY = [0x1f, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];

// Distance from point p to segment a-b, used for strokes with round caps.
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(right - radius, x));
  const cy = Math.max(top + radius, Math.min(bottom - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

// The checklist in unit coordinates (0..1): three rows, each a tick and a line.
const rows = [0.3, 0.5, 0.7];
const strokes = rows.flatMap((y) => [
  { a: [0.22, y], b: [0.28, y + 0.06] },
  { a: [0.28, y + 0.06], b: [0.38, y - 0.06] },
  { a: [0.48, y], b: [0.78, y] },
]);

function inChecklist(u, v, width) {
  return strokes.some((s) => segmentDistance(u, v, s.a[0], s.a[1], s.b[0], s.b[1]) <= width / 2);
}

// Renders with 4x4 supersampling; paint(u, v) returns [r, g, b, a] (a in 0..1) for a point in unit space.
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [pr, pg, pb, pa] = paint((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      }
      const o = (y * size + x) * 4;
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// PNG: signature, IHDR (8-bit RGBA = colour type 6), one IDAT with filter byte 0 per row, IEND.
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const color = render(192, (u, v) => {
  if (inChecklist(u, v, 0.06)) return [...WHITE, 1];
  if (insideRoundedRect(u, v, 0, 0, 1, 1, 0.18)) return [...NAVY, 1];
  return [0, 0, 0, 0];
});

// The outline icon keeps a clear margin so only the checklist is drawn; everything else stays transparent.
const outline = render(32, (u, v) => (inChecklist(u, v, 0.1) ? [...WHITE, 1] : [0, 0, 0, 0]));

writeFileSync(join(outDir, "color.png"), png(192, color));
writeFileSync(join(outDir, "outline.png"), png(32, outline));
console.log(`wrote ${join(outDir, "color.png")} and ${join(outDir, "outline.png")}`);
