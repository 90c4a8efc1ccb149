import type { Range } from "../../../core";
import { readScoreConfig, type ScoreConfig } from "../../../core/score/config";
import { catalog } from "../../helpers/sheet";

const read = (rows: unknown[][]) => readScoreConfig(rows as Range);

describe("period settings in the weights range", () => {
  it("default to no period, fiscal_start 1, the fallback dates, 12 periods and linear decay", () => {
    expect((read([]) as ScoreConfig).periods).toEqual({ fiscalStart: 1, history: 12, decay: "linear" });
  });

  it("read period, fiscal_start, period_by, history and decay rows in any case", () => {
    const c = read([["Period", "Quarter"], ["fiscal_start", 4], ["Period By", "Order Date"], ["history", "8"], ["decay", "None"]]) as ScoreConfig;
    expect(c.periods).toEqual({ kind: "quarter", fiscalStart: 4, by: "order_date", history: 8, decay: "none" });
  });

  it.each([
    [["period", "fortnight"], "Weights row 1", "period must be week, month, quarter or year", "fortnight"],
    [["fiscal_start", 13], "fiscal_start must be the month", "13"],
    [["fiscal_start", 2.5], "fiscal_start", "2.5"],
    [["period_by", "shipped"], "period_by must be promised, delivered or order_date", "shipped"],
    [["history", 0], "history must be a whole number of periods from 1 to 120", '"0"'],
    [["history", 121], "history", "121"],
    [["decay", "exponential"], "decay must be linear or none", "exponential"],
  ] as [unknown[], ...string[]][])("say what is wrong with %j", (row, ...mentions) => {
    const c = read([row]);
    expect(c).toBeCoreError("#VALUE!", ...mentions);
  });

  it("place a bad setting at its row and column", () => {
    const c = catalog.VENDORSCORE.fn([["Vendor"], ["Acme"]], "Acme", [["on_time", 1], ["decay", "fast"]]);
    expect(c).toBeCoreError("#VALUE!", "Weights row 2", "decay");
    expect(c).toMatchObject({ row: 2, column: "2", field: "decay", arg: "weights" });
  });
});
