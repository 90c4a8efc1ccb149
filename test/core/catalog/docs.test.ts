import { readFileSync } from "fs";
import { README, withReference } from "../../../scripts/docs";

describe("README function reference", () => {
  it("is the one generated from the catalog (run npm run docs after changing a function)", () => {
    const readme = readFileSync(README, "utf8");
    expect(withReference(readme)).toBe(readme);
  });
});
