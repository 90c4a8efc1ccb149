import * as z from "zod/mini";
import { isBlank } from "../cell/blank";
import type { DateOrder } from "../cell/date";
import { attempt, type CoreError, fail, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue, RangeArg } from "../cell/types";
import { configRows, takeMapping } from "../config/rows";
import type { ReadSettings } from "../table/read";
import { normalizeHeader, TICKET_SCHEMA } from "../table/schema";
import { vendorName } from "../table/vendors";
import { zoneName } from "./zone";

/** `business` counts the calendar's hours; `24x7` counts every hour of the clock. */
export type Clock = "business" | "24x7";

/** One priority's targets, in hours; for one vendor when `vendor` is set. */
export interface PolicyRow {
  readonly priority: string;
  readonly resolution: number;
  readonly response?: number;
  readonly clock: Clock;
  readonly vendor?: string;
}

/** The SLA targets per priority (and vendor), the pausing statuses, and how to read the tickets. */
export interface Policy {
  readonly rows: readonly PolicyRow[];
  /** True when any row has a response target. */
  readonly hasResponse: boolean;
  readonly read: ReadSettings;
  /** Statuses that stop the clock, normalised (`On Hold` -> `onhold`). */
  readonly pauses: ReadonlySet<string>;
  /** IANA name of the zone the ticket times are in, from a `data_timezone` row. */
  readonly dataZone?: string;
  /** The row for a ticket's priority and vendor: the vendor's own row, else the row without a vendor; undefined when none. */
  match(priority: string, vendor?: string): PolicyRow | undefined;
}

/** Options of {@link makePolicy} beyond the rows. */
export interface PolicyOptions {
  readonly pauses?: Iterable<string>;
  readonly dataZone?: string;
}

/**
 * Targets a policy accepts, in hours: from one second to 1,000,000 h (over a century of clock
 * time). Outside it, figures such as % of target (elapsed / 5e-324) or the breach moment
 * (opened + 1e308 h) would overflow; inside it every SLA figure is finite.
 */
export const MIN_TARGET_HOURS = 1 / 3600;
export const MAX_TARGET_HOURS = 1_000_000;

function target(name: "resolution" | "response") {
  const range = (issue: { input?: unknown }) => `the ${name} target ${String(issue.input)} h is outside the allowed range: give from 1 second (1/3600 h, about 0.00028) to 1,000,000 hours`;
  return z.number().check(
    z.positive({ error: `the ${name} target must be a number of hours above 0` }),
    z.gte(MIN_TARGET_HOURS, { error: range }),
    z.lte(MAX_TARGET_HOURS, { error: range }),
  );
}

const Row = z.object({
  priority: z.string().check(z.minLength(1, { error: "the priority is blank" })),
  resolution: target("resolution"),
  response: z.optional(target("response")),
  clock: z.enum(["business", "24x7"]),
});

const CLOCKS: Record<string, Clock> = {
  business: "business", businesshours: "business", bh: "business", calendar: "business", workinghours: "business",
  "24x7": "24x7", "247": "24x7", "24h": "24x7", clock: "24x7", always: "24x7", continuous: "24x7",
};

const DATE_ORDERS = ["MDY", "DMY", "YMD"] as const;

const PAUSE_KEYS = new Set(["pause", "pauses", "pausestatus", "pausestate", "pausedstatus", "pausedstate", "paused"]);

function isHeader(key: string, second: CellValue): boolean {
  return (key === "priority" || key === "severity") && /^(resolution|target|hours|sla|fix)/.test(normalizeHeader(second));
}

