import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { bind, createCatalog, dateToSerial, isCoreError, parseDate, type Range, type ResultGrid } from "../core";
import { buildReport, KIND_INFO, REPORT_KINDS, kindInfo, reportKind, type ReportKindInfo } from "../core/report";
import { EXIT_OUTPUT, EXIT_USAGE, OutputError, UsageError, systemReason } from "./errors";
import { readRange, readTable, type Progress, type ReadOptions } from "./read";
import { chooseEngine, isParquet, scorecardOnDuckDb } from "./engine";
import { asOfText, dateOrder, headerRow, settingRows } from "./settings";
import { sqlText } from "./sql";
import { deliver, render, renderBlocks, writeStdout, type Format } from "./write";
import { listed } from "./xlsx-read";

/** Config file options, each filling the catalog parameter a report's record names. */
const FILE_OPTIONS = ["weights", "policy", "calendar", "risk", "lines", "survey"] as const;
/** The file options whose rows are config rows of any width, not a table under a header. */
const CONFIG_ROWS = new Set(["weights", "policy", "calendar"]);
/** Value options and the catalog parameter each fills, where a report's function has it. */
const VALUE_OPTIONS = { vendor: "vendor", "at-risk": "at_risk" } as const;

/** A report needs `--vendor` when its function has a vendor parameter. */
const needsVendor = (r: ReportKindInfo) => r.fn.params.some((p) => p.name === "vendor" && !p.optional);

/** The parameter that takes setting rows: the report's config table (weights, policy), or its settings range (quality). */
const settingsParam = (r: ReportKindInfo): string | undefined => r.config?.param ?? Object.values(r.files).find((p) => p === "settings");

