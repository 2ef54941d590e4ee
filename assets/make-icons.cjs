// Writes the add-in's icons (assets/icon-<size>.png): a blue rounded square with a white tick.
// Plain Node (zlib and a few lines of PNG), no image library. Run: node assets/make-icons.cjs
const { deflateSync } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const distToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

/** The unified manifest's outline icon (32 px): the white tick alone on a transparent ground. */
function outline(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tick = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          if (Math.min(distToSegment(u, v, 0.2, 0.52, 0.42, 0.74), distToSegment(u, v, 0.42, 0.74, 0.82, 0.26)) <= 0.09) tick++;
        }
      }
      const i = (y * size + x) * 4;
      out[i] = out[i + 1] = out[i + 2] = 255;
      out[i + 3] = Math.round((255 * tick) / (S * S));
    }
  }
  return png(size, out);
}

function icon(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling
  const blue = [15, 108, 189];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let tick = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          const r = 0.2;
          const dx = Math.max(r - u, 0, u - (1 - r));
          const dy = Math.max(r - v, 0, v - (1 - r));
          if (dx * dx + dy * dy <= r * r) bg++;
          const d = Math.min(distToSegment(u, v, 0.24, 0.52, 0.42, 0.7), distToSegment(u, v, 0.42, 0.7, 0.77, 0.3));
          if (d <= 0.075) tick++;
        }
      }
      const a = bg / (S * S);
      const t = tick / (S * S);
      const i = (y * size + x) * 4;
      out[i] = Math.round(blue[0] * (1 - t) + 255 * t);
      out[i + 1] = Math.round(blue[1] * (1 - t) + 255 * t);
      out[i + 2] = Math.round(blue[2] * (1 - t) + 255 * t);
      out[i + 3] = Math.round(255 * a);
    }
  }
  return png(size, out);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(__dirname, `icon-${size}.png`), icon(size));
// The unified manifest's icons: color (192 px) and outline (32 px).
writeFileSync(join(__dirname, 'icon-color.png'), icon(192));
writeFileSync(join(__dirname, 'icon-outline.png'), outline(32));
