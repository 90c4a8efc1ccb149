/**
 * `npm run bench`: times the core against the spreadsheet way (COUNTIFS/SUMIFS in HyperFormula)
 * and a columnar engine (DuckDB) on the same generated ranges, after checking that all of them
 * give the same KPIs. Writes bench/results/latest.json and latest.md. BENCH_SIZES=10000,100000
 * limits the sizes for a quick run; BENCH_SECTIONS=long-cells (any of po, periods, formulas, calls, sla, long-cells)
 * runs only those sections and prints them without writing the results files.
 * The command-line row runs the whole `vendorscore scorecard` process on a CSV file of
 * BENCH_CLI_LINES lines (default 1,000,000) with each engine, and on a Parquet file of
 * BENCH_PARQUET_LINES lines (default 10,000,000; 0 leaves it out); BENCH_CLI_ONLY=1 runs only
 * those rows and writes bench/results/cli.json and cli.md instead.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createCatalog, fingerprint, isCoreError, parseDate, parseNumber, ParseCache, readCalendar, readPolicy, sameContent, serialOf, type Catalog, type FunctionName, type Range, type ResultGrid } from "../core";
import { cliSuite, parquetSuite } from "./cli";
import { DuckEngine } from "./duckdb";
import { PO_AS_OF, poRange, riskRange, TICKET_LOG_AS_OF, ticketLogRange, ticketRange, TICKETS_OPEN_FROM } from "./generate";
import { hyperFormulaKpis } from "./hyperformula";
import { assertSame, fromScorecard } from "./kpis";
import { median, timeAsync, timeSync } from "./measure";
import { peakOf, sizeOf } from "./memory";

interface Row {
  suite: string;
  lines: number;
  engine: string;
  ms: number;
  linesPerSec: number;
  peakMB?: number;
  note?: string;
}

interface Target {
  target: string;
  value: number;
  goal: string;
  met: boolean;
}

const env = { today: () => serialOf(2024, 12, 31) };
const catalog = createCatalog(env);
const parseCache = catalog.context.cache;
/** The same functions with a cache that keeps nothing: every call parses. */
const uncachedCatalog = createCatalog(env, new ParseCache({ entries: 0, cells: 0, keepFrom: 1 }));
const rows: Row[] = [];
const targets: Target[] = [];
const inputs: { lines: number; inputMB: number }[] = [];
const sizes = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const sections = process.env.BENCH_SECTIONS?.split(",").map((x) => x.trim());
const runs = (section: string) => !sections || sections.includes(section);
const MB = 1024 * 1024;
const RISK = riskRange();

function table(name: FunctionName, ...args: unknown[]): ResultGrid {
  const out = catalog[name].fn(...args);
  if (isCoreError(out)) throw new Error(`${name}: ${out.code} ${out.message}`);
  return out as ResultGrid;
}

function fail(message: string): never {
  throw new Error(message);
}

function has(name: string): boolean {
  if (name in catalog) return true;
  console.log(`note: ${name} is not in the catalog; skipped`);
  return false;
}

function add(row: Omit<Row, "linesPerSec">): Row {
  const full = { ...row, linesPerSec: Math.round((row.lines / row.ms) * 1000) };
  rows.push(full);
  const mem = full.peakMB === undefined ? "" : `  peak ${full.peakMB.toFixed(1)} MB`;
  console.log(`${full.suite.padEnd(12)} ${String(full.lines).padStart(9)}  ${full.engine.padEnd(44)} ${fmtMs(full.ms).padStart(10)}  ${fmtRate(full.linesPerSec).padStart(8)} lines/s${mem}`);
  return full;
}

function goal(target: string, value: number, op: ">=" | "<=" | "<", bound: number): void {
  const met = op === ">=" ? value >= bound : op === "<=" ? value <= bound : value < bound;
  targets.push({ target, value, goal: `${op} ${bound}`, met });
  console.log(`target: ${target}: ${value.toFixed(2)} (goal ${op} ${bound}) ${met ? "met" : "NOT met"}`);
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 0.1 ? 4 : ms < 10 ? 2 : 1)} ms`);
const fmtRate = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(1)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(0)}k` : String(r));
const repsFor = (lines: number) => (lines >= 1_000_000 ? 3 : lines >= 100_000 ? 5 : 9);

