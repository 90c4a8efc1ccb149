import { formatSerial, type Serial } from "../cell/date";
import { CoreError, fail, quote } from "../cell/error";
import type { Range } from "../cell/types";
import type { VendorIndex } from "../table/vendors";
import { isBlank } from "../cell/blank";
import { isPlaceholder } from "../cell/number";
import { normalizeHeader } from "../table/schema";
import { ALWAYS, breachAt, businessClock, momentAt, type Calendar } from "./calendar";
import { Conversion, zoneNamed } from "./zone";
import type { Policy } from "./policy";
import type { ParseCache } from "../table/cache";
import { readTickets, timeProblem, type TicketTable } from "./tickets";

/**
 * `not opened`: the ticket was opened after the as-of moment, so at as-of it did not exist yet.
 * `paused`: open, and at as-of in a pausing status; its clock stands still.
 */
export type SlaState = "met" | "breached" | "at risk" | "open" | "paused" | "not opened";

/** One SLA clock of one ticket (resolution or response). Hours. */
export interface SlaMeasure {
  readonly target: number;
  readonly elapsed: number;
  /** When the resolution target is (or was) reached, a serial; undefined while paused, and for the response clock, whose moment no table shows. */
  readonly breachAt: Serial | undefined;
  readonly status: SlaState;
  /** Hours (on the row's clock) inside paused time between opening and resolution or as-of. */
  readonly paused: number;
}

export interface TicketStatus {
  /** Row of the tickets range, counted from 1 at its first row (a title row above the header included). */
  readonly row: number;
  readonly ticket: string;
  readonly vendor: string;
  /** -1 for a blank vendor. */
  readonly vendorId: number;
  readonly priority: string;
  /** Set when the row cannot be judged; then the measures are absent. */
  readonly error?: CoreError;
  readonly resolution?: SlaMeasure;
  /** Present when the policy row has a response target and the range a responded column. */
  readonly response?: SlaMeasure;
}

export interface SlaReport {
  readonly tickets: readonly TicketStatus[];
  readonly vendors: VendorIndex;
  /** True when response columns belong in the table. */
  readonly hasResponse: boolean;
}

/**
 * Where a clock counts: its calendar, and the conversions of ticket times (wall clock of the
 * data's zone) into the calendar's frame and back. Without both zones, both are the identity.
 */
class Frame {
  /** The as-of moment in the frame's time. */
  readonly asOf: Serial;

  constructor(readonly cal: Calendar, private readonly into: Conversion, private readonly back: Conversion, asOf: Serial) {
    this.asOf = into.at(asOf);
  }

  in(s: Serial): Serial {
    return this.into.at(s);
  }

  out(s: Serial): Serial {
    return this.back.at(s);
  }

  /** {@link Frame.in} on `xs[0..n)` in place, Infinity (still paused) kept: one call per ticket, not one per time. */
  inAll(xs: number[], n: number): void {
    const into = this.into;
    for (let i = 0; i < n; i++) if (xs[i] !== Infinity) xs[i] = into.at(xs[i]!);
  }
}

const SAME = new Conversion(undefined, undefined);

/**
 * The frames of the two clocks. With a calendar zone and a data zone, business hours count on
 * the calendar zone's wall clock and 24x7 hours on UTC, so a 24x7 day across the spring change
 * has 23 hours; otherwise both count on the wall clock the times are written in.
 */
function framesOf(calendar: Calendar, policy: Policy, asOf: Serial): { business: Frame; always: Frame } {
  const cz = calendar.zone === undefined ? undefined : zoneNamed(calendar.zone);
  const dz = policy.dataZone === undefined ? undefined : zoneNamed(policy.dataZone);
  if (!cz || !dz) return { business: new Frame(calendar, SAME, SAME, asOf), always: new Frame(ALWAYS, SAME, SAME, asOf) };
  const business = cz.name === dz.name ? new Frame(calendar, SAME, SAME, asOf) : new Frame(calendar, new Conversion(dz, cz), new Conversion(cz, dz), asOf);
  const utc = zoneNamed("UTC");
  return { business, always: new Frame(ALWAYS, new Conversion(dz, utc), new Conversion(utc, dz), asOf) };
}

