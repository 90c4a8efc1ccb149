/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  testMatch: ["**/*.test.ts"],
  // test/realdata reads exports that may not be redistributed, kept beside the repository: `npm run test:realdata`.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/realdata/"],
};
