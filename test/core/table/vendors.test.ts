import { GOOD } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";

const AS_OF = "2025-04-10";

describe("bad input gives a typed error that says what to fix", () => {
  it("names an unknown vendor", () => {
    expect(catalog.VENDORSCORE.fn(GOOD, "Globex", null, AS_OF)).toBeCoreError("#N/A", '"Globex"', "Acme");
  });
});
