import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NAMESPACE } from "../../excel-addin/namespace";
import { MANIFEST_SOURCE, buildExcel, manifestFor } from "../../scripts/build-excel";
import { child, descendants, parseXml, type XmlElement } from "../fixtures/excel/xml";

const source = readFileSync(MANIFEST_SOURCE, "utf8");
const root = parseXml(source);
const names = (el: XmlElement) => el.children.map((c) => c.name);
const overrides = child(root, "VersionOverrides");
const host = child(child(overrides, "Hosts"), "Host");
const resources = child(overrides, "Resources");

function defined(kind: string): Map<string, string> {
  return new Map(child(resources, kind).children.map((c) => [c.attrs["id"]!, c.attrs["DefaultValue"]!]));
}
const urls = defined("bt:Urls");
const images = defined("bt:Images");
const strings = new Map([...defined("bt:ShortStrings"), ...defined("bt:LongStrings")]);

describe("Excel manifest invariants (offline)", () => {
  it("is well-formed XML with a TaskPaneApp root", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(() => parseXml(source.replace("</Hosts>", ""))).toThrow(/not well-formed/);
  });

  it("keeps the element order the schema enforces", () => {
    expect(names(root)).toEqual(["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]);
    expect(names(host)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(names(child(host, "DesktopFormFactor"))).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(names(child(child(host, "AllFormFactors"), "ExtensionPoint"))).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(names(resources)).toEqual(["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  it("defines every resid it uses, with the right kind of resource", () => {
    for (const el of descendants(overrides)) {
      const id = el.attrs["resid"];
      if (!id) continue;
      if (el.name === "bt:Image") expect(images.has(id)).toBe(true);
      else if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(el.name)) expect([el.name, id, urls.has(id)]).toEqual([el.name, id, true]);
      else expect([el.name, id, strings.has(id)]).toEqual([el.name, id, true]);
    }
  });

  it("uses the same runtime resid for the shared runtime, the functions page, the function file and the task pane", () => {
    const cf = child(child(host, "AllFormFactors"), "ExtensionPoint");
    const runtime = child(child(host, "Runtimes"), "Runtime");
    expect(runtime.attrs["lifetime"]).toBe("long");
    const ids = [
      runtime.attrs["resid"],
      child(child(cf, "Page"), "SourceLocation").attrs["resid"],
      child(child(host, "DesktopFormFactor"), "FunctionFile").attrs["resid"],
      ...descendants(host).filter((e) => e.name === "Action").map((a) => child(a, "SourceLocation").attrs["resid"]),
    ];
    expect(new Set(ids)).toEqual(new Set(["Taskpane.Url"]));
    expect(urls.get("Taskpane.Url")).toMatch(/\/taskpane\.html$/);
    expect(urls.get(child(child(cf, "Script"), "SourceLocation").attrs["resid"]!)).toMatch(/\/functions\.js$/);
    expect(urls.get(child(child(cf, "Metadata"), "SourceLocation").attrs["resid"]!)).toMatch(/\/functions\.json$/);
  });

  it("uses HTTPS for every URL", () => {
    const all = descendants(root).flatMap((e) => Object.values(e.attrs)).filter((v) => /^\w+:\/\//.test(v) && !v.includes("schemas.microsoft.com") && !v.includes("www.w3.org"));
    expect(all.length).toBeGreaterThan(5);
    for (const u of all) expect(u).toMatch(/^https:\/\//);
  });

  it("requires the custom functions and shared runtimes, ExcelApi 1.12 (worksheet custom properties mark report sheets), and asks for read/write document only", () => {
    const sets = child(child(root, "Requirements"), "Sets").children.map((s) => [s.attrs["Name"], s.attrs["MinVersion"]]);
    expect(sets).toEqual([["CustomFunctionsRuntime", "1.1"], ["SharedRuntime", "1.1"], ["ExcelApi", "1.12"]]);
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
    expect(child(child(root, "Hosts"), "Host").attrs["Name"]).toBe("Workbook");
  });

  it("declares the VS namespace the code and docs use", () => {
    const ns = child(child(child(host, "AllFormFactors"), "ExtensionPoint"), "Namespace").attrs["resid"]!;
    expect(strings.get(ns)).toBe(NAMESPACE);
  });

  it("writes a production manifest for a given base URL with no development URL left", async () => {
    const prod = manifestFor("https://addins.example.com/vendorscore/");
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain('DefaultValue="https://addins.example.com/vendorscore/taskpane.html"');
    expect(() => parseXml(prod)).not.toThrow();
    expect(() => manifestFor("http://example.com")).toThrow(/https/);
    const out = await buildExcel({ outDir: mkdtempSync(join(tmpdir(), "vs-manifest-")), baseUrl: "https://addins.example.com/vendorscore" });
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toBe(manifestFor("https://addins.example.com/vendorscore"));
    // Every file the manifest points at is in the build.
    for (const u of [...urls.values(), ...images.values()]) expect([u, existsSync(join(out, u.replace("https://localhost:3000/", "")))]).toEqual([u, true]);
  }, 60_000);
});
