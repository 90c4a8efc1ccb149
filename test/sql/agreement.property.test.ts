import fc from "fast-check";
import { isCoreError, type CellValue, type Range, type ResultGrid } from "../../core";
import { scorecardSql } from "../../core/sql";
import { catalog } from "../helpers/sheet";
import { openDuck, openPostgres, sameScorecard, type SqlCell, type SqlColumn, type SqlDb, type SqlType } from "../helpers/sqldb";

// The compiled query run on DuckDB and on Postgres (PGlite) over generated purchase-order tables,
// beside the core's VENDORSCORECARD over the same lines as a sheet range (dates as serials).

const AS_OF = 45700;

type Field = "promised" | "delivered" | "order_date" | "ordered_qty" | "received_qty" | "rejected_qty" | "unit_price" | "contract_price" | "amount" | "status" | "compliance";
const OPTIONAL: Field[] = ["promised", "delivered", "order_date", "ordered_qty", "received_qty", "rejected_qty", "unit_price", "contract_price", "amount", "status", "compliance"];
/** Two usual headers of each field (see PO_SCHEMA); which one a table uses is drawn. */
const HEADERS: Record<Field, readonly [string, string]> = {
  promised: ["Promised Date", "due_date"],
  delivered: ["Delivered Date", "DELIVERY-DATE"],
  order_date: ["Order Date", "po_date"],
  ordered_qty: ["Ordered Qty", "quantity"],
  received_qty: ["Received Qty", "qty_received"],
  rejected_qty: ["Rejected Qty", "Defective Units"],
  unit_price: ["Unit Price", "price"],
  contract_price: ["Contract Price", "Negotiated_Price"],
  amount: ["Amount", "line total"],
  status: ["Status", "order_status"],
  compliance: ["Compliance", "compliant"],
};
const DATES = new Set<Field>(["promised", "delivered", "order_date"]);

/** A small deterministic generator, so a table of 2,000 lines is one drawn seed rather than 20,000 drawn cells. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_NAMES = ["Acme", "Beta Corp", "Caf\u00e9", "Delta", "\u00dcnal", "Zeta", "Omega Ltd", "North", "Vendor 10", "Vendor 2"];

interface Spec {
  readonly n: number;
  readonly seed: number;
  readonly vendors: number;
  readonly present: readonly Field[];
  readonly alias: readonly number[];
  readonly mapped: readonly Field[];
  readonly timestamps: readonly Field[];
  readonly weights: Range | null;
  /** The as-of day: inside the lines' dates, at their end, or after them. */
  readonly asOf: number;
}

const KPI_ROW: fc.Arbitrary<CellValue[]> = fc.oneof(
  fc.tuple(fc.constantFrom("on_time", "In full", "otif", "defect_rate", "Price variance", "lead_time", "compliance"), fc.constantFrom<CellValue>(0, 1, 2.5, 10, 35, null)).map(([k, w]) => [k, w]),
  fc.tuple(fc.constantFrom("on_time", "in_full", "otif", "compliance"), fc.constantFrom(1, 20), fc.constantFrom([0.9, 0.5], [1, 0], [0.5, 0.9])).map(([k, w, [t, f]]) => [k, w, t, f]),
  fc.tuple(fc.constantFrom("defect_rate", "price_variance"), fc.constantFrom(1, 20), fc.constantFrom([0, 0.1], [0.01, 0.2])).map(([k, w, [t, f]]) => [k, w, t, f]),
  fc.constantFrom<CellValue[]>(["lead_time", 5, 3, 25], ["spend", 1, 1000, 0], ["lines", 2, 20, 1]),
);

