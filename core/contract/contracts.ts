import type { Serial } from "../cell/date";
import { CoreError, problem, quote } from "../cell/error";
import type { LineTable } from "../table/lines";
import type { Contract, ContractRow } from "./read";
import { contractStatus, coverage, type ContractStatus } from "./status";
import { segmentOf, spendByGroup } from "./spend";
import { vendorName } from "../table/vendors";
import type { Term } from "./term";

/** A contract row judged at the as-of day: its contract and status, or the problem of its row. */
export type JudgedContract =
  | {
      readonly row: ContractRow;
      readonly contract: Contract;
      readonly status: ContractStatus;
      /** Spend of the vendor's lines ordered in the current (or last) term, up to the as-of day; undefined without lines. */
      readonly spendInTerm: number | undefined;
    }
  | { readonly row: ContractRow; readonly problem: CoreError };

/** A problem of a contract row, its message led by the row so that it can stand in a cell. */
function atRow(row: ContractRow, e: CoreError): CoreError {
  return e.row !== undefined ? e : new CoreError(e.kind, `Row ${row.row} of the contracts: ${e.message}`, { row: row.row, ...(e.field === undefined ? {} : { field: e.field }) });
}

/** The contract of one row with its status, or the row's problem (a bad cell, a roll without a start). */
export function judge(row: ContractRow, asOf: Serial, warnDays: number): { contract: Contract; status: ContractStatus } | CoreError {
  if (row.contract instanceof CoreError) return row.contract;
  const s = contractStatus(row.contract, asOf, warnDays);
  return s instanceof CoreError ? atRow(row, s) : { contract: row.contract, status: s };
}

/**
 * What order dates and spend the contract functions need from the lines: #VALUE! naming the
 * column to add when the data has no order date or nothing to count spend from.
 */
export function contractLines(lines: LineTable): CoreError | undefined {
  if (!lines.num("order_date")) {
    return problem("bad_header", `The data has no order date column, so no line can be placed in a contract's term: head one "Order Date" (or "PO Date"), or add a mapping row "order_date, <header>".`, { arg: "data", field: "order_date" });
  }
  if (!lines.num("amount") && !lines.num("unit_price")) {
    return problem("bad_header", `The data has no spend: add an amount column, or unit price and quantity columns.`, { arg: "data", field: "amount" });
  }
  return undefined;
}

/**
 * Judges every contract row at `asOf` and, with lines, sums each contract's spend in term: the
 * spend of its vendor's counted lines whose order date falls in the current (or, expired, the
 * last) term and on or before the as-of day, 0 when none. The lines are read in one pass: each
 * vendor's term edges cut its dates into spans, a line falls in one span, and a contract's
 * spend is the sum of the spans its term covers.
 *
 * @example judgeContracts(readContracts(range, {}), serialOf(2025, 6, 30), 90, lines)[0].spendInTerm // 4200
 */
export function judgeContracts(rows: readonly ContractRow[], asOf: Serial, warnDays: number, lines?: LineTable): JudgedContract[] {
  const statuses = rows.map((row) => judge(row, asOf, warnDays));
  const judged = (i: number, spendInTerm: number | undefined): JudgedContract => {
    const row = rows[i]!;
    const j = statuses[i]!;
    return j instanceof CoreError ? { row, problem: j } : { row, ...j, spendInTerm };
  };
  if (!lines) return rows.map((_, i) => judged(i, undefined));
  const day = Math.floor(asOf);
  // Each contract's window: its term up to the as-of day, on the vendor's own id in the lines.
  const windows = rows.map((row, i) => {
    const j = statuses[i]!;
    const v = lines.vendors.find(row.vendor);
    if (j instanceof CoreError || v === undefined) return undefined;
    const lo = j.status.term.start ?? -Infinity;
    const hi = Math.min(j.status.term.end, day);
    return lo <= hi ? { v, lo, hi } : undefined;
  });
  // Per vendor, the sorted distinct edges of its windows (a window [lo, hi] has edges lo and hi + 1).
  const edges = new Map<number, number[]>();
  for (const w of windows) {
    if (!w) continue;
    let e = edges.get(w.v);
    if (!e) edges.set(w.v, (e = []));
    e.push(w.lo, w.hi + 1);
  }
  const offset = new Map<number, number>();
  let groups = 0;
  for (const [v, e] of edges) {
    const sorted = [...new Set(e)].sort((a, b) => a - b);
    edges.set(v, sorted);
    offset.set(v, groups);
    groups += sorted.length - 1;
  }
  const spans = spansOf(lines, (v, d) => {
    const e = edges.get(v);
    if (!e) return -1;
    const i = segmentOf(e, d);
    return i < 0 || i >= e.length - 1 ? -1 : offset.get(v)! + i;
  });
  const spend = spendByGroup(lines, spans, groups);
  return rows.map((_, i) => {
    const w = windows[i];
    let sum = 0;
    if (w) {
      const e = edges.get(w.v)!;
      const base = offset.get(w.v)!;
      for (let g = segmentOf(e, w.lo); g < segmentOf(e, w.hi + 1); g++) {
        const x = spend[base + g]!;
        if (x === x) sum += x;
      }
    }
    return judged(i, sum);
  });
}

/** The group of each counted line with an order date, from its vendor id and order day; -1 for the rest. */
function spansOf(lines: LineTable, group: (vendor: number, day: number) => number): Int32Array {
  const vendorOf = lines.vendorOf;
  const ordered = lines.num("order_date")!;
  const out = new Int32Array(vendorOf.length);
  for (let r = 0; r < out.length; r++) {
    const v = vendorOf[r]!;
    const d = ordered[r]!;
    out[r] = v < 0 || d !== d ? -1 : group(v, Math.floor(d));
  }
  return out;
}

