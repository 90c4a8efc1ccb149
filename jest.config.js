/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  testMatch: ["**/*.test.ts"],
  // test/realdata runs on its own: `npm run test:realdata`.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/realdata/"],
};