const HELP = `vendorscore: vendor scorecards, SLA status and segments from CSV, XLSX or Parquet files.

Usage: vendorscore <report> <data file> [options]
       vendorscore sql --dialect D --table T (--columns a,b,c | --sample FILE) [--weights FILE] [--as-of DATE]
                       [--line-order COLUMN]

Reports:
${REPORT_KINDS.map((k) => `  ${k.padEnd(10)} ${KIND_INFO[k].summary}`).join("\n")}

Options:
  --weights FILE      weights / settings / mapping rows (scorecard, breakdown, segments, quality)
  --policy FILE       SLA policy rows: priority, resolution h, [response h], [business|24x7]
  --calendar FILE     business hours rows: workdays, hours, holiday
  --risk FILE         two columns vendor, supply risk, or a risk register (segments)
  --lines FILE        purchase-order lines, for spend in each contract's term (contracts)
  --survey FILE       survey answers whose criteria the weights rows score (scorecard,
                      breakdown, quality)
  --vendor NAME       the vendor (breakdown)
  --as-of DATE        judge the data at this date, e.g. 2025-03-31 (default: today); follows --date-order
  --at-risk SHARE     share of an SLA target after which an open ticket is at risk (default 0.75)
  --date-order ORDER  DMY, MDY or YMD: how numeric dates such as 03/04/2025 are read
  --decimal comma     numbers are written 1.234,56
  --header-row N      the header is row N of the data file
  --encoding NAME     the CSV file's encoding (default: from its byte-order mark, else UTF-8,
                      else Windows-1252 with a note), e.g. utf-16le, windows-1252, latin1
  --sheet NAME        the sheet to read in an .xlsx data file, in any case (default: the first)
  --out FILE          write here (.csv, .xlsx or .json); default: standard output
  --format FMT        csv, json or xlsx (default: from --out, else csv)
  --engine ENGINE     duckdb or js: who computes the scorecard (default: duckdb for Parquet and
                      for CSV over 50 MB, else js); duckdb falls back to js, with a note, when a
                      column it needs does not read as a date or number there
  --quiet             no progress messages on standard error
  --help              this text

sql prints the scorecard as one query for a warehouse table: --dialect duckdb, postgres, bigquery,
snowflake or spark; --columns names the table's columns, or --sample reads them from an export's
header row. Without --as-of the query judges against the database's current date. --line-order
names a column giving the lines' order (a line number): a vendor written several ways is then
shown by its first spelling, as in the sheet, not by its smallest.

Config files are CSV or XLSX with the same rows as the ranges the spreadsheet functions take;
--date-order, --decimal and --header-row add their setting rows to the weights or policy rows.
CSV text cells that start with = + - @ are written with a leading ' so no spreadsheet runs them.
Numbers in CSV and JSON carry at most 15 significant digits. --out is written to a temporary
file and renamed into place, so a failed run leaves the previous file as it was.
Exit codes: 0 done, 2 a problem with the input (file, header, config, option),
3 the output could not be written (missing or unwritable folder, full disk).

Examples:
  vendorscore scorecard po_lines.csv --as-of 2025-03-31 --out scorecard.xlsx
  vendorscore scorecard export.csv --date-order DMY --decimal comma --as-of 31/03/2025
  vendorscore breakdown po_lines.xlsx --vendor "Acme" --weights weights.csv --format json
  vendorscore sla tickets.csv --policy policy.csv --calendar calendar.csv > sla.csv
  vendorscore contracts contracts.csv --lines po_lines.csv --as-of 2025-03-31 --out contracts.xlsx
  vendorscore scorecard po_lines.parquet --weights weights.csv --out scorecard.xlsx
  vendorscore sql --dialect bigquery --table analytics.po_lines --sample export.csv --weights weights.csv
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    await writeStdout(HELP);
    return;
  }
  const [reportName, dataFile, ...extra] = positionals;
  if (!reportName) throw new UsageError("no report given: vendorscore <report> <data file>; see --help.");
  const order = dateOrder(values["date-order"]);
  const settings = settingRows({ dateOrder: values["date-order"], decimal: values.decimal, headerRow: values["header-row"] });
  const asOf = values["as-of"] === undefined ? undefined : asOfText(values["as-of"], order);
  const note = (m: string) => process.stderr.write(`vendorscore: note: ${m}\n`);
  if (reportName.toLowerCase() === "sql") {
    if (dataFile !== undefined) throw new UsageError(`unexpected argument "${dataFile}": sql reads no data file; see --help.`);
    const weights = values.weights === undefined ? undefined : await readConfig("weights", values.weights, { progress: () => {}, note, encoding: values.encoding });
    const query = await sqlText(
      { dialect: values.dialect, table: values.table, columns: values.columns, sample: values.sample, lineOrder: values["line-order"], weights: weights || settings.length ? [...(weights ?? []), ...settings] : undefined, asOf },
      { progress: () => {}, note, sheet: values.sheet, encoding: values.encoding },
    );
    await deliver(values.out, query);
    return;
  }
  for (const o of ["dialect", "table", "columns", "sample", "line-order"] as const) if (values[o] !== undefined) throw new UsageError(`--${o} belongs to the sql command; see --help.`);
  const kind = reportKind(reportName.toLowerCase());
  if (!kind) throw new UsageError(`unknown report "${reportName}": use one of ${REPORT_KINDS.join(", ")}, or sql.`);
  const report = kindInfo(kind);
  if (!dataFile) throw new UsageError(`no data file: vendorscore ${kind} <data file.csv|.xlsx>.`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; see --help.`);
  if (needsVendor(report) && !values.vendor) throw new UsageError(`the ${kind} report needs --vendor NAME.`);
  const files = Object.keys(report.files);
  for (const c of FILE_OPTIONS) {
    if (values[c] !== undefined && !files.includes(c)) throw new UsageError(`--${c} does not apply to the ${kind} report (it takes ${files.map((x) => `--${x}`).join(", ") || "no config file"}).`);
  }
  const format = outputFormat(values.format, values.out);
  const settingsTo = settingsParam(report);
  if (settings.length && !settingsTo) throw new UsageError(`--date-order, --decimal and --header-row do not apply to the ${kind} report.`);
  if (values.out !== undefined) checkOutFolder(values.out);
  if (!fs.existsSync(dataFile)) throw new UsageError(`${dataFile}: no such file.`);
  const engine = chooseEngine(values.engine, dataFile, kind);

  const big = fs.statSync(dataFile).size > 5 * 1024 * 1024;
  const progress: Progress = values.quiet || !big ? () => {} : (m) => process.stderr.write(`vendorscore: ${m}\n`);
  const started = Date.now();
  // The config files and settings first: the DuckDB engine takes them without reading the data here.
  const args: Record<string, unknown> = {};
  for (const [option, param] of Object.entries(report.files)) {
    const file = values[option as (typeof FILE_OPTIONS)[number]];
    if (file !== undefined) args[param] = await readConfig(option, file, { progress: () => {}, note, encoding: values.encoding });
  }
  if (settingsTo && settings.length) args[settingsTo] = [...((args[settingsTo] as Range | undefined) ?? []), ...settings];
  const today = dateToSerial(new Date());

  if (engine === "duckdb") {
    // Options that change how the JS engine reads the file's text have no DuckDB counterpart.
    const jsOnly = (["encoding", "header-row", "decimal", "sheet"] as const).find((o) => values[o] !== undefined);
    progress(`scoring ${dataFile} with DuckDB`);
    const outcome = jsOnly ? { fallback: `--${jsOnly} is read by the JS engine only` } : await scorecardOnDuckDb(dataFile, args.weights as Range | undefined, asOf ?? today);
    if ("grid" in outcome) {
      await output(outcome.grid);
      return;
    }
    if (isParquet(dataFile)) throw new UsageError(`${dataFile}: ${outcome.fallback}; a Parquet file is read by DuckDB only, so write the column as DATE, TIMESTAMP or a number type.`);
    note(`the DuckDB engine cannot read ${path.basename(dataFile)} as the JS engine does: ${outcome.fallback}. Running the JS engine instead.`);
  }

  progress(`reading ${dataFile}`);
  const read: ReadOptions = { progress, note, sheet: values.sheet, encoding: values.encoding, headerRow: values["header-row"] === undefined ? undefined : headerRow(values["header-row"]) };
  const data = await readTable(dataFile, read);
  // The report's function, its parameters filled by name: the data, config files, then values.
  args[report.source.param] = data.range;
  if (asOf !== undefined && report.fn.params.some((p) => p.name === "as_of")) args.as_of = asOf;
  for (const [option, param] of Object.entries(VALUE_OPTIONS)) {
    const v = values[option as keyof typeof VALUE_OPTIONS];
    if (v !== undefined && report.fn.params.some((p) => p.name === param)) args[param] = v;
  }

  progress(`computing ${kind} over ${(data.range.length - 1).toLocaleString("en-US")} rows`);
  const { context } = createCatalog({ today: () => today });
  if (report.compose) {
    // A report made of blocks (the business review): the whole sheet the panes write.
    const sheet = buildReport(
      { kind: kind!, source: data.range, config: (args.weights ?? []) as ResultGrid, asOf: asOf === undefined ? "today" : parseDate(asOf, "MDY"), ...(values.vendor ? { vendor: values.vendor } : {}) },
      context,
    );
    if (isCoreError(sheet)) throw new UsageError(`${kind}: ${sheet.code} ${sheet.message}`);
    progress(`writing the ${kind} to ${values.out ?? "standard output"}`);
    await deliver(values.out, await renderBlocks(sheet, format, report.defaultOutput));
    return;
  }
  const result = bind(report.fn, context).call(args);
  if (isCoreError(result)) {
    const sheets = result.kind === "bad_header" && data.sheets ? ` (sheet "${data.sheet}" was read; the workbook's sheets are ${listed(data.sheets)}: pick one with --sheet)` : "";
    throw new UsageError(`${kind}: ${result.code} ${result.message}${sheets}`);
  }
  await output((Array.isArray(result) ? result : [[result]]) as ResultGrid);

  async function output(grid: ResultGrid): Promise<void> {
    progress(`writing ${grid.length - 1} rows to ${values.out ?? "standard output"}`);
    await deliver(values.out, await render(grid, format, kind!, report.defaultOutput, report.fn.dateColumns ?? [], args.weights as Range | undefined));
    progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        weights: { type: "string" },
        policy: { type: "string" },
        calendar: { type: "string" },
        risk: { type: "string" },
        lines: { type: "string" },
        survey: { type: "string" },
        vendor: { type: "string" },
        "as-of": { type: "string" },
        "at-risk": { type: "string" },
        "date-order": { type: "string" },
        decimal: { type: "string" },
        "header-row": { type: "string" },
        encoding: { type: "string" },
        sheet: { type: "string" },
        out: { type: "string", short: "o" },
        format: { type: "string" },
        engine: { type: "string" },
        dialect: { type: "string" },
        table: { type: "string" },
        columns: { type: "string" },
        sample: { type: "string" },
        "line-order": { type: "string" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; see --help.`);
  }
}

function outputFormat(format: string | undefined, out: string | undefined): Format {
  const f = (format ?? (out ? path.extname(out).slice(1) : "csv")).toLowerCase();
  if (f === "csv" || f === "json" || f === "xlsx") return f;
  throw new UsageError(format ? `--format ${format}: use csv, json or xlsx.` : `--out ${out}: name a .csv, .xlsx or .json file, or give --format.`);
}

/** A missing output folder fails before any reading, not after minutes of work. */
function checkOutFolder(out: string): void {
  const dir = path.dirname(path.resolve(out));
  try {
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: "ENOTDIR" });
  } catch (e) {
    throw new OutputError(`cannot write ${out}: ${systemReason(e)}; nothing was changed.`);
  }
}

async function readConfig(name: string, file: string, options: ReadOptions): Promise<Range> {
  try {
    return await readRange(file, { ...options, parquet: false, ragged: CONFIG_ROWS.has(name) });
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`--${name} ${e.message}`);
    throw e;
  }
}

/** A reader that stopped early (`vendorscore ... | head`) is not a failure: end quietly. */
const isClosedPipe = (e: unknown) => (e as NodeJS.ErrnoException)?.code === "EPIPE";
process.stdout.on("error", (e) => {
  if (isClosedPipe(e)) process.exit(0);
  process.stderr.write(`vendorscore: cannot write to standard output: ${systemReason(e)}.\n`);
  process.exit(EXIT_OUTPUT);
});

main(process.argv.slice(2)).catch((e: unknown) => {
  if (isClosedPipe(e)) return;
  const [code, message] =
    e instanceof UsageError ? [EXIT_USAGE, e.message]
    : e instanceof OutputError ? [EXIT_OUTPUT, e.message]
    : (e as NodeJS.ErrnoException)?.syscall === "write" ? [EXIT_OUTPUT, `cannot write to standard output: ${systemReason(e)}.`]
    : [1, `unexpected failure (a bug; please report it): ${(e as Error)?.message ?? String(e)}`];
  process.stderr.write(`vendorscore: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = code;
});
