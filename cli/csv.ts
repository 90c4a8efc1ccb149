import { TextTable } from "../core";
import { UsageError } from "./errors";

export interface CsvOptions {
  /** The file's name, for messages. */
  readonly name: string;
  /** The header's row (1-based, blank lines not counted) when --header-row gives it. */
  readonly headerRow?: number | undefined;
  /** Rows of any width (config rows: a policy row with a vendor has a fifth cell); no header is looked for. */
  readonly ragged?: boolean | undefined;
  /** The text's length when known (a file's size in bytes is near it): the table is sized from the first chunk's rows. */
  readonly size?: number | undefined;
  /** Called after each chunk with the characters read so far. */
  readonly read?: (chars: number, rows: number) => void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** The longest record read: far past what a row of cells can hold (a cell holds at most 32,767 characters). */
const MAX_RECORD = 16 * 1024 * 1024;
/** The delimiters a file may use, in the order a tie is settled. */
const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * Parses CSV text, given chunk by chunk, into a {@link TextTable}: fields are never cut out of
 * the text unless they are text (numbers and ISO dates go straight into typed columns), and the
 * text is never one string. The delimiter is the one of `, ; tab |` that the first lines use
 * most consistently. Quotes follow RFC 4180 (`""` inside a quoted field is a quote; line breaks
 * may be quoted). Blank lines are left out. A quote never closed, text after a closing quote,
 * and a row with more filled fields than the header (an unquoted delimiter inside a value, which
 * shifts every later column) stop the read with the file line the row starts on. The header is
 * the --header-row row, else the first row with two filled fields (a title is one cell).
 *
 * @example const t = await parseCsv(["Vendor,Qty\nAcme,3\n"], { name: "po.csv" }); t.range()[1] // ["Acme", "3"]
 */
export async function parseCsv(chunks: AsyncIterable<string> | Iterable<string>, options: CsvOptions): Promise<TextTable> {
  const table = new TextTable();
  const parser = new Parser(table, options);
  let chars = 0;
  let sized = false;
  for await (const chunk of chunks) {
    chars += chunk.length;
    parser.push(chunk, false);
    // Sized once, from the rows of the first chunks, with a margin for longer lines further on.
    if (!sized && options.size !== undefined && table.rows > 0) {
      sized = true;
      table.reserve(Math.ceil((options.size / chars) * table.rows * 1.1));
    }
    options.read?.(chars, table.rows);
  }
  parser.push("", true);
  return table;
}

class Parser {
  private rest = "";
  private delimiter = -1;
  /** The file line the next record starts on. */
  private line = 1;
  /** Fields of the header row; 0 until it is found. */
  private width = 0;
  private starts: number[] = [];
  private ends: number[] = [];
  /** Positions in the current text of the next quote, CR and delimiter at or after the record being read (Infinity: none). */
  private quoteAt = -1;
  private crAt = -1;
  private delimiterAt = -1;
  private delimiterText = ",";
  /** Whether the unfinished record kept for the next chunk stopped inside a quoted field. */
  private inQuote = false;
  /** Unquoted copies of fields that held `""`, by field index; undefined when none did. */
  private escaped: (string | undefined)[] | undefined;

  constructor(
    private readonly table: TextTable,
    private readonly options: CsvOptions,
  ) {}

  /** Parses every whole record of the text so far; keeps an unfinished last record for the next chunk. */
  push(chunk: string, final: boolean): void {
    if (this.delimiter < 0) {
      const buf = this.rest + chunk;
      if (!final && buf.length < 65_536) {
        this.rest = buf;
        return;
      }
      this.delimiterText = guessDelimiter(buf);
      this.delimiter = this.delimiterText.charCodeAt(0);
      this.rest = "";
      chunk = buf;
    }
    let buf = chunk;
    let p = 0;
    if (this.rest.length) {
      // The record left unfinished by the last chunk is finished on a short string of its own,
      // so that the chunk is read as it came (a joined string reads slower cell by cell).
      const k = chunk.indexOf("\n");
      const head = this.rest + (k < 0 ? chunk : chunk.slice(0, k + 1));
      if (k >= 0 && this.parse(head, false) === head.length) p = k + 1;
      else buf = head.length === this.rest.length + chunk.length ? head : this.rest + chunk;
    }
    this.rest = buf.slice(this.parse(buf, final, p));
    // A record this long is a quote left open (or no CSV at all): stop before the rest of a large file is read into it.
    if (this.rest.length > MAX_RECORD) this.fail(this.inQuote ? "a quoted field is never closed; check the quotes on that line" : "a line longer than 16 MB; is this a CSV file?");
  }

  /** Reads the whole records of `buf` from `p`; returns where the first unfinished one starts (the end when none is). */
  private parse(buf: string, final: boolean, p = 0): number {
    this.quoteAt = this.crAt = this.delimiterAt = -1;
    while (p < buf.length) {
      const next = this.line1(buf, p) ?? this.record(buf, p, final);
      if (next < 0) break;
      p = next;
    }
    return p;
  }

