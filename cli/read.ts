import * as fs from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import Papa from "papaparse";
import type { CellValue, Range } from "../core";
import { chooseDecoding, decodeFile, FALLBACK_ENCODING, NotUtf8, type Decoding } from "./decode";
import { UsageError } from "./errors";
import { readXlsx } from "./xlsx-read";

export type Progress = (message: string) => void;

export interface ReadOptions {
  readonly progress: Progress;
  /** Said once, whatever --quiet: the encoding a file was read in when it had to be guessed. */
  readonly note: (message: string) => void;
  readonly sheet?: string | undefined;
  readonly encoding?: string | undefined;
  /** The header's row when --header-row gives it (1-based): rows wider than the header are checked from there. */
  readonly headerRow?: number | undefined;
}

/**
 * Reads a CSV or XLSX file into a range as a spreadsheet would hand it to a function: CSV cells
 * stay text (the core reads numbers, percents, currency and dates from text); XLSX date cells
 * become Excel serials, formulas their cached result.
 */
export async function readRange(file: string, options: ReadOptions): Promise<Range> {
  return (await readTable(file, options)).range;
}

/** Like readRange, with the sheet read and the workbook's sheets for an XLSX file. */
export async function readTable(file: string, options: ReadOptions): Promise<{ range: Range; sheet?: string; sheets?: readonly string[] }> {
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file.`);
  if (fs.statSync(file).isDirectory()) throw new UsageError(`${file} is a folder: give a .csv or .xlsx file.`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return readXlsx(file, options.progress, options.sheet);
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return { range: await readCsv(file, options) };
  throw new UsageError(`${file}: unknown file type "${ext || "(none)"}"; give a .csv or .xlsx file.`);
}

async function readCsv(file: string, options: ReadOptions): Promise<Range> {
  const first = chooseDecoding(file, options.encoding);
  let range: Range;
  let decoding = first;
  try {
    range = await parseCsv(file, first, options);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    if (first.from === "given") throw new UsageError(`${file} is not valid UTF-8 (--encoding ${options.encoding}); give its encoding, for example --encoding windows-1252.`);
    decoding = { encoding: FALLBACK_ENCODING, from: "guessed" };
    range = await parseCsv(file, decoding, options);
  }
  if (decoding.from === "guessed") {
    const why = first.encoding === "utf-8" ? "is not valid UTF-8" : "has NUL bytes and no byte-order mark";
    options.note(`${path.basename(file)} ${why}: read as ${decoding.encoding.toUpperCase()} (give --encoding to choose another).`);
  }
  if (range.length === 0) throw new UsageError(`${file} is empty: it needs a header row and data rows.`);
  if (range.length === 1) throw new UsageError(`${file} has a header row but no data lines.`);
  return range;
}

/**
 * Parses decoded text chunk by chunk into rows (papaparse over a stream: the file is never one
 * string). Blank lines are left out. A quote left open or a stray quote, and a row with more
 * filled fields than the header (an unquoted delimiter inside a value, which shifts every later
 * column), stop the read with the line they start on. Rows may be shorter than the header.
 */
function parseCsv(file: string, decoding: Decoding, options: ReadOptions): Promise<Range> {
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  const range: Range = [];
  let records = 0;
  /** Fields of the header: the --header-row row, else the first row with two filled fields (a title is one cell). */
  let width = 0;
  let nextProgress = 0.1;
  return new Promise<Range>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      reject(e);
    };
    Papa.parse<string[]>(Readable.from(decodeFile(file, decoding)), {
      skipEmptyLines: false,
      chunk(res: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        const quoteError = res.errors.find((e) => e.type === "Quotes");
        const rows = res.data;
        const upTo = quoteError ? quoteError.row ?? rows.length : rows.length;
        for (let i = 0; i < upTo; i++) {
          const row = rows[i]!;
          records++;
          if (row.length === 1 && row[0] === "") continue;
          if (width === 0) {
            if (options.headerRow === undefined ? row.filter((f) => f !== "").length >= 2 : records === options.headerRow) width = row.length;
          } else if (row.length > width && row.slice(width).some((f) => f !== "")) {
            return fail(new UsageError(`${name}, line ${lineOf(range, records)}: ${row.length} fields where the header has ${width}; a value holding the delimiter must be quoted.`), parser);
          }
          range.push(row);
        }
        if (quoteError) {
          const what = quoteError.code === "MissingQuotes" ? "a quoted field is never closed" : "a quoted field has text after its closing quote";
          return fail(new UsageError(`${name}, line ${lineOf(range, records + 1)}: ${what}; check the quotes on that line.`), parser);
        }
        const done = (res.meta.cursor ?? 0) / Math.max(1, size);
        if (done >= nextProgress && done < 1) {
          options.progress(`read ${Math.floor(done * 100)}% of ${name} (${range.length.toLocaleString("en-US")} rows)`);
          nextProgress = Math.floor(done * 10) / 10 + 0.1;
        }
      },
      complete: () => (failed ? undefined : resolve(range)),
      error: (e: Error) => fail(e instanceof NotUtf8 ? e : new UsageError(`${name}: ${e.message}`)),
    });
  });
}

/**
 * The file line a record starts on: one line per record before it (blank lines included) plus
 * the line breaks inside quoted fields of the rows kept. Counted only when there is an error.
 */
function lineOf(range: Range, record: number): number {
  let inner = 0;
  for (const row of range) for (const cell of row as CellValue[]) if (typeof cell === "string" && cell.includes("\n")) inner += cell.split("\n").length - 1;
  return record + inner;
}
