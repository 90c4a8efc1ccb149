import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import * as ts from "typescript";

// Hosts, panel, preview, command line, benchmark, build scripts and the package's entry points see
// the core through its public face (core/index.ts), the report layer through its own
// (core/report/index.ts) and the SQL compiler through core/sql/index.ts.
const ROOT = join(__dirname, "..", "..");
const OUTSIDE = ["excel-addin", "sheets-addon", "panel", "preview", "doubles", "cli", "bench", "scripts", "lib"];
const FACES = new Set([join(ROOT, "core"), join(ROOT, "core", "report"), join(ROOT, "core", "sql")]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

/** The imports of a file (static, re-exports and dynamic) that reach into core/ other than through a public face. */
export function deepImports(text: string, file: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const check = (spec: string) => {
    if (!spec.startsWith(".")) return;
    const target = resolve(dirname(file), spec).replace(/\.(ts|js)$/, "").replace(/[/\\]index$/, "");
    const core = join(ROOT, "core");
    if ((target === core || target.startsWith(core + "/")) && !FACES.has(target)) found.push(spec);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) check(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) check(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the core's public face", () => {
  it.each(OUTSIDE)("is the only way %s/ reaches the core", (dir) => {
    const offenders = sources(join(ROOT, dir)).flatMap((f) => deepImports(readFileSync(f, "utf8"), f).map((spec) => `${relative(ROOT, f)}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it.each([
    ['import { x } from "../core/cell/date";', ["../core/cell/date"]],
    ['export { y } from "../core/table/match";', ["../core/table/match"]],
    ['const m = await import("../core/catalog/types");', ["../core/catalog/types"]],
    ['import { x } from "../core";', []],
    ['import { x } from "../core/index";', []],
    ['import { x } from "../core/report";', []],
    ['import { x } from "../core/report/index.ts";', []],
    ['import { x } from "../core/sql";', []],
    ['import { x } from "../core/sql/scorecard";', ["../core/sql/scorecard"]],
    ['import { x } from "./core/cell/date";', []],
  ])("would catch %s", (text, expected) => {
    expect(deepImports(text, join(ROOT, "panel", "x.ts"))).toEqual(expected);
  });
});