const scorecard = (range: Range) => table("VENDORSCORECARD", range, undefined, PO_AS_OF);

/**
 * The core's compute on a table already parsed: the cache is asked for nothing but that table,
 * handed as a new object each time so that the analysis kept with a table is not reused either.
 */
function computeOnly<T>(range: Range, fn: () => T): () => T {
  let lines: unknown;
  parseCache.read = ((_r: Range, kind: string, _s: unknown, parse: () => unknown) => (kind === "lines" ? (lines = parse()) : parse())) as typeof parseCache.read;
  fn();
  return () => {
    parseCache.read = ((_r: Range, kind: string, _s: unknown, parse: () => unknown) => (kind === "lines" ? { ...(lines as object) } : parse())) as typeof parseCache.read;
    try {
      return fn();
    } finally {
      delete (parseCache as { read?: unknown }).read;
    }
  };
}

async function poSuite(lines: number, duck: DuckEngine): Promise<void> {
  const { bytes, value: range } = sizeOf(() => poRange(lines));
  inputs.push({ lines, inputMB: bytes / MB });
  console.log(`\n${lines} PO lines: input range ${(bytes / MB).toFixed(1)} MB (V8 heap kept alive by the generated 2D array)`);
  const reps = repsFor(lines);

  // Every engine must give the same KPIs before any time is printed.
  parseCache.clear();
  const ours = fromScorecard(scorecard(range));
  await duck.load(range);
  assertSame(`DuckDB at ${lines} lines`, ours, await duck.kpis(PO_AS_OF));
  const runHf = lines <= 10_000;
  // The formula sheet takes about a minute at 10k lines: its checked run is also its timed run.
  let hfMs = 0;
  if (runHf) {
    const t = performance.now();
    const hfKpis = hyperFormulaKpis(range, PO_AS_OF);
    hfMs = performance.now() - t;
    assertSame(`HyperFormula at ${lines} lines`, ours, hfKpis);
  }
  console.log(`checked: core, DuckDB${runHf ? " and HyperFormula" : ""} agree on on_time, in_full, defect_rate, price_variance and spend for all ${ours.size} vendors`);

  const mem = peakOf(() => {
    parseCache.clear();
    return scorecard(range);
  }).peak;
  const cold = add({ suite: "scorecard", lines, engine: "core VENDORSCORECARD cold (parse + compute)", ms: timeSync(() => (parseCache.clear(), scorecard(range)), reps), peakMB: mem / MB });
  // The check a cache hit pays, against a range generated again (its strings are other objects, as a host's are).
  const kept = fingerprint(poRange(lines));
  const fp = add({ suite: "scorecard", lines, engine: "core recognising the range (cache check)", ms: timeSync(() => sameContent(kept, range) || fail("range not recognised"), reps) });
  scorecard(range);
  add({ suite: "scorecard", lines, engine: "core VENDORSCORECARD warm (cache hit)", ms: timeSync(() => scorecard(range), reps), note: "cache check + kept analysis" });
  const warm = add({ suite: "scorecard", lines, engine: "core VENDORSCORECARD warm, compute only", ms: timeSync(computeOnly(range, () => scorecard(range)), reps) });
  if (has("VENDORSEGMENTS")) {
    const segMem = peakOf(() => (parseCache.clear(), table("VENDORSEGMENTS", range, RISK, undefined, PO_AS_OF))).peak;
    add({ suite: "segments", lines, engine: "core VENDORSEGMENTS cold", ms: timeSync(() => (parseCache.clear(), table("VENDORSEGMENTS", range, RISK, undefined, PO_AS_OF)), reps), peakMB: segMem / MB });
  }
  const load = add({ suite: "scorecard", lines, engine: "DuckDB load (appender) + GROUP BY", ms: await timeAsync(async () => (await duck.load(range), duck.kpis(PO_AS_OF)), Math.min(reps, 3)), note: "memory outside V8 not measured" });
  const query = add({ suite: "scorecard", lines, engine: "DuckDB GROUP BY only", ms: await timeAsync(() => duck.kpis(PO_AS_OF), reps) });
  let hf: Row | undefined;
  if (runHf) hf = add({ suite: "scorecard", lines, engine: "HyperFormula COUNTIFS/SUMIFS sheet", ms: hfMs, note: "one run" });

  if (lines === 1_000_000 || lines === Math.max(...sizes)) {
    goal(`cold vs DuckDB load + query at ${lines} lines (x faster)`, load.ms / cold.ms, ">=", 2);
    goal(`warm compute vs DuckDB query only at ${lines} lines (x slower)`, warm.ms / query.ms, "<=", 2);
    goal(`VENDORSCORECARD peak memory / input size at ${lines} lines`, mem / bytes, "<", 3);
    console.log(`cache check at ${lines} lines: ${fmtMs(fp.ms)} (${((fp.ms / cold.ms) * 100).toFixed(0)}% of a cold call)`);
  }
  if (hf) goal(`HyperFormula sheet vs core cold at ${lines} lines (x faster)`, hf.ms / cold.ms, ">=", 1000);
}

