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
