import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { bind, createCatalog, dateToSerial, isCoreError, type Range, type ResultGrid } from "../core";
import { KIND_INFO, REPORT_KINDS, kindInfo, reportKind, type ReportKindInfo } from "../core/report";
import { EXIT_USAGE, UsageError } from "./errors";
import { readRange, type Progress } from "./read";
import { writeResult, type Format } from "./write";

/** Config file options, each filling the catalog parameter a report's record names. */
const FILE_OPTIONS = ["weights", "policy", "calendar", "risk"] as const;
/** Value options and the catalog parameter each fills, where a report's function has it. */
const VALUE_OPTIONS = { vendor: "vendor", "as-of": "as_of", "at-risk": "at_risk" } as const;

/** A report needs `--vendor` when its function has a vendor parameter. */
const needsVendor = (r: ReportKindInfo) => r.fn.params.some((p) => p.name === "vendor" && !p.optional);

const HELP = `vendorscore: vendor scorecards, SLA status and segments from CSV or XLSX files.

Usage: vendorscore <report> <data file> [options]

Reports:
${REPORT_KINDS.map((k) => `  ${k.padEnd(10)} ${KIND_INFO[k].summary}`).join("\n")}

Options:
  --weights FILE   weights / settings / mapping rows (scorecard, breakdown, segments, quality)
  --policy FILE    SLA policy rows: priority, resolution h, [response h], [business|24x7]
  --calendar FILE  business hours rows: workdays, hours, holiday
  --risk FILE      two columns vendor, supply risk (segments)
  --vendor NAME    the vendor (breakdown)
  --as-of DATE     judge the data at this date, e.g. 2025-03-31 (default: today)
  --at-risk SHARE  share of an SLA target after which an open ticket is at risk (default 0.75)
  --sheet NAME     the sheet to read in an .xlsx data file (default: the first)
  --out FILE       write here (.csv, .xlsx or .json); default: standard output
  --format FMT     csv, json or xlsx (default: from --out, else csv)
  --quiet          no progress messages on standard error
  --help           this text

Config files are CSV or XLSX with the same rows as the ranges the spreadsheet functions take.
Text cells that start with = + - @ are written with a leading ' so no spreadsheet runs them.
Exit codes: 0 done, 2 a problem with the input (file, header, config, option).

Examples:
  vendorscore scorecard po_lines.csv --as-of 2025-03-31 --out scorecard.xlsx
  vendorscore breakdown po_lines.xlsx --vendor "Acme" --weights weights.csv --format json
  vendorscore sla tickets.csv --policy policy.csv --calendar calendar.csv > sla.csv
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const [reportName, dataFile, ...extra] = positionals;
  if (!reportName) throw new UsageError("no report given: vendorscore <report> <data file>; see --help.");
  const kind = reportKind(reportName.toLowerCase());
  if (!kind) throw new UsageError(`unknown report "${reportName}": use one of ${REPORT_KINDS.join(", ")}.`);
  const report = kindInfo(kind);
  if (!dataFile) throw new UsageError(`no data file: vendorscore ${kind} <data file.csv|.xlsx>.`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; see --help.`);
  if (needsVendor(report) && !values.vendor) throw new UsageError(`the ${kind} report needs --vendor NAME.`);
  const files = Object.keys(report.files);
  for (const c of FILE_OPTIONS) {
    if (values[c] !== undefined && !files.includes(c)) throw new UsageError(`--${c} does not apply to the ${kind} report (it takes ${files.map((x) => `--${x}`).join(", ") || "no config file"}).`);
  }
  const format = outputFormat(values.format, values.out);

  const big = fs.existsSync(dataFile) && fs.statSync(dataFile).size > 5 * 1024 * 1024;
  const progress: Progress = values.quiet || !big ? () => {} : (m) => process.stderr.write(`vendorscore: ${m}\n`);
  const started = Date.now();
  progress(`reading ${dataFile}`);
  const data = await readRange(dataFile, progress, values.sheet);
  // The report's function, its parameters filled by name: the data, config files, then values.
  const args: Record<string, unknown> = { [report.source.param]: data };
  for (const [option, param] of Object.entries(report.files)) {
    const file = values[option as (typeof FILE_OPTIONS)[number]];
    if (file !== undefined) args[param] = await readConfig(option, file);
  }
  for (const [option, param] of Object.entries(VALUE_OPTIONS)) {
    const v = values[option as keyof typeof VALUE_OPTIONS];
    if (v !== undefined && report.fn.params.some((p) => p.name === param)) args[param] = v;
  }

  progress(`computing ${kind} over ${(data.length - 1).toLocaleString("en-US")} rows`);
  const { context } = createCatalog({ today: () => dateToSerial(new Date()) });
  const result = bind(report.fn, context).call(args);
  if (isCoreError(result)) throw new UsageError(`${kind}: ${result.code} ${result.message}`);
  const grid = (Array.isArray(result) ? result : [[result]]) as ResultGrid;
  progress(`writing ${grid.length - 1} rows to ${values.out ?? "standard output"}`);
  await writeResult(grid, format, values.out, report.defaultOutput, report.fn.dateColumns ?? []);
  progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
        vendor: { type: "string" },
        "as-of": { type: "string" },
        "at-risk": { type: "string" },
        sheet: { type: "string" },
        out: { type: "string", short: "o" },
        format: { type: "string" },
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

async function readConfig(name: string, file: string): Promise<Range> {
  try {
    return await readRange(file, () => {});
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`--${name} ${e.message}`);
    throw e;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`vendorscore: ${e.message}\n`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  process.stderr.write(`vendorscore: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
