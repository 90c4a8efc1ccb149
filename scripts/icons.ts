import { crc32, deflateSync } from "node:zlib";

/**
 * The add-in icon as a PNG of the given size: three rising bars (a scorecard) on the
 * header blue. Drawn here so the build needs no image tool and no binary in the repo.
 */
export function iconPng(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const bars = [0.45, 0.7, 0.95];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / size, v = 1 - y / size;
      const i = (y * size + x) * 4;
      let rgb = [0x1f, 0x4e, 0x78];
      const slot = Math.floor((u - 0.15) / 0.25);
      const inBar = slot >= 0 && slot < 3 && (u - 0.15) % 0.25 < 0.17 && v > 0.12 && v < 0.12 + 0.76 * bars[slot]!;
      if (inBar) rgb = slot === 2 ? [0x63, 0xbe, 0x7b] : [0xff, 0xff, 0xff];
      px.set([...rgb, 255], i);
    }
  }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;
