#!/usr/bin/env node
/*
 * Draws the add-in icons (assets/icon-<size>.png) with Node built-ins only.
 *
 * The glyph: a rounded square in Excel green with three white bars of
 * different lengths (a small bar chart / report). Edges are anti-aliased by
 * supersampling each pixel. The PNG is written chunk by chunk (IHDR, IDAT,
 * IEND) with zlib for the compressed image data.
 *
 * Usage: node scripts/make-icons.js
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.resolve(__dirname, "..", "assets");

const GREEN = [0x21, 0x73, 0x46]; // #217346
const WHITE = [0xff, 0xff, 0xff];

// Geometry in a unit square (0..1).
const CORNER_RADIUS = 0.19;
const BAR_LEFT = 0.2;
const BAR_HEIGHT = 0.14;
const BARS = [
  { centerY: 0.28, right: 0.8 },
  { centerY: 0.5, right: 0.62 },
  { centerY: 0.72, right: 0.45 },
];

/** True when (x, y) lies inside a rounded rectangle. */
function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) {
    return false;
  }
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radius * radius;
}

function insideTile(x, y) {
  return insideRoundedRect(x, y, 0, 0, 1, 1, CORNER_RADIUS);
}

function insideBar(x, y) {
  return BARS.some((bar) => {
    const top = bar.centerY - BAR_HEIGHT / 2;
    const bottom = bar.centerY + BAR_HEIGHT / 2;
    return insideRoundedRect(x, y, BAR_LEFT, top, bar.right, bottom, BAR_HEIGHT / 2);
  });
}

/** Returns RGBA pixels (Uint8Array, row-major) for one icon size. */
function drawIcon(size) {
  const samples = 8; // 8 x 8 samples per pixel
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let bar = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (insideTile(x, y)) {
            tile++;
            if (insideBar(x, y)) {
              bar++;
            }
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (tile === 0) {
        continue; // fully transparent
      }
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round((WHITE[c] * bar + GREEN[c] * (tile - bar)) / tile);
      }
      pixels[offset + 3] = Math.round((255 * tile) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace

  // Each scanline starts with its filter type byte (0 = none).
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const compressed = zlib.deflateSync(raw, { level: 9 });

  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", compressed),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main();