/**
 * Judges every ticket against its priority's (and vendor's) targets at `asOf`, in one pass. An
 * event log gives one row per ticket. A row that cannot be judged carries its error instead of
 * failing the others. A ticket resolved after `asOf` is judged as still open at `asOf`; one
 * opened after `asOf` is `not opened`, with no elapsed time, and counts in no SLA figure. Time
 * in a pausing status (policy `pause` rows) does not count; an open ticket paused at `asOf` is `paused`.
 *
 * @example slaStatus(range, DEFAULT_POLICY, DEFAULT_CALENDAR, serialOf(2025, 3, 31, 12)).tickets[0].resolution.status // "at risk"
 */
export function slaStatus(tickets: Range, policy: Policy, calendar: Calendar, asOf: Serial, atRisk: number, cache: ParseCache): SlaReport {
  const t = readTickets(tickets, policy.read, cache);
  const hasResponse = policy.hasResponse && t.columns.matches.has("responded");
  const status = policy.pauses.size > 0 ? t.text("status") : undefined;
  if (policy.pauses.size > 0 && !status) {
    // Pauses the data cannot show would silently count waiting time as working time.
    fail("bad_header", `The policy names statuses that pause the clock, but the tickets have no status column: head one "status" (or "state", "incident state", "ticket status"), or map it with a policy row status, <header>.`, { field: "status" });
  }
  // Columns are looked up once here, not per ticket: this loop runs for every ticket of the range.
  const c: Ctx = {
    t, policy, asOf, atRisk, hasResponse, frames: framesOf(calendar, policy, asOf),
    ids: t.text("ticket"), vendor: t.ticketText("vendor")!, priority: t.ticketText("priority")!, opened: t.ticketNum("opened")!,
    resolved: t.ticketNum("resolved"), responded: t.ticketNum("responded"), updated: t.num("updated"), status, pausedHours: t.ticketNum("paused_hours"),
    pausing: new Map(), recent: [], recentPausing: [], spans: [], clocks: [], order: [],
  };
  const out: TicketStatus[] = new Array(t.state.length);
  for (let i = 0; i < t.state.length; i++) out[i] = judge(c, i);
  return { tickets: out, vendors: t.vendors, hasResponse };
}

interface Ctx {
  readonly t: TicketTable;
  readonly policy: Policy;
  readonly asOf: Serial;
  readonly atRisk: number;
  readonly hasResponse: boolean;
  readonly frames: { readonly business: Frame; readonly always: Frame };
  readonly ids: string[] | undefined;
  /** Per ticket (slot). */
  readonly vendor: string[];
  readonly priority: string[];
  readonly opened: Float64Array;
  readonly resolved: Float64Array | undefined;
  readonly responded: Float64Array | undefined;
  /** Per data row. */
  readonly updated: Float64Array | undefined;
  /** Present only when the policy names pausing statuses. */
  readonly status: string[] | undefined;
  /** Per ticket (slot). */
  readonly pausedHours: Float64Array | undefined;
  /** Status text -> whether it pauses, worked out once per distinct text. */
  readonly pausing: Map<string, boolean>;
  /** The first few distinct status texts met and whether each pauses: a log has a handful, row after row. */
  readonly recent: string[];
  readonly recentPausing: boolean[];
  /** Scratch: the paused intervals of the ticket being judged, and its rows in time order. */
  readonly spans: number[];
  /** Scratch: the business clock at each end of `spans`, the start clipped to opening. */
  readonly clocks: number[];
  readonly order: number[];
}

const HOUR_MS = 3_600_000;

