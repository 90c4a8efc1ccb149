import { CoreError, problem } from "../cell/error";
import type { ResultCell, ResultGrid } from "../cell/types";
import { businessHours, creditFor, readCalendar, readCredits, readPolicy, slaStatus, vendorSla, type SlaMeasure } from "../sla";
import { asOf, config, date, number, range, text } from "./params";
import { defineFunction, type Context } from "./types";
import type { Calendar } from "../sla/calendar";
import type { Policy } from "../sla/policy";
import type { Serial } from "../cell/date";
import type { Range } from "../cell/types";

export const TICKETS = range("tickets", "Tickets with a header row: vendor, priority, opened, and ticket, responded, resolved, updated where known.");
const VENDOR = text("vendor", "The vendor's name as written in the tickets (any case).");
export const POLICY = config("policy", "Rows priority, resolution h, [response h], [business or 24x7], [vendor]; pause, On hold (a status that stops the clock); mapping rows such as updated, sys_updated_at; date_order, DMY; data_timezone, UTC. Default: P1 4h 24x7, P2 8h, P3 24h, P4 40h.", readPolicy);
const CALENDAR = config("calendar", "Rows workdays (Mon-Fri or 0000011), hours (09:00-17:00, or Sat, 10:00-14:00 for named days; 22:00-06:00 a night shift), holiday (a date), timezone (e.g. Europe/Berlin). Default: Mon-Fri 09:00-17:00.", readCalendar);
const AS_OF = asOf("as_of", "Moment open tickets are judged at; numeric text follows the policy's date_order. Default: now.", POLICY);

/** Header of the SLASTATUS table; response columns follow when the policy and the data have them. */
export const SLA_COLUMNS = ["Ticket", "Vendor", "Priority", "Target (h)", "Elapsed (h)", "% of target", "Time left (h)", "Breach at", "Status", "Breach by (h)"] as const;
export const SLA_RESPONSE_COLUMNS = ["Response target (h)", "Response (h)", "Response status"] as const;
/** Last column of the SLASTATUS table: hours the resolution clock stood still. */
export const SLA_PAUSED_COLUMN = "Paused (h)";

/** The tickets judged under a policy and calendar, then counted for one vendor. */
function vendorCounts(a: { tickets: Range; vendor: string; policy: Policy; calendar: Calendar; as_of: Serial }, cx: Context) {
  return vendorSla(slaStatus(a.tickets, a.policy, a.calendar, a.as_of, 0.75, cx.cache), a.vendor);
}

export const SLASTATUS = defineFunction({
  name: "SLASTATUS",
  description: "Spills each ticket's SLA status: target, elapsed business hours, time left, breach moment, met / breached / at risk / open / paused / not opened, and paused hours.",
  example: "=SLASTATUS(A1:F500, H1:K4, M1:N3) spills Ticket, Vendor, Priority, Target (h), Elapsed (h) ... Status, Breach by (h), Paused (h).",
  params: [TICKETS, POLICY, CALENDAR, AS_OF, number("at_risk", "Share of the target after which an open ticket is at risk. Default: 0.75.", 0.75)],
  result: "table",
  dateColumns: ["Breach at"],
  impl({ tickets, policy, calendar, as_of, at_risk }, cx) {
    if (!(at_risk >= 0 && at_risk <= 1)) return problem("bad_argument", `at_risk ${at_risk} must be a share of the target between 0 and 1, e.g. 0.75 or 75%.`, { arg: "at_risk" });
    const report = slaStatus(tickets, policy, calendar, as_of, at_risk, cx.cache);
    const header: string[] = [...SLA_COLUMNS];
    if (report.hasResponse) header.push(...SLA_RESPONSE_COLUMNS);
    header.push(SLA_PAUSED_COLUMN);
    const grid: ResultGrid = new Array(report.tickets.length + 1);
    grid[0] = header;
    // Each row is built whole, in one array of its final length: a log gives 100k rows or more.
    const hasResponse = report.hasResponse;
    for (let i = 0; i < report.tickets.length; i++) {
      const t = report.tickets[i]!;
      const m = t.resolution!;
      let row: ResultCell[];
      if (t.error) {
        // The row says what is wrong with it; the other tickets are still judged.
        const problem = `${t.error.code} ${t.error.message}`;
        row = hasResponse ? [t.ticket, t.vendor, t.priority, "", "", "", "", "", problem, "", "", "", "", ""] : [t.ticket, t.vendor, t.priority, "", "", "", "", "", problem, "", ""];
      } else if (m.status === "not opened") {
        // Opened after as-of: its target and breach moment, but no clock figures.
        const r = t.response;
        row = hasResponse
          ? [t.ticket, t.vendor, t.priority, m.target, "", "", "", m.breachAt ?? "", m.status, "", r ? r.target : "", "", r ? r.status : "", ""]
          : [t.ticket, t.vendor, t.priority, m.target, "", "", "", m.breachAt ?? "", m.status, "", ""];
      } else {
        // A paused ticket has no breach moment until its clock runs again.
        const r = t.response;
        row = hasResponse
          ? [t.ticket, t.vendor, t.priority, m.target, m.elapsed, m.elapsed / m.target, m.target - m.elapsed, m.breachAt ?? "", m.status, breachBy(m), r ? r.target : "", r ? r.elapsed : "", r ? r.status : "", m.paused]
          : [t.ticket, t.vendor, t.priority, m.target, m.elapsed, m.elapsed / m.target, m.target - m.elapsed, m.breachAt ?? "", m.status, breachBy(m), m.paused];
      }
      grid[i + 1] = row;
    }
    return grid;
  },
});

