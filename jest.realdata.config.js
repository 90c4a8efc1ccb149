// The suites over real exports that are not ours to redistribute (no licence), read from ../shared/data beside the
// repository rather than copied into it. `npm run test:realdata` runs them; `npm test` does not.
const { existsSync } = require("node:fs");
const { join, resolve } = require("node:path");
const base = require("./jest.config.js");

const DATA = resolve(__dirname, "..", "shared", "data");
const FILES = ["procurement_kpi_analysis_dataset.csv"];
const missing = FILES.filter((f) => !existsSync(join(DATA, f)));
if (missing.length > 0) {
  console.error(`test:realdata needs ${missing.map((f) => join(DATA, f)).join(", ")} (the folder ../shared/data beside the repository); it is not there.`);
  process.exit(1);
}

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/realdata"],
  testPathIgnorePatterns: ["/node_modules/"],
};
