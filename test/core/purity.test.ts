import { readdirSync, readFileSync, statSync } from "fs";
import { builtinModules } from "module";
import { join, relative } from "path";
import * as ts from "typescript";

// core/ must run unchanged in Excel's runtime, Apps Script's V8 and Node: no host APIs, no Node built-ins.
const CORE = join(__dirname, "..", "..", "core");
const HOST_GLOBALS = new Set(["Office", "Excel", "SpreadsheetApp", "document", "window", "process", "require", "Buffer", "globalThis", "Utilities", "google"]);
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Host globals a file uses as identifiers and the Node modules it imports (comments and strings are not code). */
export function hostReferences(text: string, file = "x.ts"): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (NODE_MODULES.has(node.moduleSpecifier.text)) found.push(`import "${node.moduleSpecifier.text}"`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg) && NODE_MODULES.has(arg.text)) found.push(`import("${arg.text}")`);
    }
    if (ts.isIdentifier(node) && HOST_GLOBALS.has(node.text)) {
      const parent = node.parent;
      // `x.Excel` or `{ Excel: 1 }` name a property, not the global.
      const isProperty = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isProperty) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("core purity", () => {
  const files = sources(CORE);

  it("finds the core's source files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))("core/%s imports no Node built-in and references no host global", (_name, file) => {
    expect(hostReferences(readFileSync(file, "utf8"), file)).toEqual([]);
  });

  it.each([
    ['import { readFileSync } from "fs";', 'import "fs"'],
    ['import * as p from "node:path";', 'import "node:path"'],
    ["const r = Excel.run;", "Excel"],
    ["SpreadsheetApp.getActive();", "SpreadsheetApp"],
    ["document.title = 'x';", "document"],
    ["Office.onReady();", "Office"],
  ])("would catch %s", (code, expected) => {
    expect(hostReferences(code)).toContain(expected);
  });

  it("ignores the same words in comments and strings", () => {
    expect(hostReferences('// Excel passes serials\nconst s = "Office document";')).toEqual([]);
  });
});
