/// <reference lib="dom" />
/**
 * The task pane as Excel shows it, at its usual 320 px and at the 300 px of the Sheets sidebar,
 * 600 px tall: each state a user meets (as opened, a source with a field not found, each report
 * kind's settings, a blocking problem, success, the reports list) fits without sideways scroll
 * or clipped text, keeps Generate in view, and passes axe-core. Screenshots of every state go to
 * test-artifacts/pane/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, previewPages } from "../helpers/preview-page";
import { checkPaneState } from "../helpers/pane-checks";
import { choose, configCell } from "../helpers/fluent";

jest.setTimeout(120_000);

const DIR = join(ARTIFACTS, "pane");
mkdirSync(DIR, { recursive: true });

type Preview = { select(n: string, a: string): void; addSheetFromCsv(n: string, c: string): void };
const preview = (page: Page) => <A>(f: (p: Preview, a: A) => void, arg: A) =>
  page.evaluate(([src, a]) => new Function("p", "a", `return (${src})(p, a)`)((globalThis as never as { vsPreview: unknown }).vsPreview, a), [f.toString(), arg] as const);

/** An export whose vendor column is headed "Company": the scorecard's required vendor field is not found. */
const NO_VENDOR_HEADER = ["Company,PO,Promised Date,Delivered Date,Ordered Qty,Received Qty", "Acme,PO-1,2025-03-04,2025-03-04,10,10", "Birch,PO-2,2025-03-05,2025-03-07,5,5"].join("\n");

async function useSelection(page: Page, sheet: string, address: string): Promise<void> {
  await preview(page)((p, [n, a]) => p.select(n!, a!), [sheet, address]);
  await page.click("#vs-use-selection");
  await page.waitForFunction((a) => (document.querySelector("#vs-selection")?.textContent ?? "").includes(a), address);
}

async function generate(page: Page, output: string): Promise<string> {
  if (await page.isVisible("#vs-new-report")) await page.click("#vs-new-report");
  await page.fill("#vs-output input", output);
  await page.click("#vs-generate");
  await page.waitForFunction(() => (document.querySelector("#vs-message")?.textContent ?? "") !== "" && !document.querySelector(".vs-panel[aria-busy]"));
  return (await page.textContent("#vs-message")) ?? "";
}

const show = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: "start" }));

describe.each([
  ["light", ""],
  ["dark", "&theme=dark"],
])("the task pane (%s theme)", (theme, query) => {
  const session = previewPages(`?pane${query}`);

  it.each([320, 300])(`at %i x 600: every state fits, keeps Generate in view and passes axe-core`, async (width) => {
    const page = session.page;
    await page.setViewportSize({ width, height: 600 });
    const shot = (state: string) => checkPaneState(page, DIR, `excel-${theme}-${width}-${state}.png`);
    expect(await page.getAttribute("#app", "data-look")).toBe(`office-${theme}`);

    await shot("1-opened");

    await preview(page)((p, [csv]) => p.addSheetFromCsv("Export", csv!), [NO_VENDOR_HEADER]);
    await useSelection(page, "Export", "A1:F3");
    await page.waitForSelector("#vs-mapping[open]");
    // The dropdown's button shows the placeholder choice (and the button is named for the field, where axe-core checks it).
    await page.waitForFunction(() => document.querySelector("#vs-map-vendor > button")?.textContent?.trim() === "(choose a column)");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    await show(page, "#vs-mapping");
    await shot("2-field-not-found");
    // Choosing the column unblocks Generate.
    await choose(page, "#vs-map-vendor", "Company");
    await page.waitForFunction(() => !document.querySelector("#vs-generate")!.hasAttribute("disabled"));

    await useSelection(page, "PO lines", "A1:N41");
    for (const [kind, table] of [["scorecard", "#vs-config"], ["sla", "#vs-config"], ["segments", "#vs-config"], ["trends", "#vs-config"]] as const) {
      if (kind === "sla") {
        await page.check("#vs-source-named");
        await choose(page, "#vs-named", "TicketsTable");
      }
      if (kind === "segments") await useSelection(page, "PO lines", "A1:N41");
      await choose(page, "#vs-kind", kind);
      await page.waitForFunction(() => document.querySelector("#vs-blocked")!.hasAttribute("hidden"));
      await show(page, table);
      await shot(`3-${kind}-settings`);
    }
    // The SLA policy and calendar read in words, their keys in tooltips.
    await choose(page, "#vs-kind", "sla");
    expect(await page.$$eval("#vs-config tr.vs-head th[title]", (ths) => ths.map((t) => [t.textContent, t.getAttribute("title")]))).toEqual([
      ["Priority", "Key: priority"], ["Resolution (h)", "Key: resolution target (h)"], ["Response (h)", "Key: response target (h)"], ["Clock", "Key: clock"],
    ]);
    expect(await page.$$eval("#vs-calendar th.vs-key", (ths) => ths.map((t) => t.textContent))).toEqual(["Workdays", "Hours"]);

    await useSelection(page, "PO lines", "A1:N41");
    await choose(page, "#vs-kind", "scorecard");
    await configCell(page, "Weight, Defect rate").fill("lots");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toBe("Fix the highlighted entry above to generate.");
    await show(page, "#vs-config");
    await shot("4-blocked");
    await configCell(page, "Weight, Defect rate").fill("25");

    expect(await generate(page, "Scorecard")).toMatch(/written to "Scorecard"/);
    expect(await page.getAttribute("#vs-message fluent-message-bar", "intent")).toBe("success");
    await shot("5-success");

    // The message belongs to the context it came from: another source, or another kind, clears it.
    await page.check("#vs-source-named");
    expect(await page.textContent("#vs-message")).toBe("");
    await page.check("#vs-source-selection");
    expect(await generate(page, "Scorecard 2")).toMatch(/written to "Scorecard 2"/);
    await choose(page, "#vs-kind", "segments");
    expect(await page.textContent("#vs-message")).toBe("");
    expect(await generate(page, "Segments")).toMatch(/written to "Segments"/);
    await show(page, "#vs-reports");
    await shot("6-reports-list");
  });
});
