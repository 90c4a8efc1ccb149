import type { Range } from "../../../core";
import { catalog } from "../../helpers/sheet";

const AS_OF = "2025-04-10";

describe("mapping rows", () => {
  const range: Range = [
    ["Supplier Code", "Supplier", "Ship By", "Landed", "Units"],
    ["S1", "Acme", "2025-03-01", "2025-03-01", 5],
    ["S1", "Acme", "2025-03-01", "2025-03-05", 5],
  ];

  it("override the automatic header match", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBeCoreError("#N/A", "on_time");
    const mapping = [["field", "header"], ["promised", "Ship By"], ["delivered", "landed"], ["vendor", "Supplier Code"]];
    expect(catalog.VENDORSCORECARD.fn(range, [...mapping, ["on_time", 1]], AS_OF)).toEqual([
      expect.anything(),
      ["S1", 2, "", 0.5, "", "", "", "", "", expect.closeTo(0, 9), "D", 1],
    ]);
    const dq = catalog.VENDORDATAQUALITY.fn(range, mapping) as unknown[][];
    expect(dq.find((r) => r[0] === "promised")!.slice(1, 3)).toEqual(["Ship By", "mapping row"]);
  });

  it("apply to the functions that score nothing through their settings argument", () => {
    const mapping = [["promised", "Ship By"], ["delivered", "Landed"], ["amount", "Units"]];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF, mapping)).toBe(0.5);
    expect(catalog.VENDORKPI.fn(range, "Acme", "spend", AS_OF, mapping)).toBe(10);
    expect(catalog.VENDORABC.fn(range, "Acme", null, null, mapping)).toBe("A");
    expect(catalog.VENDORABC.fn(range, "Acme")).toBeCoreError("#N/A", "spend");
    const risky = [["Supplier", "Units", "Hazard"], ["Acme", 5, 4]];
    expect(catalog.VENDORKRALJIC.fn(risky, "Acme", null, null, null, [["amount", "Units"], ["supply_risk", "Hazard"]])).toBe("Strategic");
  });

  it("and KPI rows never collide: a compliance row with a number is a KPI, with text a mapping", () => {
    const r = [["Vendor", "Promised", "Delivered", "Audit OK"], ["Acme", "2025-03-01", "2025-03-01", "yes"], ["Acme", "2025-03-01", "2025-03-01", "no"]];
    expect(catalog.VENDORSCORE.fn(r, "Acme", [["compliance", "Audit OK"], ["compliance", 1, 1, 0]], AS_OF)).toBeCloseTo(50, 10);
  });
});