// Each optional piece takes the spaces after it, so no two `\s*` stand side by side: the pattern
// is linear in the text (`\s*(?:p)?\s*[#:.]?\s*` was quadratic, cubic on leading spaces, which
// trimStart now takes). `(?!\d)` keeps a failed match from retrying shorter runs of digits.
const PRIORITY = /^(?:(?:p|priority|sev|severity|s|level|l)\s*)?(?:[#:.]\s*)?(\d+)(?!\d)(.*)$/i;

/**
 * The leading number of a priority (`P1`, `1 - Critical`, `Sev 2`, `Priority 3`) and the words
 * after it: where both a ticket and a policy row carry a number, the number decides.
 */
function priorityKey(text: string): { num?: number; name: string } {
  const t = PRIORITY.exec(text.trimStart());
  if (!t) return { name: normalizeHeader(text) };
  return { num: Number(t[1]), name: normalizeHeader(t[2]) };
}

/**
 * Builds a policy from its rows. Priorities match by normalised text (`p 1` = `P1`); where the
 * ticket and the row both start with a number (`P1`, `1 - Critical`, `1`), the number decides.
 * A ticket takes its vendor's row for its priority when there is one, else the row without a vendor.
 *
 * @example makePolicy([{ priority: "P1", resolution: 4, clock: "24x7" }, { priority: "P1", resolution: 2, clock: "24x7", vendor: "Acme" }]).match("1 - Critical", "acme") // the Acme P1 row
 */
export function makePolicy(rows: readonly PolicyRow[], read: ReadSettings = {}, options: PolicyOptions = {}): Policy {
  const general = matcher(rows.filter((r) => r.vendor === undefined));
  const perVendor = new Map<string, (priority: string) => PolicyRow | undefined>();
  const vendors = new Map<string, PolicyRow[]>();
  for (const r of rows) if (r.vendor !== undefined) vendors.set(vendorKey(r.vendor), [...(vendors.get(vendorKey(r.vendor)) ?? []), r]);
  for (const [v, own] of vendors) perVendor.set(v, matcher(own));
  const pauses = new Set([...(options.pauses ?? [])].map(normalizeHeader));
  return {
    rows,
    hasResponse: rows.some((r) => r.response !== undefined),
    read,
    pauses,
    ...(options.dataZone === undefined ? {} : { dataZone: options.dataZone }),
    match(priority, vendor) {
      const own = vendor === undefined || perVendor.size === 0 ? undefined : perVendor.get(vendorKey(vendor));
      return own?.(priority) ?? general(priority);
    },
  };
}

/** Vendors match as the tickets' vendors do: trimmed, any case. */
function vendorKey(v: string): string {
  return vendorName(v).toLowerCase();
}

function matcher(rows: readonly PolicyRow[]): (priority: string) => PolicyRow | undefined {
  const byText = new Map<string, PolicyRow>();
  const byNum = new Map<number, PolicyRow>();
  const byName = new Map<string, PolicyRow>();
  for (const r of rows) {
    const k = priorityKey(r.priority);
    byText.set(normalizeHeader(r.priority), r);
    if (k.num !== undefined) byNum.set(k.num, r);
    if (k.name !== "") byName.set(k.name, r);
  }
  const cache = new Map<string, PolicyRow | undefined>();
  return (priority) => {
    if (cache.has(priority)) return cache.get(priority);
    const k = priorityKey(priority);
    let row: PolicyRow | undefined;
    if (k.num !== undefined && byNum.size > 0) row = byNum.get(k.num);
    else row = byText.get(normalizeHeader(priority)) ?? (k.name !== "" ? byName.get(k.name) : undefined);
    cache.set(priority, row);
    return row;
  };
}

/** P1 4 h around the clock; P2 8 h, P3 24 h, P4 40 h business; responses 0.5, 1, 4 and 8 h on the same clocks. */
export const DEFAULT_POLICY: Policy = makePolicy([
  { priority: "P1", resolution: 4, response: 0.5, clock: "24x7" },
  { priority: "P2", resolution: 8, response: 1, clock: "business" },
  { priority: "P3", resolution: 24, response: 4, clock: "business" },
  { priority: "P4", resolution: 40, response: 8, clock: "business" },
]);

/**
 * Reads a policy range: rows `priority, resolution h, [response h], [clock], [vendor]` (clock
 * `business` or `24x7`, default business; a vendor makes the row that vendor's; an optional
 * header row), mapping rows for the ticket columns (`updated, sys_updated_at`), a `date_order`
 * row (MDY, DMY or YMD), `pause, <status>` rows naming statuses that stop the clock and a
 * `data_timezone` row naming the zone the ticket times are in. No priority rows: the default
 * policy's targets, still with the range's other rows.
 *
 * @example readPolicy([["P1", 4, 1, "24x7"], ["P2", 8, 2], ["P2", 4, 1, "business", "Acme"], ["opened", "Created On"], ["pause", "On hold"]])
 */
export function readPolicy(arg: RangeArg): Policy | CoreError {
  return attempt(() => parsePolicy(arg));
}

function parsePolicy(arg: RangeArg): Policy {
  // A header row `Priority, Resolution (h), ...` may sit below the mapping rows; `priority` is
  // also a ticket field, so it must not be read as the mapping "priority column = Resolution (h)".
  const rows0 = configRows(arg, ["priority", "severity", "level"]).filter((r) => !isHeader(r.key, r.cells[1]));
  const { mapping, rest } = takeMapping(rows0, TICKET_SCHEMA);
  let dateOrder: DateOrder | undefined;
  let dataZone: string | undefined;
  const pauses: string[] = [];
  const rows: PolicyRow[] = [];
  // Two rows for one priority (same text, or same leading number) would make matching arbitrary.
  const seen = new Map<string, number>();
  for (const r of rest) {
    if (r.key === "dateorder") {
      const v = String(r.cells[1] ?? "").trim().toUpperCase();
      if (!(DATE_ORDERS as readonly string[]).includes(v)) fail("bad_config", `Policy row ${r.row}: date_order must be MDY, DMY or YMD, not "${quote(r.cells[1] ?? "")}".`, { row: r.row });
      dateOrder = v as DateOrder;
      continue;
    }
    if (PAUSE_KEYS.has(r.key)) {
      const statuses = r.cells.slice(1).filter((c) => !isBlank(c));
      if (statuses.length === 0) fail("bad_config", `Policy row ${r.row}: "${quote(r.name)}" names no status; write the status that stops the clock in the next cell, e.g. pause, On hold.`, { row: r.row });
      if (statuses.length > 1) fail("bad_config", `Policy row ${r.row}: a pause row names one status; put "${quote(statuses[1])}" on a row of its own (pause, ${quote(statuses[1])}).`, { row: r.row });
      pauses.push(String(statuses[0]));
      continue;
    }
    if (r.key === "datatimezone" || r.key === "datatz" || r.key === "datazone") {
      if (isBlank(r.cells[1])) fail("bad_config", `Policy row ${r.row}: data_timezone has no value; give the IANA zone the ticket times are in, e.g. UTC.`, { row: r.row });
      dataZone = zoneName(r.cells[1]!, `Policy row ${r.row} (data_timezone)`, r.row);
      continue;
    }
    const cells = r.cells.slice(1);
    // The clock may sit in the third cell when there is no response target: `P1, 4, 24x7`.
    let clockCell: CellValue = cells[2];
    let responseCell: CellValue = cells[1];
    if (isBlank(clockCell) && !isBlank(responseCell) && CLOCKS[normalizeHeader(responseCell)] !== undefined) {
      clockCell = responseCell;
      responseCell = "";
    }
    const clockKey = isBlank(clockCell) ? "business" : normalizeHeader(clockCell);
    const clock = CLOCKS[clockKey];
    if (!clock) fail("bad_config", `Policy row ${r.row} (${quote(r.name)}): clock "${quote(clockCell)}" is neither business nor 24x7.`, { row: r.row });
    const hours = (v: CellValue) => (isBlank(v) ? undefined : parseNumber(v));
    const candidate = { priority: r.name, resolution: hours(cells[0]) ?? NaN, clock, ...(isBlank(responseCell) ? {} : { response: hours(responseCell) }) };
    const parsed = Row.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const what = issue.code === "invalid_type" ? `the ${String(issue.path[0])} target "${quote(issue.path[0] === "response" ? responseCell : cells[0] ?? "")}" is not a number of hours` : issue.message;
      fail("bad_config", `Policy row ${r.row} (${r.name || "blank priority"}): ${what}. Rows read: priority, resolution hours, [response hours], [business or 24x7], [vendor].`, { row: r.row });
    }
    const vendor = isBlank(cells[3]) ? undefined : String(cells[3]).trim();
    const k = priorityKey(r.name);
    const norm = `${vendor === undefined ? "" : vendorKey(vendor)}\u0000${k.num === undefined ? normalizeHeader(r.name) : `#${k.num}`}`;
    const twice = seen.get(norm);
    if (twice !== undefined) fail("bad_config", `Policy rows ${twice} and ${r.row} both give priority "${quote(r.name)}"${vendor === undefined ? "" : ` for vendor "${quote(vendor)}"`}; keep one.`, { row: r.row });
    seen.set(norm, r.row);
    const p = parsed.data;
    const base: PolicyRow = p.response === undefined ? { priority: p.priority, resolution: p.resolution, clock: p.clock } : { ...p, response: p.response };
    rows.push(vendor === undefined ? base : { ...base, vendor });
  }
  const read: ReadSettings = dateOrder ? { mapping, dateOrder } : { mapping };
  return makePolicy(rows.length ? rows : DEFAULT_POLICY.rows, read, dataZone === undefined ? { pauses } : { pauses, dataZone });
}
