import { formatSerial, type Serial } from "../cell/date";
import { CoreError, quote } from "../cell/error";
import type { Range } from "../cell/types";
import type { VendorIndex } from "../table/vendors";
import { ALWAYS, breachAt, businessHours, type Calendar } from "./calendar";
import type { Policy } from "./policy";
import type { ParseCache } from "../table/cache";
import { readTickets, timeProblem, type TicketTable } from "./tickets";

/** `not opened`: the ticket was opened after the as-of moment, so at as-of it did not exist yet. */
export type SlaState = "met" | "breached" | "at risk" | "open" | "not opened";

/** One SLA clock of one ticket (resolution or response). Hours; `breachAt` is a serial. */
export interface SlaMeasure {
  readonly target: number;
  readonly elapsed: number;
  readonly breachAt: Serial;
  readonly status: SlaState;
}

export interface TicketStatus {
  /** Row of the tickets range (the header is row 1). */
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
 * Judges every ticket against its priority's targets at `asOf`, in one pass. An event log
 * gives one row per ticket. A row that cannot be judged carries its error instead of failing
 * the others. A ticket resolved after `asOf` is judged as still open at `asOf`; one opened after
 * `asOf` is `not opened`, with no elapsed time, and counts in no SLA figure.
 *
 * @example slaStatus(range, DEFAULT_POLICY, DEFAULT_CALENDAR, serialOf(2025, 3, 31, 12)).tickets[0].resolution.status // "at risk"
 */
export function slaStatus(tickets: Range, policy: Policy, calendar: Calendar, asOf: Serial, atRisk: number, cache: ParseCache): SlaReport {
  const t = readTickets(tickets, policy.read, cache);
  const hasResponse = policy.hasResponse && t.columns.columns.has("responded");
  // Columns are looked up once here, not per ticket: this loop runs for every ticket of the range.
  const c: Ctx = {
    t, policy, calendar, asOf, atRisk, hasResponse,
    ids: t.text("ticket"), vendor: t.text("vendor")!, priority: t.text("priority")!, opened: t.num("opened")!,
    resolved: t.num("resolved"), responded: t.num("responded"),
  };
  const out: TicketStatus[] = new Array(t.state.length);
  for (let i = 0; i < t.state.length; i++) out[i] = judge(c, t.state[i]!, t.badUpdated[i]!);
  return { tickets: out, vendors: t.vendors, hasResponse };
}

interface Ctx {
  readonly t: TicketTable;
  readonly policy: Policy;
  readonly calendar: Calendar;
  readonly asOf: Serial;
  readonly atRisk: number;
  readonly hasResponse: boolean;
  readonly ids: string[] | undefined;
  readonly vendor: string[];
  readonly priority: string[];
  readonly opened: Float64Array;
  readonly resolved: Float64Array | undefined;
  readonly responded: Float64Array | undefined;
}

function judge(c: Ctx, r: number, badUpdated: number): TicketStatus {
  const { t, policy, asOf, atRisk } = c;
  const ticket = c.ids?.[r] || `row ${r + 2}`;
  const priority = c.priority[r]!;
  const row = r + 2;
  const vendor = c.vendor[r]!;
  const vendorId = t.vendorOf[r]!;
  const wrong = (kind: "not_a_date" | "bad_config", message: string): TicketStatus => ({ row, ticket, vendor, vendorId, priority, error: new CoreError(kind, message) });
  const header = (f: "priority" | "resolved" | "responded") => t.columns.matches.get(f)!.header;

  if (badUpdated >= 0) return wrong("not_a_date", timeProblem(t, "updated", badUpdated)!);
  if (priority === "") return wrong("bad_config", `Column "${header("priority")}", row ${row} of the range: the priority is blank; give one of ${list(policy)}.`);
  const rule = policy.match(priority);
  if (!rule) {
    return wrong("bad_config", `Column "${header("priority")}", row ${row} of the range: no policy row matches priority "${priority}"; add a row "${priority}, <hours>" to the policy (it has ${list(policy)}).`);
  }
  const opened = c.opened[r]!;
  if (opened !== opened) return wrong("not_a_date", timeProblem(t, "opened", r)!);
  const cal = rule.clock === "24x7" ? ALWAYS : c.calendar;
  if (opened > asOf) {
    // Judged at a moment before it existed: nothing has elapsed and nothing can be met or
    // breached. Its later times are not read: a ticket that did not exist yet cannot fail its vendor's figures.
    const resolution = notOpened(cal, opened, rule.resolution);
    if (!c.hasResponse || rule.response === undefined) return { row, ticket, vendor, vendorId, priority, resolution };
    return { row, ticket, vendor, vendorId, priority, resolution, response: notOpened(cal, opened, rule.response) };
  }
  const resolvedAt = time(t, c.resolved, "resolved", r);
  if (typeof resolvedAt === "string") return wrong("not_a_date", resolvedAt);
  if (resolvedAt < opened) {
    return wrong("not_a_date", `Column "${header("resolved")}", row ${row} of the range: resolved ${formatSerial(resolvedAt)} is before opened ${formatSerial(opened)}; correct one of the two.`);
  }
  const resolved = resolvedAt <= asOf;
  const resolution = measure(cal, opened, resolved ? resolvedAt : asOf, rule.resolution, resolved, atRisk);
  if (!c.hasResponse || rule.response === undefined) return { row, ticket, vendor, vendorId, priority, resolution };

  const respondedAt = time(t, c.responded, "responded", r);
  if (typeof respondedAt === "string") return wrong("not_a_date", respondedAt);
  if (respondedAt < opened) {
    return wrong("not_a_date", `Column "${header("responded")}", row ${row} of the range: responded ${formatSerial(respondedAt)} is before opened ${formatSerial(opened)}; correct one of the two.`);
  }
  // Resolving a ticket answers it: with no response time, the response clock stops at resolution.
  const answeredAt = respondedAt <= asOf ? respondedAt : resolved ? resolvedAt : Infinity;
  const answered = answeredAt !== Infinity;
  const response = measure(cal, opened, answered ? answeredAt : asOf, rule.response, answered, atRisk);
  return { row, ticket, vendor, vendorId, priority, resolution, response };
}

/** A time cell: its serial, Infinity when blank (not yet happened), or the message when unreadable. */
function time(t: TicketTable, col: Float64Array | undefined, field: "resolved" | "responded", r: number): number | string {
  const v = col?.[r];
  if (v === undefined) return Infinity;
  if (v === v) return v;
  return timeProblem(t, field, r) ?? Infinity;
}

function measure(cal: Calendar, start: Serial, end: Serial, target: number, done: boolean, atRisk: number): SlaMeasure {
  // A ticket opened after as-of has used none of its time yet.
  const elapsed = Math.max(0, businessHours(cal, start, end));
  const status: SlaState = done
    ? elapsed <= target ? "met" : "breached"
    : elapsed > target ? "breached" : elapsed >= atRisk * target ? "at risk" : "open";
  return { target, elapsed, breachAt: breachAt(cal, start, target), status };
}

/** The clock of a ticket opened after as-of: its target and breach moment, no elapsed time. */
function notOpened(cal: Calendar, opened: Serial, target: number): SlaMeasure {
  return { target, elapsed: 0, breachAt: breachAt(cal, opened, target), status: "not opened" };
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