function breachBy(m: SlaMeasure): ResultCell {
  return m.elapsed > m.target ? m.elapsed - m.target : "";
}

export const SLACOMPLIANCE = defineFunction({
  name: "SLACOMPLIANCE",
  description: "A vendor's resolution-SLA compliance: met / (met + breached), 0 to 1.",
  example: '=SLACOMPLIANCE(A1:F500, "Acme") returns 0.95 when 19 of Acme\'s 20 concluded tickets met their target.',
  params: [TICKETS, VENDOR, POLICY, CALENDAR, AS_OF],
  result: "number",
  impl(args, cx) {
    const v = vendorCounts(args, cx);
    if (v instanceof CoreError) return v;
    if (v.compliance === undefined) return problem("no_data", `Vendor "${v.vendor}" has no ticket that is met or breached yet (${v.open + v.atRisk} open${v.notOpened ? `, ${v.notOpened} opened after as_of` : ""}), so compliance is undefined.`);
    return v.compliance;
  },
});

export const SLABREACHES = defineFunction({
  name: "SLABREACHES",
  description: "How many of a vendor's tickets breached their resolution target (resolved late, or open past it).",
  example: '=SLABREACHES(A1:F500, "Acme") returns 3.',
  params: [TICKETS, VENDOR, POLICY, CALENDAR, AS_OF],
  result: "number",
  impl(args, cx) {
    const v = vendorCounts(args, cx);
    return v instanceof CoreError ? v : v.breached;
  },
});

export const SLAHOURS = defineFunction({
  name: "SLAHOURS",
  description: "Business hours between two date-times under a calendar (negative when end is earlier).",
  example: '=SLAHOURS("2025-03-28 16:30", "2025-03-31 10:00") returns 1.5 (Friday 16:30 to Monday 10:00, Mon-Fri 09:00-17:00).',
  params: [date("start", "Start date-time."), date("end", "End date-time."), CALENDAR],
  result: "number",
  impl({ start, end, calendar }) {
    return businessHours(calendar, start, end);
  },
});

export const SLACREDIT = defineFunction({
  name: "SLACREDIT",
  description: "The service credit a vendor owes: the credit % of the lowest band its SLA compliance falls under, 0 if none.",
  example: '=SLACREDIT(A1:F500, "Acme", H1:I3) returns 10% when Acme\'s compliance is 94% and the table has 0.99, 5% and 0.95, 10%.',
  params: [
    TICKETS, VENDOR,
    config("credit_table", "Rows compliance below, credit %, [vendor] (e.g. 0.99, 5% and 0.95, 10%); a vendor with rows of its own uses only those.", readCredits, false),
    POLICY, CALENDAR, AS_OF,
  ],
  result: "number",
  impl(args, cx) {
    const v = vendorCounts(args, cx);
    if (v instanceof CoreError) return v;
    if (v.compliance === undefined) return problem("no_data", `Vendor "${v.vendor}" has no ticket that is met or breached yet, so no credit can be worked out.`);
    return creditFor(args.credit_table, v.compliance, v.vendor);
  },
});
