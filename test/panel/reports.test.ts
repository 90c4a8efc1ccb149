import { join } from "node:path";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { ARTIFACTS, ROOT, previewPages } from "../helpers/preview-page";
import { seriousViolations } from "../helpers/pane-checks";
import { choose, configCell } from "../helpers/fluent";

// Reports as a user meets them in the real task pane (the preview: the pane's bundle on the
// in-memory workbook, which refuses requests over 5 MB as Excel on the web does).
jest.setTimeout(60_000);

const session = previewPages();
let page: Page;
beforeEach(() => {
  page = session.page;
});

type Preview = {
  model: { sheets: { name: string; id: string; values: unknown[][]; customProperties?: Record<string, string> }[]; largestRequestBytes: number; largestResponseBytes: number };
  select(n: string, a: string): void;
  addPoCopy(n: string, r: number): void;
  addSheetFromCsv(n: string, c: string): void;
  sheet(n: string): { id: string; values: unknown[][] } | null;
  sheetNames(): string[];
  render(): void;
};
const preview = <T, A = undefined>(f: (p: Preview, a: A) => T, arg?: A) =>
  page.evaluate(([src, a]) => new Function("p", "a", `return (${src})(p, a)`)((globalThis as never as { vsPreview: unknown }).vsPreview, a), [f.toString(), arg] as const) as Promise<T>;
const sheet = (name: string) => preview((p, n) => p.sheet(n), name);
const names = () => preview((p) => p.sheetNames());
/** The ids of the stored reports, read from the registry sheet. */
const stored = () => preview((p) => (p.sheet("vendorscore")?.values ?? []).slice(2).map((r) => String(r[0])).filter(Boolean));

async function useSelection(sheetName: string, address: string): Promise<void> {
  await preview((p, [n, a]) => p.select(n!, a!), [sheetName, address]);
  await page.click("#vs-use-selection");
  await page.waitForFunction((a) => (document.querySelector("#vs-selection")?.textContent ?? "").includes(a), address);
}

async function generate(): Promise<string> {
  await page.click("#vs-generate");
  await page.waitForFunction(() => (document.querySelector("#vs-message")?.textContent ?? "") !== "" && !document.querySelector(".vs-panel[aria-busy]"));
  await page.waitForTimeout(50);
  return (await page.textContent("#vs-message")) ?? "";
}

async function asOf(): Promise<void> {
  await page.fill("#vs-asof-date", "2025-03-31");
  await page.check("#vs-asof-fixed");
}

const weightCell = (page: Page) => configCell(page, "Weight, On time");