/** Monthly business reviews: 12 months of history ending with the month holding the as-of date. */
const MONTHLY: Range = [["period", "month"], ["history", 12]];
/** The last month the generated lines are promised in (they end on 2024-11-30), judged at its end. */
const REVIEW_AS_OF = serialOf(2024, 11, 30);

/**
 * The period scorecard (the month holding as_of, with previous score, change and the overall
 * score over 12 months) and the portfolio heat map, each cold, beside the cold snapshot on the
 * same range: all three read the lines once and sum them in one pass.
 */
function periodSuite(lines: number): void {
  const range = poRange(lines);
  console.log(`\n${lines} PO lines: monthly reviews (period, month; history, 12) beside the snapshot`);
  const card = table("VENDORSCORECARD", range, MONTHLY, REVIEW_AS_OF);
  if (card[0]!.at(-1) !== "Overall" || card.length < 2) fail("the monthly scorecard lacks its period columns or its vendors");
  const heat = table("VENDORTRENDS", range, undefined, MONTHLY, REVIEW_AS_OF);
  if (heat[0]!.length !== 13) fail("VENDORTRENDS should spill 12 monthly columns");
  const ms = interleaved(
    {
      snapshot: () => table("VENDORSCORECARD", range, undefined, REVIEW_AS_OF),
      monthly: () => table("VENDORSCORECARD", range, MONTHLY, REVIEW_AS_OF),
      trends: () => table("VENDORTRENDS", range, undefined, MONTHLY, REVIEW_AS_OF),
    },
    repsFor(lines) + 2,
  );
  const snapshot = add({ suite: "periods", lines, engine: "core VENDORSCORECARD cold (snapshot)", ms: ms.snapshot });
  const monthly = add({ suite: "periods", lines, engine: "core VENDORSCORECARD cold, period month (12 periods)", ms: ms.monthly, note: `${card.length - 1} vendors in the month` });
  const trends = add({ suite: "periods", lines, engine: "core VENDORTRENDS cold, 12 months", ms: ms.trends, note: `${heat.length - 1} vendors` });
  if (lines === Math.max(...sizes)) {
    goal(`monthly VENDORSCORECARD / snapshot, cold, at ${lines} lines`, monthly.ms / snapshot.ms, "<=", 1.5);
    goal(`VENDORTRENDS / snapshot VENDORSCORECARD, cold, at ${lines} lines`, trends.ms / snapshot.ms, "<=", 1.5);
  }
}

