import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// `npm pack`, then the tarball installed into an empty folder without the network: it is unpacked
// into node_modules/vendorscore as npm would, its bin linked into node_modules/.bin, and its runtime
// dependencies (and nothing else) linked from this repository's node_modules, where `npm install`
// put them. (`npm install --offline` of the tarball would need the registry's metadata of each
// dependency in the npm cache, which an install from the lock file does not keep.)
const ROOT = path.join(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-package-"));
const app = path.join(tmp, "app");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 300_000, env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

let tarball: string;
beforeAll(() => {
  const packed = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", tmp], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0]!.filename);
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  const modules = path.join(app, "node_modules");
  const pkgDir = path.join(modules, "vendorscore");
  fs.mkdirSync(pkgDir, { recursive: true });
  sh("tar", ["-xzf", tarball, "-C", pkgDir, "--strip-components=1"], tmp);
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { bin: Record<string, string>; dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    const from = path.join(ROOT, "node_modules", dep);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(modules, dep)), { recursive: true });
    fs.symlinkSync(fs.realpathSync(from), path.join(modules, dep), "dir");
  }
  fs.mkdirSync(path.join(modules, ".bin"));
  for (const [name, target] of Object.entries(manifest.bin)) {
    fs.chmodSync(path.join(pkgDir, target), 0o755);
    fs.symlinkSync(path.join("..", "vendorscore", target), path.join(modules, ".bin", name));
  }
}, 600_000);

const RANGE = JSON.stringify([
  ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty"],
  ["Acme", "2025-03-01", "2025-03-01", 10, 10],
  ["Acme", "2025-03-01", "2025-03-05", 10, 8],
]);
// Acme: on time 1/2 -> (0.5 - 0.8) / 0.18 < 0 -> 0; in full 1/2 -> 0; no defect or price columns: score 0.
const USE = `catalog.VENDORSCORE.fn(${RANGE}, "Acme", null, "2025-04-10")`;

describe("the vendorscore package, installed from its tarball", () => {
  it("ships the bundles, the types and the command line, not the sources", () => {
    const files = sh("tar", ["-tzf", tarball], tmp).split("\n");
    expect(files).toEqual(expect.arrayContaining(["package/dist/package/index.js", "package/dist/package/index.mjs", "package/dist/package/sql.js", "package/dist/package/cli.js", "package/dist/package/types/lib/index.d.ts", "package/cli/vendorscore.js"]));
    expect(files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toBe(false);
  });

  it("require('vendorscore').catalog.VENDORSCORE.fn(range, 'Acme')", () => {
    const out = sh(process.execPath, ["-e", `const { catalog } = require("vendorscore"); console.log(JSON.stringify(${USE}))`], app);
    expect(JSON.parse(out)).toBe(0);
    const grade = sh(process.execPath, ["-e", `const { catalog } = require("vendorscore"); console.log(catalog.VENDORGRADE.fn(${RANGE}, "acme", null, "2025-04-10"))`], app);
    expect(grade.trim()).toBe("D");
  });

  it("import of the same, and of vendorscore/sql", () => {
    const out = sh(process.execPath, ["--input-type=module", "-e", `import { catalog, createCatalog } from "vendorscore"; import { scorecardSql } from "vendorscore/sql"; console.log(JSON.stringify([${USE}, typeof createCatalog, scorecardSql({ dialect: "postgres", table: "po", columns: ["Vendor"] }).sql.split("\\n")[0]]))`], app);
    expect(JSON.parse(out)).toEqual([0, "function", "-- VENDORSCORECARD of po as postgres SQL, as of the current date."]);
  });

  it("npx vendorscore --help, and a scorecard from a file", () => {
    expect(sh("npx", ["--offline", "--no-install", "vendorscore", "--help"], app)).toMatch(/^vendorscore: vendor scorecards/);
    fs.writeFileSync(path.join(app, "po.csv"), "Vendor,Ordered Qty,Received Qty,Delivered Date\nAcme,10,10,2025-03-01\nBeta,10,5,2025-03-01\n");
    expect(sh("npx", ["--offline", "--no-install", "vendorscore", "scorecard", "po.csv", "--as-of", "2025-04-10"], app)).toMatch(/^Acme,1,,,1,,,,,100,A,1$/m);
  });

  it("runs the README's Node API example as written", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const example = /## Node API[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
    // Each statement's value printed, so the comments' values are checked.
    const script = example.replace(/^(at\.VENDORKPI.*?);(\s*\/\/.*)?$/m, "console.log(JSON.stringify($1));");
    expect(script).not.toBe(example);
    expect(sh(process.execPath, ["-e", script], app).trim()).toBe("0.5");
  });

  it("has type declarations for both entry points", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(app, "node_modules", "vendorscore", "package.json"), "utf8")) as { exports: Record<string, { types: string }> };
    for (const entry of [".", "./sql"]) expect(fs.existsSync(path.join(app, "node_modules", "vendorscore", pkg.exports[entry]!.types))).toBe(true);
    const dts = fs.readFileSync(path.join(app, "node_modules", "vendorscore", pkg.exports["."]!.types), "utf8");
    expect(dts).toMatch(/export declare const catalog: import\(".*"\)\.Catalog/);
  });
});
