import { attempt, CoreError } from "../cell/error";
import type { Range, ResultCell, ResultGrid } from "../cell/types";
import { SLASTATUS } from "../catalog/sla";
import { bind, type Context } from "../catalog/types";
import { readPolicy } from "../sla/policy";
import { readTickets } from "../sla/tickets";

/** A period of the review: its label and first and last day (date serials). */
export interface ReviewPeriod {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The SLA part of a business review, from a ticket source under the default policy and business
 * hours (as the SLA status report starts): the vendor's resolution compliance for the tickets
 * opened this period and the period before (met / (met + breached), undefined when none is
 * concluded), this period's breaches by priority, and the vendor's open tickets at risk now.
 * Tickets are placed in a period by their opened day. A ticket source that names no ticket of
 * the vendor gives a line saying so.
 *
 * @example reviewSla(tickets, "Acme", [q4, q1], null, cx) // { compliance: [["Period", "Compliance", ...], ...], byPriority: ..., atRisk: ... }
 */
export function reviewSla(tickets: Range, vendor: string, periods: readonly ReviewPeriod[], asOf: number | null, cx: Context): { compliance: ResultGrid; byPriority: ResultGrid; atRisk: ResultGrid } | CoreError {
  const status = bind(SLASTATUS, cx).call({ tickets, as_of: asOf });
  if (status instanceof CoreError) return status;
  const grid = status as ResultGrid;
  const policy = readPolicy([]);
  if (policy instanceof CoreError) return policy;
  // The same rows in the same order as SLASTATUS judged them: their opened moments place them in periods.
  const table = attempt(() => readTickets(tickets, policy.read, cx.cache));
  if (table instanceof CoreError) return table;
  const opened = table.ticketNum("opened")!;
  const h = (grid[0] ?? []).map(String);
  const [vCol, pCol, sCol, tCol, eCol, idCol] = ["Vendor", "Priority", "Status", "Target (h)", "Elapsed (h)", "Ticket"].map((n) => h.indexOf(n)) as [number, number, number, number, number, number];
  const want = vendor.toLowerCase();
  const mine: { row: readonly ResultCell[]; opened: number }[] = [];
  grid.slice(1).forEach((row, i) => {
    if (String(row[vCol]).trim().toLowerCase() === want) mine.push({ row, opened: opened[i]! });
  });
  if (mine.length === 0) return new CoreError("unknown_vendor", `The tickets name no ticket of "${vendor}".`, { arg: "tickets" });
  const inPeriod = (p: ReviewPeriod) => mine.filter((t) => t.opened >= p.start && t.opened < p.end + 1);
  const state = (t: { row: readonly ResultCell[] }) => String(t.row[sCol]);
  const compliance: ResultGrid = [["Period", "Tickets opened", "Met", "Breached", "Compliance"]];
  for (const p of periods) {
    const ts = inPeriod(p);
    const met = ts.filter((t) => state(t) === "met").length;
    const breached = ts.filter((t) => state(t) === "breached").length;
    compliance.push([p.label, ts.length, met, breached, met + breached > 0 ? met / (met + breached) : ""]);
  }
  const current = periods[periods.length - 1]!;
  const counts = new Map<string, number>();
  for (const t of inPeriod(current)) if (state(t) === "breached") counts.set(String(t.row[pCol]), (counts.get(String(t.row[pCol])) ?? 0) + 1);
  const byPriority: ResultGrid = [["Priority", "Breaches"], ...[...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([p, n]): ResultCell[] => [p, n])];
  const atRisk: ResultGrid = [["Ticket", "Priority", "Elapsed (h)", "Target (h)"], ...mine.filter((t) => state(t) === "at risk").map((t): ResultCell[] => [t.row[idCol]!, t.row[pCol]!, t.row[eCol]!, t.row[tCol]!])];
  return { compliance, byPriority, atRisk };
}