function repeatedCalls(lines: number): void {
  const range = poRange(lines);
  const vendors = fromScorecard(scorecard(range));
  const names = [...vendors.keys()].slice(0, 200);
  const calls = (n: number, c: Catalog = catalog) => () => {
    for (let i = 0; i < n; i++) {
      const v = c.VENDORSCORE.fn(range, names[i % names.length], undefined, PO_AS_OF);
      if (isCoreError(v)) throw new Error(v.message);
    }
  };
  console.log(`\n200 =VENDORSCORE(data, vendor) calls over ${lines} lines (${names.length} vendors)`);
  parseCache.clear();
  const cached = add({ suite: "200 calls", lines, engine: "core 200 x VENDORSCORE, parse cache on", ms: timeSync(() => (parseCache.clear(), calls(200)()), 3) });
  const one = add({ suite: "200 calls", lines, engine: "core 1 x VENDORSCORE (for scale)", ms: timeSync(() => (parseCache.clear(), calls(1)()), 5) });
  const uncached = add({ suite: "200 calls", lines, engine: "core 200 x VENDORSCORE, parse cache off", ms: timeSync(calls(200, uncachedCatalog), 1, 0), note: "one run" });
  console.log(`200 calls: cache off / cache on at ${lines} lines: ${(uncached.ms / cached.ms).toFixed(2)}x`);
  // What a cached call still pays: recognising the range, which reads every cell (a host hands a
  // fresh array each call, so nothing less is exact). The cache should add nothing beyond that.
  const kept = fingerprint(poRange(lines));
  const fps = add({ suite: "200 calls", lines, engine: "core 200 x cache check of the range", ms: timeSync(() => { for (let i = 0; i < 200; i++) sameContent(kept, range) || fail("range not recognised"); }, 3) });
  goal(`200 cached calls / (1 call + 199 exact range checks) at ${lines} lines`, cached.ms / (one.ms + (fps.ms * 199) / 200), "<=", 1.5);
  console.log(`200 cached calls cost ${(cached.ms / one.ms).toFixed(1)} single calls; ${((fps.ms / cached.ms) * 100).toFixed(0)}% of their time is the cache check`);
}

function slaSuite(): void {
  if (!has("SLASTATUS")) return;
  for (const n of sizes.filter((s) => s <= 100_000)) {
    const range = ticketRange(n);
    const asOf = 45_400;
    table("SLASTATUS", range, undefined, undefined, asOf);
    const mem = peakOf(() => (parseCache.clear(), table("SLASTATUS", range, undefined, undefined, asOf))).peak;
    add({ suite: "sla", lines: n, engine: "core SLASTATUS cold (85% resolved)", ms: timeSync(() => (parseCache.clear(), table("SLASTATUS", range, undefined, undefined, asOf)), repsFor(n)), peakMB: mem / MB });
  }
  const n = Math.min(100_000, Math.max(...sizes));
  const open = ticketRange(n, true);
  console.log(`\n${n} open tickets (opened within 30 days), judged 1 day and 365 days after the last opened`);
  const day = add({ suite: "sla", lines: n, engine: "core SLASTATUS, all open, 1 day later", ms: timeSync(() => (parseCache.clear(), table("SLASTATUS", open, undefined, undefined, TICKETS_OPEN_FROM + 31)), 3) });
  const year = add({ suite: "sla", lines: n, engine: "core SLASTATUS, all open, 365 days later", ms: timeSync(() => (parseCache.clear(), table("SLASTATUS", open, undefined, undefined, TICKETS_OPEN_FROM + 30 + 365)), 3) });
  console.log(`365 days open / 1 day open: ${(year.ms / day.ms).toFixed(2)}x (business hours are counted by whole weeks, not hour by hour)`);
  serviceDeskRow(n);
}

/**
 * SLASTATUS the way service desks define SLAs: hours per weekday with a Saturday half-day and a
 * Friday night shift, two years of holidays, pauses from a five-event-per-ticket log, UTC ticket
 * times against a Europe/Berlin calendar. Compared with the plain cold row at the same number of tickets.
 */