function judge(c: Ctx, slot: number): TicketStatus {
  const { t, policy, asOf, atRisk } = c;
  const r = t.state[slot]!;
  const badUpdated = t.badUpdated[slot]!;
  const row = r + t.columns.first + 1;
  const ticket = c.ids?.[r] || `row ${row}`;
  const priority = c.priority[slot]!;
  const vendor = c.vendor[slot]!;
  const vendorId = t.vendorOf[slot]!;
  const wrong = (kind: "not_a_date" | "bad_config", message: string): TicketStatus => ({ row, ticket, vendor, vendorId, priority, error: new CoreError(kind, message) });
  const header = (f: "priority" | "resolved" | "responded") => t.columns.matches.get(f)!.header;

  if (badUpdated >= 0) return wrong("not_a_date", timeProblem(t, "updated", badUpdated)!);
  if (priority === "") return wrong("bad_config", `Column "${header("priority")}", row ${row} of the range: the priority is blank; give one of ${list(policy)}.`);
  const rule = policy.match(priority, vendor);
  if (!rule) {
    return wrong("bad_config", `Column "${header("priority")}", row ${row} of the range: no policy row matches priority "${priority}"; add a row "${priority}, <hours>" to the policy (it has ${list(policy)}).`);
  }
  const opened = c.opened[slot]!;
  if (opened !== opened) return wrong("not_a_date", timeProblem(t, "opened", r)!);
  const f = rule.clock === "24x7" ? c.frames.always : c.frames.business;
  const start = f.in(opened);
  if (opened > asOf) {
    // Judged at a moment before it existed: nothing has elapsed and nothing can be met or
    // breached. Its later times are not read: a ticket that did not exist yet cannot fail its vendor's figures.
    const resolution = notOpened(f, start, rule.resolution);
    if (!c.hasResponse || rule.response === undefined) return { row, ticket, vendor, vendorId, priority, resolution };
    return { row, ticket, vendor, vendorId, priority, resolution, response: notOpened(f, start, rule.response) };
  }
  const resolvedAt = time(t, c.resolved, "resolved", slot);
  if (typeof resolvedAt === "string") return wrong("not_a_date", resolvedAt);
  if (resolvedAt < opened) {
    return wrong("not_a_date", `Column "${header("resolved")}", row ${row} of the range: resolved ${formatSerial(resolvedAt)} is before opened ${formatSerial(opened)}; correct one of the two.`);
  }
  const pauses = pausesOf(c, slot);
  if (typeof pauses === "string") return wrong("not_a_date", pauses);
  const spans = c.spans;
  f.inAll(spans, pauses);
  // The business clock at each pause's ends, read once for both clocks of the ticket.
  const clocks = c.clocks;
  const b0 = businessClock(f.cal, start);
  for (let i = 0; i < pauses; i += 2) {
    clocks[i] = businessClock(f.cal, Math.max(spans[i]!, start));
    clocks[i + 1] = spans[i + 1] === Infinity ? Infinity : businessClock(f.cal, spans[i + 1]!);
  }
  const held = heldHours(c, slot);
  if (typeof held === "string") return wrong("bad_config", held);
  const resolved = resolvedAt <= asOf;
  const resolution = measure(f, start, b0, resolved ? f.in(resolvedAt) : f.asOf, rule.resolution, resolved, atRisk, spans, clocks, pauses, held);
  if (!c.hasResponse || rule.response === undefined) return { row, ticket, vendor, vendorId, priority, resolution };

  const respondedAt = time(t, c.responded, "responded", slot);
  if (typeof respondedAt === "string") return wrong("not_a_date", respondedAt);
  if (respondedAt < opened) {
    return wrong("not_a_date", `Column "${header("responded")}", row ${row} of the range: responded ${formatSerial(respondedAt)} is before opened ${formatSerial(opened)}; correct one of the two.`);
  }
  // Resolving a ticket answers it: with no response time, the response clock stops at resolution.
  const answeredAt = respondedAt <= asOf ? respondedAt : resolved ? resolvedAt : Infinity;
  const answered = answeredAt !== Infinity;
  const response = measure(f, start, b0, answered ? f.in(answeredAt) : f.asOf, rule.response, answered, atRisk, spans, clocks, pauses, held, false);
  return { row, ticket, vendor, vendorId, priority, resolution, response };
}

/** A ticket's time cell: its serial, Infinity when blank (not yet happened), or the message when unreadable. */
function time(t: TicketTable, col: Float64Array | undefined, field: "resolved" | "responded", slot: number): number | string {
  const v = col?.[slot];
  if (v === undefined) return Infinity;
  if (v === v) return v;
  return timeProblem(t, field, t.state[slot]!) ?? Infinity;
}

function isPausing(c: Ctx, status: string): boolean {
  // Exports repeat the same few status texts row after row: comparing with them is cheaper than a lookup.
  const recent = c.recent;
  for (let i = 0; i < recent.length; i++) if (recent[i] === status) return c.recentPausing[i]!;
  let p = c.pausing.get(status);
  if (p === undefined) c.pausing.set(status, (p = c.policy.pauses.has(normalizeHeader(status))));
  if (recent.length < RECENT_STATUSES) {
    recent.push(status);
    c.recentPausing.push(p);
  }
  return p;
}