/**
 * The days a vendor's contracts cover up to the as-of day: each contract's terms, past and
 * current as rolled, make one span. `rows` are the vendor's own contract rows; the first with a
 * problem is returned (#VALUE! naming its row).
 *
 * @example vendorCoverage(rows, serialOf(2025, 6, 30)) // [{ start: 2024-01-01, end: 2024-12-31 }, ...]
 */
export function vendorCoverage(rows: readonly ContractRow[], asOf: Serial): Term[] | CoreError {
  const spans: Term[] = [];
  for (const row of rows) {
    if (row.contract instanceof CoreError) return row.contract;
    const c = coverage(row.contract, asOf);
    if (c instanceof CoreError) return atRow(row, c);
    spans.push(c);
  }
  return spans;
}

/**
 * The share of a vendor's spend ordered outside every term of its contracts: over its counted
 * lines with an order date on or before the as-of day, the spend of those whose order date falls
 * in no term (past or current, as rolled) of any of its contracts, divided by the spend of them
 * all. `rows` are every contract row; the vendor's own come first (the first with a problem is
 * returned, #VALUE! naming its row), and other vendors' problems do not concern it. #N/A when
 * the vendor has no such line or their spend adds up to 0; a vendor with no contract at all is 1.
 *
 * The lines are split on and off contract for every vendor in one pass, kept with the parsed
 * lines for the same contracts and as-of day, so a sheet of one such cell per vendor pays one pass.
 *
 * @example offContractShare(readContracts(contracts, {}), lines, "Acme", serialOf(2025, 6, 30)) // 0.25
 */
export function offContractShare(rows: readonly ContractRow[], lines: LineTable, vendor: string, asOf: Serial): number | CoreError {
  const day = Math.floor(asOf);
  const key = vendorName(vendor).toLowerCase();
  const own = vendorCoverage(rows.filter((r) => r.vendor.toLowerCase() === key), day);
  if (own instanceof CoreError) return own;
  const missing = contractLines(lines);
  if (missing) return missing;
  const v = lines.vendors.find(vendor);
  if (v === undefined) return problem("unknown_vendor", `No lines for vendor "${quote(vendor)}" in the data, so it has no spend to split on and off contract.`, { arg: "vendor" });
  const spend = splitSpend(rows, lines, day);
  const [on, off] = [spend[2 * v]!, spend[2 * v + 1]!];
  const name = lines.vendors.names[v]!;
  if (on !== on && off !== off) {
    return problem("no_data", `Vendor "${quote(name)}" has no line with an order date and a spend on or before the as-of day, so there is no spend to split on and off contract.`, { arg: "vendor" });
  }
  const total = (on === on ? on : 0) + (off === off ? off : 0);
  if (total === 0) return problem("no_data", `Vendor "${quote(name)}"'s spend up to the as-of day adds up to 0, so no share of it can be off contract.`, { arg: "vendor" });
  return (off === off ? off : 0) / total;
}

/** Splits kept per parsed lines table, by contracts and as-of day: a few, as a sheet compares scenarios. */
const splits = new WeakMap<LineTable, Map<string, Float64Array>>();
const SPLITS_PER_TABLE = 4;

/**
 * Every vendor's spend on contract (index 2v) and off contract (2v + 1), over counted lines with
 * an order date on or before `day`; NaN where none. Vendors whose contract rows have a problem are
 * left out. One pass over the lines, remembered for the same coverage.
 */
function splitSpend(rows: readonly ContractRow[], lines: LineTable, day: number): Float64Array {
  // Each vendor's merged spans as sorted edges: a day is inside one between edges 2k and 2k + 1.
  const byVendor = new Map<number, Term[] | CoreError>();
  for (const row of rows) {
    const v = lines.vendors.find(row.vendor);
    if (v === undefined) continue;
    const spans = byVendor.get(v);
    if (spans instanceof CoreError) continue;
    const c = row.contract instanceof CoreError ? row.contract : coverage(row.contract, day);
    if (c instanceof CoreError) byVendor.set(v, c);
    else byVendor.set(v, [...(spans ?? []), c]);
  }
  const edges = new Map<number, number[] | undefined>();
  for (const [v, spans] of byVendor) edges.set(v, spans instanceof CoreError ? undefined : mergedEdges(spans));
  const key = `${day}|${[...edges].map(([v, e]) => `${v}:${e ? e.join(",") : "x"}`).join(";")}`;
  let kept = splits.get(lines);
  if (!kept) splits.set(lines, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) return hit;
  const groups = spansOf(lines, (v, d) => {
    if (d > day) return -1;
    const e = edges.get(v);
    // A vendor with a problem row is no one's answer here; a vendor without contracts is all off.
    if (edges.has(v) && e === undefined) return -1;
    return 2 * v + (e !== undefined && segmentOf(e, d) % 2 === 0 ? 0 : 1);
  });
  const spend = spendByGroup(lines, groups, 2 * lines.vendors.size);
  kept.set(key, spend);
  if (kept.size > SPLITS_PER_TABLE) kept.delete(kept.keys().next().value!);
  return spend;
}

/** Spans merged into disjoint ones, as sorted edges [start, end + 1, start, end + 1, ...]. */
function mergedEdges(spans: readonly Term[]): number[] {
  const sorted = spans.map((s) => ({ lo: s.start ?? -Infinity, hi: s.end })).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const edges: number[] = [];
  for (const s of sorted) {
    if (edges.length && s.lo <= edges[edges.length - 1]!) edges[edges.length - 1] = Math.max(edges[edges.length - 1]!, s.hi + 1);
    else edges.push(s.lo, s.hi + 1);
  }
  return edges;
}
