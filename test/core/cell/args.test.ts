import { GOOD } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";

// The arguments every function shares: as_of, vendor, and the 0 an older Excel build passes for a blank cell.

describe("edge cases an analyst meets", () => {
  it.each([
    ["as_of", () => catalog.VENDORSCORE.fn([["Vendor", "Promised Date", "Delivered Date"], ["A", "2025-04-01", ""], ["A", "2025-03-01", "2025-03-01"]], "A", [["on_time", 1, 1, 0]], 0)],
  ])("reads 0 in an optional %s as left out (older Excel builds pass 0 for a blank cell)", (_name, call) => {
    // Today (2025-04-10) is past the open line's promise: 1 of 2 on time.
    expect(call()).toBe(50);
  });

  it("asks for a start when SLAHOURS gets 0, an older Excel build's blank cell", () => {
    expect(catalog.SLAHOURS.fn(0, 45000.5)).toBeCoreError("#VALUE!", "start", "empty");
  });
});

describe("bad input gives a typed error that says what to fix", () => {
  it("rejects an as_of that is not a date", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Acme", null, "next week")).toBeCoreError("#VALUE!", "as_of", "next week");
  });

  it("asks for a vendor when the vendor argument is empty", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, null)).toBeCoreError("#VALUE!", "vendor");
  });
});
