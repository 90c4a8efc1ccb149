import { GOOD } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";

describe("bad input gives a typed error that says what to fix", () => {
  it("rejects an unknown KPI name in VENDORKPI", () => {
    expect(catalog.VENDORKPI.fn(GOOD, "Acme", "speed")).toBeCoreError("#VALUE!", "speed", "on_time");
  });
});