function serviceDeskRow(n: number): void {
  const log = ticketLogRange(n);
  const holidays = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-10-03", "2025-12-25", "2025-12-26",
    "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"];
  const calendar = [
    ["hours", "Mon-Thu", "08:00-18:00"], ["hours", "Fri", "08:00-18:00", "22:00-02:00"], ["hours", "Sat", "09:00-13:00"],
    ["timezone", "Europe/Berlin"], ...holidays.map((h) => ["holiday", h]),
  ];
  const policy = [
    ["P1", 4, 0.5, "24x7"], ["P2", 8, 1], ["P3", 24, 4], ["P4", 40, 8],
    ["pause", "On hold"], ["pause", "Awaiting user info"], ["data_timezone", "UTC"],
  ];
  const plainRange = ticketRange(n);
  const runs = {
    plain: () => (parseCache.clear(), table("SLASTATUS", plainRange, undefined, undefined, 45_400)),
    desk: () => (parseCache.clear(), table("SLASTATUS", log, policy, calendar, TICKET_LOG_AS_OF)),
    // The same log under the default policy and calendar: what reading five rows per ticket costs alone.
    sameLog: () => (parseCache.clear(), table("SLASTATUS", log, undefined, undefined, TICKET_LOG_AS_OF)),
  };
  const rows = `${(log.length - 1).toLocaleString("en-US")} log rows`;
  const desk = add({ suite: "sla", lines: n, engine: "core SLASTATUS, service-desk SLAs (weekday hours, night shift, holidays, 5-event log with pauses, UTC data on a Berlin calendar)", ms: timeSync(runs.desk, 3), note: rows });
  const sameLog = add({ suite: "sla", lines: n, engine: "core SLASTATUS, the same log, default policy and calendar", ms: timeSync(runs.sameLog, 3), note: rows });
  // The ratios come from interleaved runs timed in CPU time: on a shared machine, wall time between
  // rows measured minutes apart drifts by more than the ratio being judged.
  const cpu = { plain: [] as number[], desk: [] as number[], sameLog: [] as number[] };
  // Eleven rounds: on a shared machine one round's garbage collection can move a call by a third.
  const ROUNDS = 11;
  for (let i = 0; i < ROUNDS; i++) {
    for (const k of ["plain", "desk", "sameLog"] as const) {
      const t = process.cpuUsage();
      runs[k]();
      const u = process.cpuUsage(t);
      cpu[k].push((u.user + u.system) / 1000);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(`CPU time, median of ${ROUNDS} interleaved runs: plain ${med(cpu.plain).toFixed(0)} ms, service-desk ${med(cpu.desk).toFixed(0)} ms, same log under the default policy ${med(cpu.sameLog).toFixed(0)} ms (wall: ${fmtMs(desk.ms)}, ${fmtMs(sameLog.ms)})`);
  goal(`SLASTATUS service-desk SLAs / plain SLASTATUS at ${n} tickets (x, CPU time)`, med(cpu.desk) / med(cpu.plain), "<=", 1.5);
  console.log(`service-desk SLAs / the same log under the default policy: ${(med(cpu.desk) / med(cpu.sameLog)).toFixed(2)}x (CPU time)`);
}

/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_767;

/** `head`, `run` repeated and `tail`, exactly Excel's limit long. */
function longCell(head: string, run: string, tail: string): string {
  return (head + run.repeat(Math.ceil(CELL_LIMIT / run.length))).slice(0, CELL_LIMIT - tail.length) + tail;
}

/**
 * How long one adversarial cell of 32,767 characters takes to judge: the inputs fuzzing found
 * quadratic (0.4-1.2 s each) before every pattern was made linear. A thrown config error is the verdict.
 */
function longCellsSuite(): void {
  console.log(`\nLong cells: one adversarial ${CELL_LIMIT.toLocaleString("en-US")}-character cell judged (median of 9 runs)`);
  // Each cell is built once, outside the timed call; a thrown bad_config is the verdict on it.
  const cases: [string, string, (cell: string) => unknown][] = [
    ['number "1,,,...,1" (parseNumber)', longCell("1", ",", "1"), parseNumber],
    ['date "2025-01-01 10:00   ...   x" (parseDate)', longCell("2025-01-01 10:00", " ", "x"), parseDate],
    // A policy made afresh each run: its match cache would otherwise answer from the second run on.
    ['priority "P   ...   x" (policy match)', longCell("P", " ", "x"), (cell) => (readPolicy([["P1", 4]]) as { match(p: string): unknown }).match(cell)],
    ['workdays "mon   ...   fri" (readCalendar)', longCell("mon", " ", "fri"), (cell) => readCalendar([["workdays", cell]])],
    ['hours "9   ...   17" (readCalendar)', longCell("9", " ", "17"), (cell) => readCalendar([["hours", cell]])],
  ];
  for (const [what, cell, judge] of cases) {
    const call = () => {
      try {
        judge(cell);
      } catch (e) {
        if (!isCoreError(e)) throw e;
      }
    };
    add({ suite: "long cells", lines: 1, engine: `core ${what}`, ms: timeSync(call, 9), note: `${CELL_LIMIT} characters` });
  }
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? "unknown", cores: cpus.length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.arch()}` };
}

function markdown(m: ReturnType<typeof machine>): string {
  const lines = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${m.platform}). Median of several runs after a warm-up; peak memory is V8 heap + ArrayBuffers above what was live before the call.`,
    "",
    "| Lines | Engine | Time | Lines/s | Peak memory |",
    "|---:|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.lines.toLocaleString("en-US")} | ${r.engine}${r.note ? ` (${r.note})` : ""} | ${fmtMs(r.ms)} | ${fmtRate(r.linesPerSec)} | ${r.peakMB === undefined ? "" : `${r.peakMB.toFixed(0)} MB`} |`),
    "",
    "Input size (V8 heap held by the generated 2D range): " + inputs.map((i) => `${i.lines.toLocaleString("en-US")} lines ${i.inputMB.toFixed(0)} MB`).join(", ") + ".",
    "",
    "| Target | Value | Goal | Met |",
    "|---|---:|---:|---|",
    ...targets.map((t) => `| ${t.target} | ${t.value.toFixed(2)} | ${t.goal} | ${t.met ? "yes" : "no"} |`),
    "",
  ];
  return lines.join("\n");
}