  /**
   * The common record: one line without quotes or lone CRs, cut at the delimiters by indexOf
   * (the positions of the next quote, CR and delimiter are kept, so each is searched once per
   * occurrence). Undefined when the record at `p` is not such a line: {@link record} reads it.
   */
  private line1(buf: string, p: number): number | undefined {
    const lf = buf.indexOf("\n", p);
    if (lf < 0) return undefined;
    if (this.quoteAt < p && this.quoteAt !== Infinity) this.quoteAt = orEnd(buf.indexOf('"', p));
    if (this.quoteAt < lf) return undefined;
    if (this.crAt < p && this.crAt !== Infinity) this.crAt = orEnd(buf.indexOf("\r", p));
    let end = lf;
    if (this.crAt < lf) {
      if (this.crAt !== lf - 1) return undefined;
      end = lf - 1;
    }
    const d = this.delimiterText;
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let s = p;
    for (;;) {
      if (this.delimiterAt < s && this.delimiterAt !== Infinity) this.delimiterAt = orEnd(buf.indexOf(d, s));
      const k = this.delimiterAt;
      starts[count] = s;
      if (k >= end) {
        ends[count++] = end;
        break;
      }
      ends[count++] = k;
      s = k + 1;
    }
    this.escaped = undefined;
    this.add(buf, count);
    this.line++;
    return lf + 1;
  }

  /** Reads the record at `p`; returns the position after it, or -1 when it runs past the text and more may come. */
  private record(buf: string, p: number, final: boolean): number {
    const d = this.delimiter;
    const n = buf.length;
    const starts = this.starts;
    const ends = this.ends;
    let count = 0;
    let inner = 0;
    this.escaped = undefined;
    this.inQuote = false;
    for (;;) {
      let end: number;
      let after: number;
      if (p < n && buf.charCodeAt(p) === QUOTE) {
        const open = p + 1;
        let q = open;
        let escapes = false;
        for (;;) {
          const k = buf.indexOf('"', q);
          if (k < 0) {
            this.inQuote = true;
            if (!final) return -1;
            this.fail("a quoted field is never closed; check the quotes on that line");
          }
          if (k + 1 < n && buf.charCodeAt(k + 1) === QUOTE) {
            escapes = true;
            q = k + 2;
            continue;
          }
          if (k + 1 >= n && !final) {
            this.inQuote = true;
            return -1;
          }
          end = k;
          break;
        }
        for (let i = buf.indexOf("\n", open); i >= 0 && i < end; i = buf.indexOf("\n", i + 1)) inner++;
        after = end + 1;
        const c = after < n ? buf.charCodeAt(after) : LF;
        if (c !== d && c !== LF && c !== CR) this.fail("a quoted field has text after its closing quote; check the quotes on that line");
        if (escapes) (this.escaped ??= [])[count] = buf.slice(open, end).replaceAll('""', '"');
        starts[count] = open;
        ends[count] = end;
      } else {
        let i = p;
        for (; i < n; i++) {
          const c = buf.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
        }
        if (i >= n && !final) return -1;
        starts[count] = p;
        ends[count] = i;
        after = i;
      }
      count++;
      if (after < n && buf.charCodeAt(after) === d) {
        p = after + 1;
        continue;
      }
      // The end of the record: a line break (LF, CRLF or CR) or the end of the text.
      let next = after;
      if (next < n && buf.charCodeAt(next) === CR) next++;
      if (next < n && buf.charCodeAt(next) === LF) next++;
      else if (next >= n && !final && after < n) return -1;
      this.add(buf, count);
      this.line += 1 + inner;
      return next;
    }
  }

  private add(buf: string, count: number): void {
    const { starts, ends, escaped } = this;
    const filled = (i: number) => (escaped?.[i] !== undefined ? escaped[i] !== "" : ends[i]! > starts[i]!);
    if (count === 1 && !filled(0)) return; // a blank line
    if (!this.options.ragged) this.checkWidth(count, filled);
    if (escaped === undefined) this.table.addFields(buf, starts, ends, count);
    else this.table.addRow(Array.from({ length: count }, (_, i) => escaped[i] ?? buf.slice(starts[i]!, ends[i]!)));
  }

  /** Finds the header row, then stops at a row with more filled fields than it has. */
  private checkWidth(count: number, filled: (i: number) => boolean): void {
    if (this.width === 0) {
      const header = this.options.headerRow === undefined ? filledCount(count, filled) >= 2 : this.table.rows + 1 === this.options.headerRow;
      if (header) this.width = count;
      return;
    }
    for (let i = this.width; i < count; i++) {
      if (filled(i)) this.fail(`${count} fields where the header has ${this.width}; a value holding the delimiter must be quoted`);
    }
  }

  private fail(what: string): never {
    throw new UsageError(`${this.options.name}, line ${this.line}: ${what}.`);
  }
}

const orEnd = (i: number) => (i < 0 ? Infinity : i);

function filledCount(count: number, filled: (i: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < count; i++) if (filled(i)) k++;
  return k;
}

/**
 * The delimiter of a CSV file from its first lines: the candidate whose count per line (outside
 * quotes) is the same on the most lines, then the one giving more fields; a comma when none appears.
 *
 * @example guessDelimiter("Vendor;Price\nAcme;235,0\n") // ";"
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 65_536)
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/"[^"]*"/g, ""))
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  let best: { d: string; lines: number; fields: number } = { d: ",", lines: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const k = l.split(d).length - 1;
      if (k > 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [fields, many] of counts) {
      if (many > best.lines || (many === best.lines && fields > best.fields)) best = { d, lines: many, fields };
    }
  }
  return best.d;
}
