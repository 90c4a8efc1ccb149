import { asOfArg, dateArg, numberArg, omitted, textArg } from "../cell/args";
import { fail } from "../cell/error";
import type { Range, ResultCell, ResultGrid } from "../cell/types";
import { asRange } from "../cell/blank";
import { businessHours, creditFor, readCalendar, readCredits, readPolicy, slaStatus, vendorSla, type SlaMeasure, type SlaReport } from "../sla";
import type { Env, FunctionDef, ParamSpec } from "./types";

const TICKETS: ParamSpec = { name: "tickets", type: "range", description: "Tickets with a header row: vendor, priority, opened, and ticket, responded, resolved, updated where known." };
const VENDOR: ParamSpec = { name: "vendor", type: "string", description: "The vendor's name as written in the tickets (any case)." };
const POLICY: ParamSpec = {
  name: "policy",
  type: "range",
  optional: true,
  description: "Rows priority, resolution h, [response h], [business or 24x7]; mapping rows such as updated, sys_updated_at; date_order, DMY. Default: P1 4h 24x7, P2 8h, P3 24h, P4 40h.",
};
const CALENDAR: ParamSpec = { name: "calendar", type: "range", optional: true, description: "Rows workdays (Mon-Fri or 0000011), hours (09:00-17:00, one row per shift), holiday (a date). Default: Mon-Fri 09:00-17:00." };
const AS_OF: ParamSpec = { name: "as_of", type: "date", optional: true, description: "Moment open tickets are judged at. Default: now." };

/** Header of the SLASTATUS table; response columns follow when the policy and the data have them. */
export const SLA_COLUMNS = ["Ticket", "Vendor", "Priority", "Target (h)", "Elapsed (h)", "% of target", "Time left (h)", "Breach at", "Status", "Breach by (h)"] as const;
export const SLA_RESPONSE_COLUMNS = ["Response target (h)", "Response (h)", "Response status"] as const;

function run(args: readonly unknown[], env: Env, at: { policy: number; calendar: number; asOf: number }, atRisk = 0.75): SlaReport {
  const policy = readPolicy(args[at.policy] as never);
  const calendar = readCalendar(args[at.calendar] as never);
  return slaStatus(asRange(args[0] as never) as Range, policy, calendar, asOfArg(args[at.asOf], env.now), atRisk);
}

const VENDOR_ARGS = { policy: 2, calendar: 3, asOf: 4 };

export const SLASTATUS: FunctionDef = {
  name: "SLASTATUS",
  description: "Spills each ticket's SLA status: target, elapsed business hours, time left, breach moment, met / breached / at risk / open.",
  example: "=SLASTATUS(A1:F500, H1:K4, M1:N3) spills Ticket, Vendor, Priority, Target (h), Elapsed (h) ... Status, Breach by (h).",
  params: [
    TICKETS, POLICY, CALENDAR, AS_OF,
    { name: "at_risk", type: "number", optional: true, description: "Share of the target after which an open ticket is at risk. Default: 0.75." },
  ],
  result: "table",
  dateColumns: ["Breach at"],
  impl(args, env) {
    const threshold = numberArg(args[4], "at_risk", 0.75);
    if (!(threshold >= 0 && threshold <= 1)) fail("bad_argument", `at_risk ${threshold} must be a share of the target between 0 and 1, e.g. 0.75 or 75%.`);
    const report = run(args, env, { policy: 1, calendar: 2, asOf: 3 }, threshold);
    const header: string[] = [...SLA_COLUMNS];
    if (report.hasResponse) header.push(...SLA_RESPONSE_COLUMNS);
    const grid: ResultGrid = [header];
    const blanks = (n: number): ResultCell[] => new Array<ResultCell>(n).fill("");
    for (const t of report.tickets) {
      const row: ResultCell[] = [t.ticket, t.vendor, t.priority];
      if (t.error) {
        // The row says what is wrong with it; the other tickets are still judged.
        row.push(...blanks(5), `${t.error.code} ${t.error.message}`, "");
        if (report.hasResponse) row.push(...blanks(3));
      } else {
        const m = t.resolution!;
        row.push(m.target, m.elapsed, m.elapsed / m.target, m.target - m.elapsed, m.breachAt, m.status, breachBy(m));
        if (report.hasResponse) row.push(...(t.response ? [t.response.target, t.response.elapsed, t.response.status] : blanks(3)));
      }
      grid.push(row);
    }
    return grid;
  },
};