/** Standing rows: ERPNext's example, bands written out of order with a quote in a name, and two bands meeting at 50. */
const STANDINGS: readonly Range[] = [
  [["standing", "Very Poor", 0, 30, "red", "block"], ["standing", "Poor", 30, 50, "yellow", "Warn"], ["standing", "Average", 50, 80, "green"], ["standing", "Excellent", 80, 100, "blue"]],
  [["standing", "Top", 75, 100, "", "none"], ["standing", "O'Neil watch", 0, 40, "", "review"], ["standing", "Middle", 40, 75]],
  [["standing", "Low", 0, 50, "#FF0000", "block"], ["standing", "High", 50, 100]],
];

/** Period rows: every kind, fiscal starts, period_by, history and decay, each drawn or left to its default. */
const PERIODS: fc.Arbitrary<Range> = fc
  .record({
    kind: fc.constantFrom("week", "month", "Quarter", "year"),
    fiscal: fc.option(fc.constantFrom(1, 2, 4, 7, 12), { nil: undefined }),
    by: fc.option(fc.constantFrom("promised", "delivered", "order_date", "Order Date"), { nil: undefined }),
    history: fc.option(fc.constantFrom(1, 2, 3, 6, 12, 30), { nil: undefined }),
    decay: fc.option(fc.constantFrom("linear", "none"), { nil: undefined }),
  })
  .map(({ kind, fiscal, by, history, decay }) => [
    ["period", kind],
    ...(fiscal === undefined ? [] : [["fiscal_start", fiscal]]),
    ...(by === undefined ? [] : [["period_by", by]]),
    ...(history === undefined ? [] : [["history", history]]),
    ...(decay === undefined ? [] : [["decay", decay]]),
  ]);

/** Weights ranges using every feature: KPI rows (or the default set), grace days, promised days, periods, standings; mapping rows are added per table. */
const WEIGHTS: fc.Arbitrary<Range> = fc
  .record({
    kpis: fc.uniqueArray(KPI_ROW, { maxLength: 5, selector: (r) => String(r[0]).toLowerCase().replace(/[^a-z]/g, "") }),
    grace: fc.option(fc.constantFrom(0, 1, 1.5, 3), { nil: undefined }),
    promisedDays: fc.option(fc.constantFrom(7, 14, 10.5), { nil: undefined }),
    periods: fc.option(PERIODS, { nil: undefined }),
    standings: fc.option(fc.constantFrom(...STANDINGS), { nil: undefined }),
  })
  .map(({ kpis, grace, promisedDays, periods, standings }) => [
    ...kpis,
    ...(grace === undefined ? [] : [["grace_days", grace]]),
    ...(promisedDays === undefined ? [] : [["promised_days", promisedDays]]),
    ...(periods ?? []),
    ...(standings ?? []),
  ]);

const SPEC: fc.Arbitrary<Spec> = fc.record({
  n: fc.integer({ min: 0, max: 2000 }),
  seed: fc.integer(),
  vendors: fc.integer({ min: 1, max: 40 }),
  present: fc.subarray(OPTIONAL),
  alias: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: OPTIONAL.length, maxLength: OPTIONAL.length }),
  mapped: fc.subarray(OPTIONAL, { maxLength: 3 }),
  timestamps: fc.subarray(["promised", "delivered", "order_date"] as Field[]),
  weights: fc.option(WEIGHTS, { nil: null }),
  asOf: fc.constantFrom(AS_OF, 45566, 45658, 45690, 45747),
});

interface Table {
  readonly columns: SqlColumn[];
  readonly rows: SqlCell[][];
  readonly weights: Range | null;
  readonly asOf: number;
}

