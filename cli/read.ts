import * as fs from "node:fs";
import * as path from "node:path";
import type { Range } from "../core";
import { parseCsv as parseCsvText } from "./csv";
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
  /** Rows of any width: a config file's rows (weights, policy, calendar) are not a table under a header. */
  readonly ragged?: boolean;
  /** False for a config file, which cannot be Parquet. */
  readonly parquet?: boolean;
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
  throw new UsageError(`${file}: unknown file type "${ext || "(none)"}"; give a .csv or .xlsx file${options.parquet === false ? "" : " (or a .parquet file for the scorecard)"}.`);
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

/** Parses the decoded text chunk by chunk into a typed table (see {@link parseCsvText}), with progress. */
async function parseCsv(file: string, decoding: Decoding, options: ReadOptions): Promise<Range> {
  const name = path.basename(file);
  const size = fs.statSync(file).size;
  let nextProgress = 0.1;
  const table = await parseCsvText(decodeFile(file, decoding), {
    name,
    size,
    headerRow: options.headerRow,
    ragged: options.ragged,
    read: (chars, rows) => {
      const done = chars / Math.max(1, size);
      if (done >= nextProgress && done < 1) {
        options.progress(`read ${Math.floor(done * 100)}% of ${name} (${rows.toLocaleString("en-US")} rows)`);
        nextProgress = Math.floor(done * 10) / 10 + 0.1;
      }
    },
  });
  return table.range();
}
