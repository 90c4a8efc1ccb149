import { isAscii } from "node:buffer";
import * as fs from "node:fs";
import iconv from "iconv-lite";
import { UsageError } from "./errors";

/** How the bytes of a text file are read: the encoding, and whether it was chosen, marked or guessed. */
export interface Decoding {
  readonly encoding: string;
  /** `given` by --encoding, `bom` from a byte-order mark, `utf-8` by default, `guessed` after invalid UTF-8 or NUL bytes. */
  readonly from: "given" | "bom" | "utf-8" | "guessed";
}

/** Thrown inside the decoding stream when a file read as UTF-8 is not: the caller reads it again as Windows-1252. */
export class NotUtf8 extends Error {}

const CHUNK = 1 << 20;

/**
 * The text of a file in chunks, never as one string. A byte-order mark picks UTF-8, UTF-16 LE or
 * UTF-16 BE; otherwise the bytes are read as UTF-8 and the generator throws NotUtf8 at the first
 * invalid sequence (so valid files pay no second pass). `--encoding` overrides all of this.
 *
 * @example for await (const text of decodeFile("po.csv", { encoding: "utf-8", from: "utf-8" })) parse(text)
 */
export async function* decodeFile(file: string, decoding: Decoding): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  let decode: ((buf: Buffer) => string) | undefined;
  let end: () => string = () => "";
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = chunk;
      if (!decode) {
        const bom = decoding.from === "bom" ? bomOf(buf) : undefined;
        if (bom) buf = buf.subarray(bom.length);
        if (decoding.encoding === "utf-8") {
          const utf8 = new Utf8Chunks();
          decode = (b) => utf8.decode(b);
          end = () => utf8.end();
        } else {
          const d = iconv.getDecoder(decoding.encoding, { stripBOM: true });
          decode = (b) => d.write(b);
          end = () => d.end() ?? "";
        }
      }
      const text = decode(buf);
      if (text) yield text;
    }
    const rest = end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/**
 * UTF-8 in chunks: TextDecoder in fatal mode, which is native and streams multi-byte sequences
 * across chunks, except for a chunk of ASCII bytes met with no sequence left open, which reads
 * as the same characters in Latin-1, four or five times faster (most exports are ASCII). The
 * decoder is made at the first chunk it reads: a byte-order mark is dropped only at the file's start.
 */
class Utf8Chunks {
  private decoder: TextDecoder | undefined;
  private started = false;
  /** The last bytes given to the decoder, up to three: whether they leave a sequence open. */
  private tail = new Uint8Array(0);

  decode(b: Buffer): string {
    const open = this.tail.length > 0 && opensSequence(this.tail);
    if (!open && isAscii(b)) {
      this.started ||= b.length > 0;
      this.tail = new Uint8Array(0);
      return b.toString("latin1");
    }
    this.decoder ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: this.started });
    this.started = true;
    const joined = new Uint8Array(this.tail.length + Math.min(3, b.length));
    joined.set(this.tail);
    joined.set(b.subarray(b.length - Math.min(3, b.length)), this.tail.length);
    this.tail = joined.subarray(Math.max(0, joined.length - 3));
    try {
      return this.decoder.decode(b, { stream: true });
    } catch {
      throw new NotUtf8();
    }
  }

  end(): string {
    try {
      return this.decoder?.decode() ?? "";
    } catch {
      throw new NotUtf8();
    }
  }
}

/** Whether bytes end inside a UTF-8 sequence: a lead byte among the last three with fewer continuation bytes after it than it needs. */
function opensSequence(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const x = bytes[i]!;
    if (x < 0x80) return false;
    if (x >= 0xc0) return bytes.length - i < (x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2);
  }
  return false;
}

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function bomOf(buf: Buffer): { length: number; encoding: string } | undefined {
  const b = BOMS.find((m) => m.bytes.every((x, i) => buf[i] === x));
  return b && { length: b.bytes.length, encoding: b.encoding };
}

/**
 * The decoding to start with, from `--encoding` or the file's first bytes: a byte-order mark, or
 * NUL bytes in the first kilobyte (UTF-16 without a mark, which UTF-8 would read as NUL characters).
 */
export function chooseDecoding(file: string, given: string | undefined): Decoding {
  if (given !== undefined) {
    const name = given.trim().toLowerCase();
    if (!iconv.encodingExists(name)) throw new UsageError(`--encoding ${given}: unknown encoding; use for example utf-8, utf-16le, utf-16be, windows-1252 or latin1.`);
    const canonical = name.replace(/[^a-z0-9]/g, "") === "utf8" ? "utf-8" : name;
    return { encoding: canonical, from: "given" };
  }
  const head = Buffer.alloc(1024);
  const fd = fs.openSync(file, "r");
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, from: "bom" };
  const nulAt = bytes.indexOf(0);
  if (nulAt >= 0) return { encoding: nulAt % 2 === 1 ? "utf-16le" : "utf-16be", from: "guessed" };
  return { encoding: "utf-8", from: "utf-8" };
}

/** Windows-1252: what Excel on Windows writes for "CSV" in Western European locales, and what invalid UTF-8 most often is. */
export const FALLBACK_ENCODING = "windows-1252";
