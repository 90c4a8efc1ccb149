import * as fs from "node:fs";
import { serialParts, type CellValue } from "../core";
import { poRange } from "./generate";

/** An Excel serial day as ISO date text, as an export writes it. */
function isoDay(serial: number): string {
  const p = serialParts(serial);
  return `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

const DATE_COLUMNS = new Set([1, 2, 3]);

/**
 * Writes the generated purchase-order lines as a CSV file: the same cells as `poRange(lines)`,
 * dates as ISO text, blanks as empty fields. Written in pieces so a large file is never one string.
 */
export function writePoCsv(file: string, lines: number): void {
  const range = poRange(lines);
  const fd = fs.openSync(file, "w");
  try {
    let buf: string[] = [];
    const cell = (v: CellValue, c: number) => (v === null ? "" : DATE_COLUMNS.has(c) && typeof v === "number" ? isoDay(v) : String(v));
    for (let r = 0; r < range.length; r++) {
      buf.push(range[r]!.map((v, c) => (r === 0 ? String(v) : cell(v, c))).join(","));
      if (buf.length === 50_000) {
        fs.writeSync(fd, buf.join("\n") + "\n");
        buf = [];
      }
    }
    if (buf.length) fs.writeSync(fd, buf.join("\n") + "\n");
  } finally {
    fs.closeSync(fd);
  }
}