/** The lines of a spec: vendors spelt several ways, blank and total rows, cancelled, undelivered and unpromised lines. */
function tableOf(spec: Spec): Table {
  const r = random(spec.seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const maybe = <T,>(p: number, v: () => T): T | null => (r() < p ? null : v());
  const names = Array.from({ length: spec.vendors }, (_, i) => BASE_NAMES[i] ?? `Supplier ${i}`);
  const spell = (name: string): string => {
    const x = r();
    if (x < 0.08) return name.toUpperCase();
    if (x < 0.14) return name.toLowerCase();
    if (x < 0.18) return `  ${name} `;
    if (x < 0.21) return `${name}\u200B`;
    if (x < 0.24) return `\u00A0${name}`;
    if (x < 0.3) return name.normalize("NFD");
    return name;
  };
  const columns: SqlColumn[] = [{ name: "Vendor", type: "text" }];
  const mapping: Range = [];
  const fields = spec.present;
  for (const f of fields) {
    const type: SqlType = DATES.has(f) ? (spec.timestamps.includes(f) ? "timestamp" : "date") : f === "status" || f === "compliance" ? "text" : "double";
    let name = HEADERS[f][spec.alias[OPTIONAL.indexOf(f)]!]!;
    if (spec.mapped.includes(f)) {
      name = `My ${f.replace("_", " ")} col`;
      mapping.push([f, name]);
    }
    columns.push({ name, type });
  }
  // A mapping row that leaves out a column the automatic match would take.
  if (spec.mapped.length === 3 && fields.includes("amount") && !spec.mapped.includes("amount")) mapping.push(["amount", "(not used)"]);
  const when = (f: Field, day: number) => (spec.timestamps.includes(f) ? day + int(0, 3) / 4 : day);
  const rows: SqlCell[][] = [];
  for (let i = 0; i < spec.n; i++) {
    const x = r();
    const quiet = x < 0.03;
    const vendor = x < 0.05 ? pick([null, "", "  ", "Total", "Grand total:", "\u200B"]) : quiet ? "Quiet Vendor" : spell(pick(names));
    const ordered = maybe(0.05, () => int(0, 20));
    const orderDay = 45500 + int(0, 200);
    const values: Record<Field, SqlCell> = {
      order_date: maybe(0.05, () => when("order_date", orderDay)),
      promised: maybe(0.1, () => when("promised", orderDay + int(0, 20))),
      delivered: maybe(0.25, () => when("delivered", orderDay + int(0, 30))),
      ordered_qty: ordered,
      received_qty: maybe(0.2, () => Math.max(0, (ordered ?? 10) - int(0, 2) + (r() < 0.1 ? 1 : 0))),
      rejected_qty: maybe(0.3, () => int(0, 3)),
      unit_price: maybe(0.1, () => int(0, 80) / 4),
      contract_price: maybe(0.1, () => int(0, 80) / 4),
      amount: maybe(0.5, () => int(0, 400) / 2),
      status: maybe(0.6, () => pick(["open", "Delivered", "Cancelled", " void", "VOIDED", "cancel", "Canceled"])),
      compliance: maybe(0.2, () => pick(["yes", "No", "TRUE", "0", "1", "pass", "n"])),
    };
    // A vendor whose lines carry nothing a KPI can use: no score, no grade, no rank.
    if (quiet) for (const f of OPTIONAL) if (f !== "status") values[f] = null;
    rows.push([vendor, ...fields.map((f) => values[f])]);
  }
  const weights = spec.weights || mapping.length ? [...(spec.weights ?? []), ...mapping] : null;
  return { columns, rows, weights, asOf: spec.asOf };
}

/** The same lines as a sheet range: header row, then text, numbers and date serials; NULL as an empty cell. */
function rangeOf(t: Table): Range {
  return [t.columns.map((c) => c.name), ...t.rows.map((row) => row.map((v) => v as CellValue))];
}

function coreScorecard(t: Table): ResultGrid {
  const out = catalog.VENDORSCORECARD.fn(rangeOf(t), t.weights, t.asOf);
  if (isCoreError(out)) throw out;
  return out as ResultGrid;
}

let duck: SqlDb;
let pg: SqlDb;
beforeAll(async () => {
  [duck, pg] = await Promise.all([openDuck(), openPostgres()]);
}, 120_000);
afterAll(async () => {
  await duck?.close();
  await pg?.close();
}, 30_000);

/** The table's column for the lines' order: in the database only, since a sheet's rows have their order. */
const LINE: SqlColumn = { name: "Line No", type: "double" };

/**
 * The query, with and without the lines' order, on both databases; with it, names are the sheet's
 * spellings. Without it, the Spellings column says where they may not be: a vendor with one
 * spelling shows the sheet's.
 */
async function agree(t: Table): Promise<void> {
  const want = coreScorecard(t);
  for (const db of [duck, pg]) {
    await db.load("po", [...t.columns, LINE], t.rows.map((row, i) => [...row, i + 1]));
    for (const lineOrder of [undefined, LINE.name]) {
      const columns = [...t.columns.map((c) => c.name), ...(lineOrder ? [lineOrder] : [])];
      const q = scorecardSql({ dialect: db.name, table: "po", columns, weights: t.weights, asOf: t.asOf, ...(lineOrder ? { lineOrder } : {}) });
      if (isCoreError(q)) throw q;
      const diff = sameScorecard(want, await db.grid(q.sql), lineOrder !== undefined);
      if (diff) throw new Error(`${db.name}${lineOrder ? " with the lines' order" : ""}: ${diff}\nweights ${JSON.stringify(t.weights)}\n${q.sql}`);
    }
    const counted = scorecardSql({ dialect: db.name, table: "po", columns: t.columns.map((c) => c.name), weights: t.weights, asOf: t.asOf, spellings: true });
    if (isCoreError(counted)) throw counted;
    const grid = await db.grid(counted.sql);
    const last = grid[0]!.length - 1;
    if (grid[0]![last] !== "Spellings") throw new Error(`${db.name}: last column ${grid[0]![last]}, expected Spellings`);
    const diff = sameScorecard(want, grid.map((row) => row.slice(0, last)));
    if (diff) throw new Error(`${db.name} with spellings counted: ${diff}`);
    grid.slice(1).forEach((row, i) => {
      if (row[last] === 1 && row[0] !== want[i + 1]![0]) throw new Error(`${db.name}: ${row[0]} has one spelling but the sheet shows ${want[i + 1]![0]}`);
    });
  }
}

describe("the compiled scorecard query agrees with VENDORSCORECARD", () => {
  it("on 200 generated tables of up to 2,000 lines, on DuckDB and on Postgres", async () => {
    let ties = 0, unscored = 0, lines = 0, periods = 0, standings = 0;
    await fc.assert(
      fc.asyncProperty(SPEC, async (spec) => {
        const t = tableOf(spec);
        await agree(t);
        const grid = coreScorecard(t);
        const ranks = grid.slice(1).map((r) => r[11]).filter((x) => x !== "");
        if (new Set(ranks).size < ranks.length) ties++;
        if (grid.slice(1).some((r) => r[9] === "")) unscored++;
        lines += spec.n;
        // A period scorecard with a vendor whose previous score and overall both differ from its score.
        const head = grid[0]!;
        const [score, previous, overall] = ["Score", "Previous score", "Overall"].map((h) => head.indexOf(h));
        if (previous! > 0 && grid.slice(1).some((r) => typeof r[previous!] === "number" && r[previous!] !== r[score!] && typeof r[overall!] === "number" && r[overall!] !== r[score!])) periods++;
        if (head.includes("Action") && grid.slice(1).some((r) => r[head.indexOf("Action")] === "block")) standings++;
      }),
      { numRuns: 200 },
    );
    // The generator does reach the cases the agreement is about.
    expect(ties).toBeGreaterThan(20);
    expect(unscored).toBeGreaterThan(20);
    expect(lines).toBeGreaterThan(100_000);
    expect(periods).toBeGreaterThan(12);
    expect(standings).toBeGreaterThan(10);
  }, 900_000);

  // Hand-picked tables for each weights feature, so none depends on what the generator happens to draw.
  const full: Field[] = ["promised", "delivered", "order_date", "ordered_qty", "received_qty", "rejected_qty", "unit_price", "contract_price", "amount", "status", "compliance"];
  const base = { n: 1500, seed: 7, vendors: 12, present: full, alias: full.map(() => 0), mapped: [] as Field[], timestamps: ["delivered", "order_date"] as Field[], asOf: AS_OF };
  it.each<[string, Partial<Spec>]>([
    ["the default KPI set", { weights: null }],
    ["KPI rows with weights, targets and floors (lower-is-better too)", { weights: [["on_time", 2, 0.9, 0.5], ["defect_rate", 1, 0, 0.1], ["lead_time", 1, 3, 25], ["compliance", 1], ["otif", 0]] }],
    ["grace days", { weights: [["grace_days", 2]] }],
    ["fractional grace days", { weights: [["grace_days", 1.5]] }],
    ["promised days on a table without a promised date", { present: full.filter((f) => f !== "promised"), weights: [["promised_days", 14]] }],
    ["fractional promised days over order timestamps", { present: full.filter((f) => f !== "promised"), weights: [["promised_days", 10.5]] }],
    ["promised days ignored where the table has a promised date", { weights: [["promised_days", 3]] }],
    ["mapping rows", { mapped: ["promised", "delivered", "ordered_qty"], weights: [["on_time", 1], ["in_full", 1]] }],
    ["no received qty: defect rate over ordered qty on delivered lines", { present: full.filter((f) => f !== "received_qty") }],
    ["no delivered date: a received qty is the sign of delivery", { present: full.filter((f) => f !== "delivered") }],
    ["only a vendor column", { present: [] }],
    ["standings: the Grade column gives the standing's name and Action is added", { weights: STANDINGS[0]! }],
    ["standings written out of order, with a quote in a name", { weights: [["on_time", 1], ...STANDINGS[1]!] }],
    ["period, month: the month holding as_of, with previous, change and overall", { weights: [["period", "month"]] }],
    ["period, week: ISO weeks", { weights: [["period", "week"], ["history", 10]] }],
    ["period, week across a new year", { weights: [["period", "week"], ["history", 4]], asOf: 45659 }],
    ["period, quarter", { weights: [["period", "quarter"], ["history", 4]] }],
    ["period, quarter with fiscal_start 4", { weights: [["period", "quarter"], ["fiscal_start", 4], ["history", 3]], asOf: 45748 }],
    ["period, year with fiscal_start 7", { weights: [["period", "year"], ["fiscal_start", 7], ["history", 2]], asOf: 45839 }],
    ["period, year", { weights: [["period", "year"]], asOf: 45700 }],
    ["period_by delivered", { weights: [["period", "month"], ["period_by", "delivered"]] }],
    ["period_by order_date", { weights: [["period", "month"], ["period_by", "order_date"]] }],
    ["period_by promised", { weights: [["period", "month"], ["period_by", "promised"]] }],
    ["period dates falling back to the delivered date, then the order date", { present: full.filter((f) => f !== "promised"), weights: [["period", "month"], ["history", 6]] }],
    ["period_by promised made from promised days", { present: full.filter((f) => f !== "promised"), weights: [["period", "month"], ["period_by", "promised"], ["promised_days", 10.5]] }],
    ["decay none", { weights: [["period", "month"], ["decay", "none"], ["history", 6]] }],
    ["history 1: the previous score is the period before the window", { weights: [["period", "month"], ["history", 1]] }],
    ["lines scored: a period without lines has no score, in the core as in the query", { weights: [["lines", 2, 20, 1], ["on_time", 1], ["period", "month"], ["history", 6]] }],
    ["lines scored, decay none", { weights: [["lines", 1, 40, 0], ["period", "week"], ["history", 5], ["decay", "none"]] }],
    ["periods with standings", { weights: [["period", "quarter"], ["on_time", 1], ["defect_rate", 1], ...STANDINGS[2]!] }],
  ])("%s", async (_, over) => {
    await agree(tableOf({ ...base, weights: null, ...over }));
  }, 120_000);
});