/** The whole command-line process on a CSV file with each engine beside DuckDB reading the same file, one row each and their ratios; then a Parquet file. */
async function cliRow(duck: DuckEngine): Promise<void> {
  const lines = Number(process.env.BENCH_CLI_LINES ?? 1_000_000);
  const f = await cliSuite(lines, duck);
  const file = `${f.fileMB.toFixed(0)} MB CSV`;
  const peak = (p: number | undefined) => (p === undefined ? {} : { peakMB: p });
  add({ suite: "cli", lines, engine: "vendorscore scorecard process, JS engine (start, read CSV, compute, write)", ms: f.cli.js.ms, ...peak(f.cli.js.peakMB), note: `${file}; peak = max RSS` });
  add({ suite: "cli", lines, engine: "vendorscore scorecard process, DuckDB engine (start, DuckDB reads the CSV and runs the compiled query, write)", ms: f.cli.duckdb.ms, ...peak(f.cli.duckdb.peakMB), note: `${file}; peak = max RSS` });
  add({ suite: "cli", lines, engine: "DuckDB read_csv + GROUP BY (in process)", ms: f.duckMs, note: file });
  goal(`vendorscore process, JS engine vs DuckDB read_csv + GROUP BY at ${lines} lines (x slower)`, f.cli.js.ms / f.duckMs, "<=", 4);
  goal(`vendorscore process, DuckDB engine vs DuckDB read_csv + GROUP BY at ${lines} lines (x slower)`, f.cli.duckdb.ms / f.duckMs, "<=", 2);
  if (f.cli.js.peakMB !== undefined) goal(`vendorscore process, JS engine peak RSS at ${lines} lines (MB)`, f.cli.js.peakMB, "<", 1024);
  if (f.cli.duckdb.peakMB !== undefined) goal(`vendorscore process, DuckDB engine peak RSS at ${lines} lines (MB)`, f.cli.duckdb.peakMB, "<", 500);
  const parquetLines = Number(process.env.BENCH_PARQUET_LINES ?? 10_000_000);
  if (parquetLines > 0) {
    const p = await parquetSuite(parquetLines, duck);
    add({ suite: "cli", lines: parquetLines, engine: "vendorscore scorecard process on Parquet, DuckDB engine", ms: p.ms, ...peak(p.peakMB), note: `${p.fileMB.toFixed(0)} MB Parquet; peak = max RSS` });
    if (p.peakMB !== undefined) goal(`vendorscore process on Parquet peak RSS at ${parquetLines} lines (MB)`, p.peakMB, "<", 500);
  }
}

