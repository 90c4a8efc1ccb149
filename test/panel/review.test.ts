/// <reference lib="dom" />
/**
 * The business review as a user makes it in the task pane: pick the data, the "Business review"
 * kind and a vendor from those the data names, generate; edit it later with the vendor still
 * chosen. The pane state with the vendor choice fits at 320 and 300 px and passes axe-core.
 * Screenshots go to test-artifacts/ (review-*.png, pane/review-*.png).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, previewPages } from "../helpers/preview-page";
import { checkPaneState } from "../helpers/pane-checks";
import { choose } from "../helpers/fluent";

jest.setTimeout(120_000);

type Preview = { select(n: string, a: string): void; sheet(n: string): { id: string; values: unknown[][] } | null };
const on = (page: Page) => <T, A>(f: (p: Preview, a: A) => T, arg: A) =>
  page.evaluate(([src, a]) => new Function("p", "a", `return (${src})(p, a)`)((globalThis as never as { vsPreview: unknown }).vsPreview, a), [f.toString(), arg] as const) as Promise<T>;

async function chooseReview(page: Page): Promise<void> {
  await on(page)((p, [n, a]) => p.select(n!, a!), ["PO lines", "A1:N41"]);
  await page.click("#vs-use-selection");
  await page.waitForFunction(() => (document.querySelector("#vs-selection")?.textContent ?? "").includes("A1:N41"));
  await choose(page, "#vs-kind", "review");
  await page.fill("#vs-asof-date", "2025-03-31");
  await page.check("#vs-asof-fixed");
  await page.waitForFunction(() => document.querySelectorAll('#vs-vendor fluent-option[value^="vendor:"]').length === 5);
}

async function generate(page: Page): Promise<string> {
  await page.click("#vs-generate");
  await page.waitForFunction(() => (document.querySelector("#vs-message")?.textContent ?? "") !== "" && !document.querySelector(".vs-panel[aria-busy]"));
  await page.waitForTimeout(50);
  return (await page.textContent("#vs-message")) ?? "";
}

describe("the business review in the task pane", () => {
  const session = previewPages();

  it("asks for a vendor from those the data names, generates that vendor's review, and keeps the vendor when the report is edited", async () => {
    const page = session.page;
    await chooseReview(page);
    expect(await page.isVisible("#vs-vendor")).toBe(true);
    const options = await page.$$eval("#vs-vendor fluent-option", (os) => os.map((o) => o.textContent));
    expect(options).toEqual([
      "(choose a vendor)", "Acme Metals", "Birch Logistics", "Cobalt Components", "Delta Plastics", "Evergreen Packaging",
      "Standing A", "Standing B", "Standing C", "Standing D",
      "Tier Strategic partner", "Tier Key", "Tier Transactional",
    ]);
    // No vendor yet: Generate waits and says why.
    expect(await page.getAttribute("#vs-generate", "aria-disabled")).toBe("true");
    expect(await page.textContent("#vs-blocked")).toBe("Choose the vendor to review, or a standing or tier.");
    await choose(page, "#vs-vendor", "Delta Plastics");
    expect(await page.getAttribute("#vs-generate", "aria-disabled")).toBeNull();
    // The tickets table gives the review its SLA part.
    await choose(page, "#vs-tickets", "TicketsTable (table)");
    expect(await generate(page)).toMatch(/Business review written to "Business review"/);
    const sheet = (await on(page)((p, n) => p.sheet(n), "Business review"))!;
    expect(sheet.values.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([["Business review: Delta Plastics", ""], ["Vendor", "Delta Plastics"], ["Period", "2025-Q1"]]);
    const sla = sheet.values.findIndex((r) => r[0] === "SLA compliance");
    expect(sheet.values[sla + 3]!.slice(0, 5)).toEqual(["2025-Q1", 6, 3, 3, 0.5]);
    await page.screenshot({ path: join(ARTIFACTS, "review-generated.png"), fullPage: true });
    // The pane now edits the review: the vendor is still chosen, and Update writes the same sheet.
    expect(await page.textContent("#vs-editing")).toMatch(/Editing the report "Business review"/);
    expect(await page.$eval("#vs-vendor", (d) => Array.from(d.querySelectorAll("fluent-option")).find((o) => (o as HTMLElement & { selected: boolean }).selected)?.textContent)).toBe("Delta Plastics");
    expect(await page.$eval("#vs-tickets", (d) => Array.from(d.querySelectorAll("fluent-option")).find((o) => (o as HTMLElement & { selected: boolean }).selected)?.textContent)).toBe("TicketsTable (table)");
    await choose(page, "#vs-vendor", "Acme Metals");
    expect(await generate(page)).toMatch(/written to "Business review"/);
    const again = (await on(page)((p, n) => p.sheet(n), "Business review"))!;
    expect(again.id).toBe(sheet.id);
    expect(again.values[1]!.slice(0, 2)).toEqual(["Vendor", "Acme Metals"]);
  });

  it("offers every vendor of a standing, named by the weights' standing rows, and writes one sheet per vendor", async () => {
    const page = session.page;
    await chooseReview(page);
    // A standing row in the weights table names a standing the choice then offers.
    await page.click("#vs-config-add");
    const row = await page.$$eval("#vs-config [data-row]", (es) => Math.max(...es.map((e) => Number(e.getAttribute("data-row")))));
    const cell = (c: number) => `#vs-config fluent-text-input[data-row="${row}"][data-col="${c}"] input`;
    for (const [c, text] of [[1, "Everyone"], [2, "0"], [3, "100"], [0, "standing"]] as const) await page.fill(cell(c), text);
    await page.waitForFunction(() => Array.from(document.querySelectorAll("#vs-vendor fluent-option")).some((o) => o.textContent === "Standing Everyone"));
    await choose(page, "#vs-vendor", "Standing Everyone");
    expect(await generate(page)).toMatch(/written to 5 sheets, one per vendor of the standing "Everyone"/);
    const names = await on(page)((p) => (p as unknown as { sheetNames(): string[] }).sheetNames(), undefined);
    expect(names.filter((n) => n.endsWith(" review"))).toEqual(["Acme Metals review", "Birch Logistics review", "Cobalt Components review", "Delta Plastics review", "Evergreen Packaging review"]);
    await page.screenshot({ path: join(ARTIFACTS, "review-by-standing.png"), fullPage: true });
    expect(await page.$eval("#vs-vendor", (d) => Array.from(d.querySelectorAll("fluent-option")).find((o) => (o as HTMLElement & { selected: boolean }).selected)?.textContent)).toBe("Standing Everyone");
  });

  it("hides the vendor choice for kinds about every vendor", async () => {
    const page = session.page;
    await chooseReview(page);
    await choose(page, "#vs-kind", "scorecard");
    expect(await page.isVisible("#vs-vendor")).toBe(false);
    expect(await page.getAttribute("#vs-generate", "aria-disabled")).toBeNull();
  });
});

describe("the vendor choice in the pane alone", () => {
  const session = previewPages("?pane");
  const dir = join(ARTIFACTS, "pane");
  mkdirSync(dir, { recursive: true });

  it.each([320, 300])("at %i x 600 fits, keeps Generate in view and passes axe-core", async (width) => {
    const page = session.page;
    await page.setViewportSize({ width, height: 600 });
    await chooseReview(page);
    await choose(page, "#vs-vendor", "Tier Strategic partner");
    await page.locator("#vs-vendor").evaluate((e) => e.scrollIntoView({ block: "center" }));
    await checkPaneState(page, dir, `review-vendor-${width}.png`);
  });
});
