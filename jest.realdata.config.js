// The suites over the procurement export in test/data (its source shows no licence, so it is used for tests only,
// as test/data/README.md says). `npm run test:realdata` runs them; `npm test` does not.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/realdata"],
  testPathIgnorePatterns: ["/node_modules/"],
};
