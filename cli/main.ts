import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { createCatalog, DEFINITIONS, isCoreError, type Range, type ResultGrid } from "../core";
import { EXIT_USAGE, UsageError } from "./errors";
import { readRange, type Progress } from "./read";
import { REPORTS, type ConfigName, type ReportInputs } from "./reports";
import { writeResult, type Format } from "./write";

const HELP = `vendorscore: vendor scorecards, SLA status and segments from CSV or XLSX files.

Usage: vendorscore <report> <data file> [options]

Reports:
${REPORTS.map((r) => `  ${r.name.padEnd(10)} ${r.summary}`).join("\n")}

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
  const report = REPORTS.find((r) => r.name === reportName.toLowerCase());
  if (!report) throw new UsageError(`unknown report "${reportName}": use one of ${REPORTS.map((r) => r.name).join(", ")}.`);
  if (!dataFile) throw new UsageError(`no data file: vendorscore ${report.name} <data file.csv|.xlsx>.`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; see --help.`);
  if (report.needsVendor && !values.vendor) throw new UsageError(`the ${report.name} report needs --vendor NAME.`);
  for (const c of ["weights", "policy", "calendar", "risk"] as const) {
    if (values[c] !== undefined && !report.configs.includes(c)) throw new UsageError(`--${c} does not apply to the ${report.name} report (it takes ${report.configs.map((x) => `--${x}`).join(", ") || "no config file"}).`);
  }
  const format = outputFormat(values.format, values.out);

  const big = fs.existsSync(dataFile) && fs.statSync(dataFile).size > 5 * 1024 * 1024;
  const progress: Progress = values.quiet || !big ? () => {} : (m) => process.stderr.write(`vendorscore: ${m}\n`);
  const started = Date.now();
  progress(`reading ${dataFile}`);
  const data = await readRange(dataFile, progress, values.sheet);
  const inputs: { -readonly [K in keyof ReportInputs]: ReportInputs[K] } = {};
  for (const c of report.configs) {
    const file = values[c];
    if (file !== undefined) inputs[c] = await readConfig(c, file);
  }
  if (values.vendor !== undefined) inputs.vendor = values.vendor;
  if (values["as-of"] !== undefined) inputs.asOf = values["as-of"];
  if (values["at-risk"] !== undefined) inputs.atRisk = values["at-risk"];

  progress(`computing ${report.name} over ${(data.length - 1).toLocaleString("en-US")} rows`);
  const catalog = createCatalog({ now: () => new Date() });
  const fn = catalog[report.functionName as keyof typeof catalog];
  const result = fn.fn(...report.args(data, inputs));
  if (isCoreError(result)) throw new UsageError(`${report.name}: ${result.code} ${result.message}`);
  const grid = (Array.isArray(result) ? result : [[result]]) as ResultGrid;
  const dateColumns = DEFINITIONS.find((d) => d.name === report.functionName)?.dateColumns ?? [];
  progress(`writing ${grid.length - 1} rows to ${values.out ?? "standard output"}`);
  await writeResult(grid, format, values.out, report.sheet, dateColumns);
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

async function readConfig(name: ConfigName, file: string): Promise<Range> {
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
