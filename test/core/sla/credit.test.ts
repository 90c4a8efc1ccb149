import type { Range } from "../../../core";
import { TICKET_HEADER as HEADER } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";

describe("SLACREDIT bands", () => {
  // Twenty P4 tickets: 19 resolved within the hour, one after four weeks: compliance 19/20 = 0.95.
  const tickets: Range = [HEADER];
  for (let i = 0; i < 20; i++) tickets.push([`T${i}`, "Acme", "P4", "2025-03-03 09:00", i === 0 ? "2025-03-31 09:00" : "2025-03-03 10:00"]);

  it("works out compliance as met / (met + breached)", () => {
    expect(catalog.SLACOMPLIANCE.fn(tickets, "Acme", undefined, undefined, "2025-04-10")).toBe(0.95);
    expect(catalog.SLABREACHES.fn(tickets, "acme", undefined, undefined, "2025-04-10")).toBe(1);
  });

  it.each<[string, Range, number]>([
    ["a compliance exactly on a band's threshold is not under it", [[0.99, 0.05], [0.95, 0.1]], 0.05],
    ["bands in any order: the lowest band the compliance falls under wins", [[0.96, 0.1], [0.99, 0.05], [0.9, 0.2]], 0.1],
    ["no band above the compliance gives no credit", [["Compliance below", "Credit %"], [0.9, "20%"]], 0],
  ])("pays %s", (_what, credits, expected) => {
    expect(catalog.SLACREDIT.fn(tickets, "Acme", credits, undefined, undefined, "2025-04-10")).toBe(expected);
  });
});