const RECENT_STATUSES = 8;

/**
 * A ticket's paused intervals in the data's time (the caller converts them to its frame), written to `c.spans` as [from, to, from, to...],
 * sorted; `to` is Infinity while still paused. Returns how many numbers were written, or the
 * message when an event the pauses depend on has no time. Paused from each event in a pausing
 * status until the ticket's next event in another status; events are ordered by their updated
 * time, ties by row. The buffers are reused from ticket to ticket: a log has a million rows.
 */
function pausesOf(c: Ctx, slot: number): number | string {
  const { status, t } = c;
  if (!status) return 0;
  const upd = c.updated;
  const out = c.spans;
  // Logs list a ticket's events in time order: one walk finds its pauses. Only a ticket whose
  // rows are out of order is sorted first.
  let n = 0;
  let from = NaN;
  let last = -Infinity;
  let any = false;
  let timeless = -1;
  let inOrder = true;
  for (let r = t.firstRow[slot]!; r >= 0; r = t.nextRow[r]!) {
    const p = isPausing(c, status[r]!);
    if (p) any = true;
    // NaN, not undefined, when there is no updated column: the loop then keeps its times unboxed.
    const at = upd === undefined ? NaN : upd[r]!;
    if (at !== at) {
      if (timeless < 0) timeless = r;
      continue;
    }
    if (at < last) {
      inOrder = false;
      break;
    }
    last = at;
    if (p && from !== from) from = at;
    else if (!p && from === from) {
      out[n++] = from;
      out[n++] = at;
      from = NaN;
    }
  }
  if (inOrder) {
    if (!any) return 0;
    // A row without a time matters only to a ticket that pauses.
    if (timeless >= 0) return noTime(c, timeless);
    if (from === from) {
      out[n++] = from;
      out[n++] = Infinity;
    }
    return n;
  }
  const order = c.order;
  order.length = 0;
  for (let r = t.firstRow[slot]!; r >= 0; r = t.nextRow[r]!) {
    if (isPausing(c, status[r]!)) any = true;
    if (upd === undefined || upd[r]! !== upd[r]!) timeless = timeless < 0 ? r : timeless;
    else order.push(r);
  }
  if (!any) return 0;
  if (timeless >= 0) return noTime(c, timeless);
  order.sort((x, y) => upd![x]! - upd![y]! || x - y);
  n = 0;
  from = NaN;
  for (const r of order) {
    const p = isPausing(c, status[r]!);
    if (p && from !== from) from = upd![r]!;
    else if (!p && from === from) {
      out[n++] = from;
      out[n++] = upd![r]!;
      from = NaN;
    }
  }
  if (from === from) {
    out[n++] = from;
    out[n++] = Infinity;
  }
  return n;
}

function noTime(c: Ctx, r: number): string {
  const status = c.status![r]!;
  const head = c.t.columns.matches.get("status")!.header;
  return c.updated
    ? `Row ${r + c.t.columns.first + 1} of the range: the ticket's status "${quote(status)}" (column "${quote(head)}") stops or restarts its clock, but its updated time is blank; give the time each status was set.`
    : `Row ${r + c.t.columns.first + 1} of the range: status "${quote(status)}" stops the clock, but the tickets have no updated column saying when each status was set; add one, or map it with a policy row such as updated, sys_updated_at.`;
}

/** The paused-hours cell of a one-row ticket (0 when blank or absent), or the message when it is not hours. */
function heldHours(c: Ctx, slot: number): number | string {
  const col = c.pausedHours;
  const { t } = c;
  const r = t.state[slot]!;
  if (!col || t.firstRow[slot] !== r || t.nextRow[r] !== -1) return 0;
  const v = col[slot]!;
  if (v === v && v >= 0) return v;
  const match = t.columns.matches.get("paused_hours")!;
  const cell = t.range[r + t.columns.first]?.[match.column];
  if (v !== v && (cell === undefined || isBlank(cell) || isPlaceholder(cell))) return 0;
  return `Column "${quote(match.header)}", row ${r + t.columns.first + 1} of the range: "${quote(cell ?? v)}" is not a number of paused hours; give hours of 0 or more, or leave it blank.`;
}