describe("reports you can trust, in the task pane", () => {
  it("generate, change a weight, generate again: the same sheet changes and one report is stored", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    expect(await generate()).toMatch(/written to "Scorecard" \(5 rows\)/);
    const first = (await sheet("Scorecard"))!;
    // Generate moved the focus to the new sheet; the pane still shows (and uses) the data.
    expect(await page.textContent("#vs-selection")).toMatch(/'PO lines'!A1:N41/);
    expect(await page.textContent("#vs-editing")).toMatch(/Editing the report "Scorecard"/);
    await weightCell(page).fill("5");
    expect(await generate()).toMatch(/written to "Scorecard" \(5 rows\)/);
    const second = (await sheet("Scorecard"))!;
    expect(second.id).toBe(first.id);
    expect(second.values).not.toEqual(first.values);
    expect(await stored()).toHaveLength(1);
    expect(await names()).toEqual(["PO lines", "Tickets", "Scorecard", "vendorscore"]);
    await page.screenshot({ path: join(ARTIFACTS, "reports-regenerate.png") });
  });

  it("switching kind while editing makes a new report and overwrites nothing", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await generate();
    const scorecard = (await sheet("Scorecard"))!;
    await choose(page, "#vs-kind", "segments");
    expect(await page.isVisible("#vs-editing")).toBe(false);
    expect(await generate()).toMatch(/Vendor segments written to "Segments"/);
    expect((await sheet("Scorecard"))!.values).toEqual(scorecard.values);
    expect(await stored()).toHaveLength(2);
    await page.screenshot({ path: join(ARTIFACTS, "reports-switch-kind.png") });
  });

  it("the source shown and used stays put when the selection moves after Generate", async () => {
    await useSelection("PO lines", "A1:L11");
    await asOf();
    await generate();
    await preview((p) => p.select("Scorecard", "A1"));
    await page.click("#vs-new-report");
    await page.fill("#vs-output input", "Second");
    expect(await generate()).toMatch(/written to "Second"/);
    expect(await page.textContent("#vs-selection")).toMatch(/'PO lines'!A1:L11/);
    const list = await page.textContent("#vs-reports");
    expect(list).toMatch(/Second.*'PO lines'!A1:L11/s);
    await page.screenshot({ path: join(ARTIFACTS, "reports-selection-moved.png") });
  });

  it("choosing a report sheet as the source says why and blocks Generate, so nothing is written", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await generate();
    await useSelection("Scorecard", "A1:L6");
    expect(await page.textContent("#vs-source-problem")).toMatch(/report sheet vendorscore writes/);
    await page.click("#vs-new-report");
    await page.fill("#vs-output input", "From a report");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toMatch(/The source cannot be used: .*report sheet vendorscore writes/);
    expect(await names()).not.toContain("From a report");
    expect(await stored()).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, "reports-report-as-source.png") });
  });

  it("a tampered registry row aimed at the data writes nothing there; the list shows its problem", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await generate();
    const before = (await sheet("PO lines"))!.values;
    await preview((p) => {
      const reg = p.model.sheets.find((s) => s.name === "vendorscore")!;
      const def = JSON.parse(String(reg.values[2]![1]));
      const po = p.model.sheets.find((s) => s.name === "PO lines")!;
      reg.values[3] = ["evil", JSON.stringify({ ...def, id: "evil", output: "PO lines", outputId: po.id })];
    });
    await page.click("#vs-refresh-all");
    await page.waitForFunction(() => /Refreshed 1, failed 1/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect((await sheet("PO lines"))!.values).toEqual(before);
    expect(await page.textContent('#vs-reports li[data-report="evil"]')).toMatch(/does not carry its vendorscore marker/);
    await page.screenshot({ path: join(ARTIFACTS, "reports-tampered.png") });
  });

  it("one broken report among three: two are refreshed, the third shows its error and keeps its sheet", async () => {
    await preview((p) => p.addPoCopy("Other", 20));
    for (const [src, out] of [["PO lines", "One"], ["Other", "Two"], ["PO lines", "Three"]] as const) {
      if (await page.isVisible("#vs-new-report")) await page.click("#vs-new-report");
      await useSelection(src, src === "Other" ? "A1:N21" : "A1:N41");
      await asOf();
      await page.fill("#vs-output input", out);
      expect(await generate()).toMatch(new RegExp(`written to "${out}"`));
    }
    const two = (await sheet("Two"))!.values;
    await preview((p) => {
      const o = p.model.sheets.find((s) => s.name === "Other")!;
      o.values[0] = o.values[0]!.map(() => "junk");
    });
    await page.click("#vs-refresh-all");
    await page.waitForFunction(() => /Refreshed 2, failed 1/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect((await sheet("Two"))!.values).toEqual(two);
    const items = await page.$$eval("#vs-reports li", (lis) => lis.map((li) => [li.querySelector("strong")?.textContent, li.classList.contains("vs-has-error")]));
    expect(Object.fromEntries(items)).toEqual({ One: false, Two: true, Three: false });
    await page.screenshot({ path: join(ARTIFACTS, "reports-one-broken.png") });
  });

  it("deletes a report and, after the confirmation, its sheet", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await generate();
    const [id] = await stored();
    page.once("dialog", (d) => void d.accept());
    await page.click(`#vs-reports li[data-report="${id}"] [data-action="delete"]`);
    await page.waitForFunction(() => /Deleted the report/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect(await names()).not.toContain("Scorecard");
    expect(await stored()).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "reports-deleted.png") });
  });

  it("generates from a 100,000-row source in blocks, no request or response over 5 MB, a spinner showing meanwhile", async () => {
    await preview((p) => p.addPoCopy("Big", 100_000));
    await useSelection("Big", "A1:N100001");
    await asOf();
    await page.fill("#vs-output input", "Big scorecard");
    // While it works, a spinner says so under the disabled action: record what the pane showed.
    await page.evaluate(() => {
      const seen: string[] = ((globalThis as never as { seen: string[] }).seen = []);
      const p = document.querySelector("#vs-progress") as HTMLElement, g = document.querySelector("#vs-generate")!;
      new MutationObserver(() => seen.push(`${p.hidden ? "hidden" : "shown"}/${g.hasAttribute("disabled") ? "disabled" : "enabled"}`)).observe(p, { attributes: true, attributeFilter: ["hidden"] });
    });
    expect(await generate()).toMatch(/written to "Big scorecard" \(5 rows\)/);
    expect(await page.evaluate(() => (globalThis as never as { seen: string[] }).seen)).toEqual(["shown/disabled", "hidden/enabled"]);
    expect(await page.isHidden("#vs-progress")).toBe(true);
    const sizes = await preview((p) => [p.model.largestRequestBytes, p.model.largestResponseBytes]);
    expect(sizes[0]).toBeLessThan(5 * 1024 * 1024);
    expect(sizes[1]).toBeLessThan(5 * 1024 * 1024);
    expect(sizes[1]).toBeGreaterThan(1024 * 1024);
    await page.screenshot({ path: join(ARTIFACTS, "reports-100k.png") });
  }, 120_000);

  it("shows config header rows as fixed labels, lets every data row go, and names mapping fields in words", async () => {
    expect(await page.$$eval("#vs-config tr.vs-head th", (ths) => ths.map((t) => t.textContent))).toEqual(["KPI", "Weight", "Target", "Floor", "Formula", "Remove"]);
    expect(await page.$$eval("#vs-config tr.vs-head :is(input, fluent-text-input)", (is) => is.length)).toBe(0);
    await choose(page, "#vs-kind", "sla");
    // The calendar has no header: its first row (workdays) is data and can be removed.
    expect(await page.$$eval("#vs-calendar tr.vs-head", (trs) => trs.length)).toBe(0);
    expect(await page.$$eval("#vs-calendar tr", (trs) => trs.map((tr) => tr.querySelectorAll(".vs-del").length))).toEqual([1, 1]);
    await choose(page, "#vs-kind", "scorecard");
    await page.waitForSelector('label[for="vs-map-ordered_qty"]', { state: "attached" });
    expect(await page.textContent('label[for="vs-map-ordered_qty"]')).toBe("Ordered qty");
    expect(await page.getAttribute('label[for="vs-map-ordered_qty"]', "title")).toMatch(/ordered_qty/);
    await page.screenshot({ path: join(ARTIFACTS, "reports-config-labels.png") });
  });

  it("edits a cell of the preview with a real double-click; a date cell shows and takes a date", async () => {
    await preview((p) => p.select("PO lines", "A1"));
    const header = (await sheet("PO lines"))!.values[0]!.map(String);
    const col = header.findIndex((h) => /promised/i.test(h));
    await page.locator(`#grid td[data-r="1"][data-c="${col}"]`).dblclick();
    const editor = page.locator("#grid .cell-editor");
    expect(await editor.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await editor.fill("2025-04-15");
    await editor.press("Enter");
    expect((await sheet("PO lines"))!.values[1]![col]).toBe(45762); // 2025-04-15
    expect(await page.textContent(`#grid td[data-r="1"][data-c="${col}"]`)).toBe("2025-04-15");
  });

  it("edits a cell of the preview from the keyboard: F2 and Enter keep, Escape drops, typing replaces", async () => {
    const qty = (await sheet("PO lines"))!.values[0]!.map(String).findIndex((h) => /ordered qty/i.test(h));
    const cell = (r: number) => page.locator(`#grid td[data-r="${r}"][data-c="${qty}"]`);
    const value = async (r: number) => (await sheet("PO lines"))!.values[r]![qty];
    const before = await value(2);
    const below = await value(3);
    await cell(2).click();
    await page.keyboard.press("F2");
    expect(await page.locator("#grid .cell-editor").inputValue()).toBe(String(before));
    await page.keyboard.type("9");
    await page.keyboard.press("Escape");
    expect(await value(2)).toBe(before);
    await cell(2).click();
    await page.keyboard.type("75");
    await page.keyboard.press("Enter");
    expect(await value(2)).toBe(75);
    // Enter moved the selection to the cell below, which F2 now edits.
    await page.keyboard.press("F2");
    await page.keyboard.press("End");
    await page.keyboard.type("0");
    await page.keyboard.press("Enter");
    expect(await value(3)).toBe(Number(`${below}0`));
  });

  it.each([[320, 600], [300, 600]])("keeps Generate in view at %i x %i px, KPI names in words and unclipped", async (width, height) => {
    await page.setViewportSize({ width, height });
    await useSelection("PO lines", "A1:N41");
    const box = await page.locator("#vs-generate").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    // KPI names in the weights table are not clipped (defect_rate, price_variance).
    const names = await page.$$eval("#vs-config th.vs-key", (ths) => ths.map((t) => [t.textContent, t.scrollWidth <= t.clientWidth]));
    expect(names).toEqual([["On time", true], ["In full", true], ["Defect rate", true], ["Price variance", true], ["Grace days", true]]);
    await page.screenshot({ path: join(ARTIFACTS, `reports-action-${width}.png`) });
  });

  it.each(["empty", "source chosen", "sla settings", "blocked", "success"])("has no serious or critical accessibility violation (axe-core): %s", async (state) => {
    if (state !== "empty") await useSelection("PO lines", "A1:N41");
    if (state === "sla settings") await choose(page, "#vs-kind", "sla");
    if (state === "blocked") await useSelection("PO lines", "A2:N41");
    if (state === "success") {
      await asOf();
      await generate();
    }
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
  });

  it("picks As of with a click or the arrow keys, and blocks Generate on a date not given", async () => {
    await useSelection("PO lines", "A1:N41");
    const checked = () => page.$$eval("#vs-asof fluent-radio", (rs) => rs.map((r) => [r.id, (r as HTMLElement & { checked: boolean }).checked, r.getAttribute("aria-checked")]));
    expect(await checked()).toEqual([["vs-asof-today", true, "true"], ["vs-asof-fixed", false, "false"]]);
    await page.click("#vs-asof-fixed-label");
    expect(await checked()).toEqual([["vs-asof-today", false, "false"], ["vs-asof-fixed", true, "true"]]);
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toBe("Fix the highlighted entry above to generate.");
    await page.keyboard.press("ArrowUp");
    expect(await checked()).toEqual([["vs-asof-today", true, "true"], ["vs-asof-fixed", false, "false"]]);
    expect(await page.isDisabled("#vs-generate")).toBe(false);
    await page.fill("#vs-asof-date", "2025-03-31");
    expect(await checked()).toEqual([["vs-asof-today", false, "false"], ["vs-asof-fixed", true, "true"]]);
    expect(await page.isDisabled("#vs-generate")).toBe(false);
  });

  it("picks the report type from the keyboard, as a Fluent dropdown does", async () => {
    await page.focus("#vs-kind > button");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#vs-config legend")?.textContent === "SLA policy");
    expect((await page.textContent("#vs-kind > button"))?.trim()).toBe("SLA status");
  });

  it("runs Generate with Enter in the output name", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await page.fill("#vs-output input", "By keyboard");
    await page.press("#vs-output input", "Enter");
    await page.waitForFunction(() => /written to "By keyboard"/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect(await names()).toContain("By keyboard");
  });

  it("reaches Generate with Tab from the output name and runs it with Enter, as a Fluent button does", async () => {
    await useSelection("PO lines", "A1:N41");
    await asOf();
    await page.fill("#vs-output input", "By tab");
    await page.focus("#vs-output input");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("vs-generate");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /written to "By tab"/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect(await names()).toContain("By tab");
  });
});

describe("what a report counts, in the reports list", () => {
  it("a contracts report says how many contracts are notice due after it is made", async () => {
    const csv = readFileSync(join(ROOT, "samples", "contracts.csv"), "utf8");
    await preview((p, c) => p.addSheetFromCsv("Agreements", c), csv);
    const before = await names();
    const rows = csv.trim().split(/\r?\n/).length;
    await useSelection("Agreements", `A1:G${rows}`);
    await choose(page, "#vs-kind", "contracts");
    await page.fill("#vs-asof-date", "2025-02-20");
    await page.check("#vs-asof-fixed");
    expect(await generate()).toMatch(/written to/);
    const made = (await names()).filter((n) => !before.includes(n) && n !== "vendorscore");
    expect(made).toHaveLength(1);
    const status = (await sheet(made[0]!))!.values;
    const due = status.filter((r) => r[6] === "notice due").length;
    expect(due).toBeGreaterThan(0);
    expect(await page.textContent("#vs-reports .vs-summary")).toBe(`${due} notice due`);
  });
});