/** The default scored KPIs as rows, so that the formula rows below add to them rather than replace them. */
const BUILT_IN: Range = [["on_time", 35], ["in_full", 20], ["defect_rate", 25], ["price_variance", 20]];
/** Three formula KPIs over the generated columns: a ratio of sums, a median, and a guarded mean. */
const FORMULAS: Range = [
  ...BUILT_IN,
  ["First-pass yield", 10, 1, 0.95, "1 - sum([Rejected Qty]) / sum([Received Qty])"],
  ["Typical order", 5, 100, 10, "median([Ordered Qty])"],
  ["Mean amount", 5, 1000, 100, "if(count([Amount]) > 0, sum([Amount]) / count([Amount]), 0)"],
];

/**
 * The scorecard with three formula KPIs, cold, beside the cold scorecard without them on the same
 * range: the formulas' aggregates are gathered in the same pass over the lines.
 */
function formulaSuite(lines: number): void {
  const range = poRange(lines);
  console.log(`\n${lines} PO lines: three formula KPIs beside the built-in scorecard`);
  const plain = table("VENDORSCORECARD", range, BUILT_IN, PO_AS_OF);
  const withFormulas = table("VENDORSCORECARD", range, FORMULAS, PO_AS_OF);
  if (plain.length !== withFormulas.length) fail("the scorecard with formula KPIs lists other vendors");
  const yieldOf = catalog.VENDORKPI.fn(range, plain[1]![0], "First-pass yield", PO_AS_OF, FORMULAS);
  if (typeof yieldOf !== "number") fail("the formula KPI has no value for the first vendor");
  // The two calls take turns, round after round, so a busy machine slows them alike; each is cold.
  const ms = interleaved(
    {
      plain: () => table("VENDORSCORECARD", range, BUILT_IN, PO_AS_OF),
      formulas: () => table("VENDORSCORECARD", range, FORMULAS, PO_AS_OF),
    },
    repsFor(lines) + 2,
  );
  const base = add({ suite: "formulas", lines, engine: "core VENDORSCORECARD cold, four built-in KPIs", ms: ms.plain });
  const own = add({ suite: "formulas", lines, engine: "core VENDORSCORECARD cold, the same and three formula KPIs", ms: ms.formulas, note: "sum ratio, median, guarded mean" });
  if (lines === Math.max(...sizes)) goal(`scorecard with three formula KPIs / without, cold, at ${lines} lines`, own.ms / base.ms, "<=", 1.5);
}

/**
 * Cold calls taking turns, round after round, so that a busy machine slows them alike; the first
 * round warms up. The median time of each call.
 */
function interleaved<K extends string>(calls: Record<K, () => unknown>, rounds: number): Record<K, number> {
  const keys = Object.keys(calls) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let i = 0; i <= rounds; i++) {
    for (const k of keys) {
      parseCache.clear();
      const t = performance.now();
      calls[k]();
      if (i > 0) times.get(k)!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(times.get(k)!)])) as Record<K, number>;
}

async function main(): Promise<void> {
  const m = machine();
  console.log(`vendorscore benchmark on ${m.cpu} (${m.cores} cores), Node ${m.node}`);
  const cliOnly = process.env.BENCH_CLI_ONLY === "1";
  const duck = await DuckEngine.open();
  if (!cliOnly) {
    if (runs("po")) for (const lines of sizes) await poSuite(lines, duck);
    if (runs("periods")) for (const lines of sizes) periodSuite(lines);
    if (runs("formulas")) for (const lines of sizes) formulaSuite(lines);
    if (runs("calls")) repeatedCalls(Math.min(100_000, Math.max(...sizes)));
    console.log("");
    if (runs("sla")) slaSuite();
    if (runs("long-cells")) longCellsSuite();
  }
  if (cliOnly || runs("cli")) await cliRow(duck);
  if (sections && !cliOnly) {
    console.log(`\nBENCH_SECTIONS=${sections.join(",")}: results files left as they were`);
    return;
  }
  const dir = path.join(__dirname, "results");
  const name = cliOnly ? "cli" : "latest";
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ machine: m, date: new Date().toISOString(), inputs, rows, targets }, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown(m));
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(dir, `${name}.json`))} and ${name}.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