/**
 * One clock of one ticket from `start` (business clock `b0`) to `end`, both in the frame's time: business time less
 * the paused time inside it, the status and, when `moment`, the moment the target is (or was) reached.
 */
function measure(f: Frame, start: Serial, b0: number, end: Serial, target: number, done: boolean, atRisk: number, pauses: readonly number[], clocks: readonly number[], count: number, heldHours: number, moment = true): SlaMeasure {
  const cal = f.cal;
  const b1 = businessClock(cal, end);
  let goal = b0 + target * HOUR_MS;
  let pausedMs = 0;
  let pausedNow = false;
  let goalKnown = true;
  for (let i = 0; i < count; i += 2) {
    const from = Math.max(pauses[i]!, start);
    const to = pauses[i + 1]!;
    if (to <= start || from > end) continue;
    const stillPaused = !done && to > end;
    if (stillPaused) pausedNow = true;
    const bFrom = clocks[i]!;
    const bTo = to >= end ? b1 : clocks[i + 1]!;
    const held = Math.max(0, bTo - bFrom);
    pausedMs += held;
    // The target is reached before this pause, or only after it ends (unknown while it lasts).
    if (goalKnown && bFrom < goal) {
      if (stillPaused) goalKnown = false;
      else goal += held;
    }
  }
  // A one-row ticket's paused-hours cell: time held before `end`, at most all of it.
  const net = b1 - b0 - pausedMs;
  const extra = Math.min(heldHours * HOUR_MS, Math.max(0, net));
  goal += heldHours * HOUR_MS;
  const elapsed = Math.max(0, net - extra) / HOUR_MS;
  const status: SlaState = done
    ? elapsed <= target ? "met" : "breached"
    : elapsed > target ? "breached" : pausedNow ? "paused" : elapsed >= atRisk * target ? "at risk" : "open";
  const reached = !moment || status === "paused" || !goalKnown ? undefined : f.out(momentAt(cal, goal));
  return { target, elapsed, breachAt: reached, status, paused: (pausedMs + extra) / HOUR_MS };
}

/** The clock of a ticket opened after as-of: its target and breach moment, no elapsed time. */
function notOpened(f: Frame, opened: Serial, target: number): SlaMeasure {
  return { target, elapsed: 0, breachAt: f.out(breachAt(f.cal, opened, target)), status: "not opened", paused: 0 };
}

function list(policy: Policy): string {
  return policy.rows.map((p) => p.priority).join(", ");
}

/** One vendor's resolution-SLA counts. */
export interface VendorSla {
  readonly vendor: string;
  readonly met: number;
  readonly breached: number;
  readonly atRisk: number;
  readonly open: number;
  /** Tickets opened after as-of: counted here only, in no SLA figure. */
  readonly notOpened: number;
  /** met / (met + breached); undefined when no ticket is met or breached. */
  readonly compliance: number | undefined;
}

/**
 * Counts a vendor's tickets by status. A ticket of that vendor that cannot be judged gives
 * its problem: a count that silently skipped it would be wrong.
 *
 * @example vendorSla(report, "Acme").compliance // 0.95
 */
export function vendorSla(report: SlaReport, name: string): VendorSla | CoreError {
  const id = report.vendors.find(name);
  if (id === undefined) {
    const seen = report.vendors.names.slice(0, 10).map((n) => `"${quote(n)}"`).join(", ");
    return new CoreError("unknown_vendor", `No ticket has vendor "${quote(name)}". Vendors in the range: ${seen || "(none)"}${report.vendors.size > 10 ? ", ..." : ""}.`, { arg: "vendor" });
  }
  let met = 0, breached = 0, atRisk = 0, open = 0, notOpened = 0;
  for (const t of report.tickets) {
    if (t.vendorId !== id) continue;
    if (t.error) return t.error;
    const s = t.resolution!.status;
    if (s === "met") met++;
    else if (s === "breached") breached++;
    else if (s === "at risk") atRisk++;
    else if (s === "not opened") notOpened++;
    else open++;
  }
  const compliance = met + breached > 0 ? met / (met + breached) : undefined;
  return { vendor: report.vendors.names[id]!, met, breached, atRisk, open, notOpened, compliance };
}
