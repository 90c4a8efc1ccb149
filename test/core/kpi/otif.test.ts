import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

/** One vendor's OTIF and in full cells from the spilled scorecard ("" = undefined). */
function otifOf(range: Range): { inFull: unknown; otif: unknown; onTime: unknown } {
  const t = table(catalog.VENDORSCORECARD.fn(range, null, AS_OF));
  return { onTime: t.column("On time")[0], inFull: t.column("In full")[0], otif: t.column("OTIF")[0] };
}

describe("OTIF is undefined where in full cannot be judged (no data is never zero)", () => {
  it.each<[string, Range, { inFull: unknown; otif: unknown; onTime: unknown }]>([
    [
      "no received quantity column, one line delivered on time and one undelivered past its promise",
      [["Vendor", "Promised Date", "Delivered Date", "Ordered Qty"], ["Alpha", "2025-03-01", "2025-03-01", 10], ["Alpha", "2025-03-02", "", 10]],
      { onTime: 0.5, inFull: "", otif: "" },
    ],
    [
      "no quantity columns at all, only undelivered lines past their promise",
      [["Vendor", "Promised Date", "Delivered Date"], ["Alpha", "2025-03-01", ""], ["Alpha", "2025-03-02", ""]],
      { onTime: 0, inFull: "", otif: "" },
    ],
    [
      "a received quantity column left blank on every delivered line",
      [["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"], ["Alpha", "2025-03-01", "2025-03-01", 10, ""], ["Alpha", "2025-03-02", "", 10, ""]],
      { onTime: 0.5, inFull: "", otif: "" },
    ],
  ])("leaves OTIF blank with %s", (_what, range, want) => {
    expect(otifOf(range)).toEqual(want);
  });

  it.each<[string, Range, { inFull: unknown; otif: unknown; onTime: unknown }]>([
    [
      "received quantities: a late undelivered line counts as a miss",
      [["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"], ["Alpha", "2025-03-01", "2025-03-01", 10, 10], ["Alpha", "2025-03-02", "", 10, ""]],
      { onTime: 0.5, inFull: 1, otif: 0.5 },
    ],
    [
      "received quantities, every line short",
      [["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"], ["Alpha", "2025-03-01", "2025-03-01", 10, 8]],
      { onTime: 1, inFull: 0, otif: 0 },
    ],
  ])("measures OTIF with %s", (_what, range, want) => {
    expect(otifOf(range)).toEqual(want);
  });

  it("answers #N/A from VENDORKPI for OTIF when in full cannot be judged", () => {
    const range: Range = [["Vendor", "Promised Date", "Delivered Date"], ["Alpha", "2025-03-01", "2025-03-01"], ["Alpha", "2025-03-02", ""]];
    expect(catalog.VENDORKPI.fn(range, "Alpha", "otif", AS_OF)).toBeCoreError("#N/A", "otif");
  });
});