function breachBy(m: SlaMeasure): ResultCell {
  return m.elapsed > m.target ? m.elapsed - m.target : "";
}

export const SLACOMPLIANCE: FunctionDef = {
  name: "SLACOMPLIANCE",
  description: "A vendor's resolution-SLA compliance: met / (met + breached), 0 to 1.",
  example: '=SLACOMPLIANCE(A1:F500, "Acme") returns 0.95 when 19 of Acme\'s 20 concluded tickets met their target.',
  params: [TICKETS, VENDOR, POLICY, CALENDAR, AS_OF],
  result: "number",
  impl(args, env) {
    const v = vendorSla(run(args, env, VENDOR_ARGS), textArg(args[1], "vendor"));
    if (v.compliance === undefined) fail("no_data", `Vendor "${v.vendor}" has no ticket that is met or breached yet (${v.open + v.atRisk} open), so compliance is undefined.`);
    return v.compliance;
  },
};

export const SLABREACHES: FunctionDef = {
  name: "SLABREACHES",
  description: "How many of a vendor's tickets breached their resolution target (resolved late, or open past it).",
  example: '=SLABREACHES(A1:F500, "Acme") returns 3.',
  params: [TICKETS, VENDOR, POLICY, CALENDAR, AS_OF],
  result: "number",
  impl(args, env) {
    return vendorSla(run(args, env, VENDOR_ARGS), textArg(args[1], "vendor")).breached;
  },
};

export const SLAHOURS: FunctionDef = {
  name: "SLAHOURS",
  description: "Business hours between two date-times under a calendar (negative when end is earlier).",
  example: '=SLAHOURS("2025-03-28 16:30", "2025-03-31 10:00") returns 1.5 (Friday 16:30 to Monday 10:00, Mon-Fri 09:00-17:00).',
  params: [
    { name: "start", type: "date", description: "Start date-time." },
    { name: "end", type: "date", description: "End date-time." },
    CALENDAR,
  ],
  result: "number",
  impl(args) {
    const start = dateArg(args[0], "start");
    const end = dateArg(args[1], "end");
    return businessHours(readCalendar(args[2] as never), start, end);
  },
};

export const SLACREDIT: FunctionDef = {
  name: "SLACREDIT",
  description: "The service credit a vendor owes: the credit % of the lowest band its SLA compliance falls under, 0 if none.",
  example: '=SLACREDIT(A1:F500, "Acme", H1:I3) returns 10% when Acme\'s compliance is 94% and the table has 0.99, 5% and 0.95, 10%.',
  params: [
    TICKETS, VENDOR,
    { name: "credit_table", type: "range", description: "Rows compliance below, credit % (e.g. 0.99, 5% and 0.95, 10%)." },
    POLICY, CALENDAR, AS_OF,
  ],
  result: "number",
  impl(args, env) {
    if (omitted(args[2])) fail("bad_argument", "credit_table is empty: give rows compliance below, credit % such as 0.99, 5%.");
    const bands = readCredits(args[2] as never);
    const v = vendorSla(run(args, env, { policy: 3, calendar: 4, asOf: 5 }), textArg(args[1], "vendor"));
    if (v.compliance === undefined) fail("no_data", `Vendor "${v.vendor}" has no ticket that is met or breached yet, so no credit can be worked out.`);
    return creditFor(bands, v.compliance);
  },
};
