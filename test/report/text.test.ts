import { safeGrid, safeText } from "../../core/report";

describe("text a report writes into a sheet", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+1", "'+1"],
    ["-x", "'-x"],
    ["-5", "'-5"],
    ["@sum", "'@sum"],
    [" -x", "' -x"],
    ["\t=1+1", "'\t=1+1"],
    ["'quoted", "''quoted"],
    ["Acme Metals", "Acme Metals"],
    // Period labels and ids that a host would enter as a date or a number.
    ["2025-03", "'2025-03"],
    ["2025", "'2025"],
    ["2025-03-31", "'2025-03-31"],
    ["12345", "'12345"],
    ["98%", "'98%"],
    ["2025-Q1", "2025-Q1"],
    ["2025-W07", "2025-W07"],
    ["FY2026", "FY2026"],
    ["3M", "3M"],
    ["a=b", "a=b"],
    ["", ""],
  ])("writes the text %j as %j, which the host shows as the text itself", (text, written) => {
    expect(safeText(text)).toBe(written);
  });

  it.each([[-3], [0], [1e-9], [-0.25], [true], [false]])("leaves %j as it is: numbers stay numbers, negative ones too", (v) => {
    expect(safeText(v)).toBe(v);
  });

  it("escapes every cell of a grid and nothing else", () => {
    expect(safeGrid([["Vendor", "Score"], ["@sum", -1], ["Acme", 2]])).toEqual([["Vendor", "Score"], ["'@sum", -1], ["Acme", 2]]);
  });
});
