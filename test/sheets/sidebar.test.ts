import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildBundle, sampleSession } from "../../doubles/sheets/bundle";
import type { World } from "../../doubles/sheets/services";
import type { FakeSheet } from "../../doubles/sheets/spreadsheet";
import { instantIn, sampleCsv, typed } from "../../doubles/sheets/sample";
import { checkPaneState } from "../helpers/pane-checks";
import { choose, configCell } from "../helpers/fluent";

const ZONE = "Australia/Sydney";
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "sheets-sidebar");

let dir = "";
let browser: Browser;
beforeAll(async () => {
  dir = buildBundle();
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 90_000);
afterAll(async () => browser?.close());

/**
 * A stand-in for `google.script.run` in the page: each call goes, as JSON (what the real bridge
 * carries), to the built bundle running in Node against the in-memory spreadsheet.
 */
const GOOGLE_SCRIPT_RUN = `
  (function () {
    function make(ok, fail) {
      return new Proxy({}, { get: function (_t, name) {
        if (name === "withSuccessHandler") return function (f) { return make(f, fail); };
        if (name === "withFailureHandler") return function (f) { return make(ok, f); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          window.__server(String(name), JSON.stringify(args)).then(function (text) {
            var r = JSON.parse(text);
            if ("error" in r) { if (fail) fail(new Error(r.error)); } else if (ok) ok(r.value);
          });
        };
      } });
    }
    window.google = { script: { get run() { return make(null, null); } } };
  })();`;

async function openSidebar(): Promise<{ page: Page; world: World; calls: string[] }> {
  const { world, gas } = sampleSession(dir, ZONE);
  const calls: string[] = [];
  const page = await browser.newPage({ viewport: { width: 300, height: 1100 } });
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  await page.exposeFunction("__server", (name: string, args: string) => {
    calls.push(name);
    try {
      const value = gas[name]!(...(JSON.parse(args) as unknown[]));
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (e) {
      return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
    }
  });
  // Apps Script serves the page with google.script.run already defined: put the stand-in first.
  await page.setContent(readFileSync(join(dir, "Sidebar.html"), "utf8").replace("<head>", `<head><script>${GOOGLE_SCRIPT_RUN}</script>`));
  await page.waitForSelector("#vs-generate");
  return { page, world, calls };
}

describe("the sidebar (built Sidebar.html in headless Chromium)", () => {
  it("shows the selection, blocks Generate on a bad weight with an inline message, then generates the scorecard", async () => {
    const { page, world, calls } = await openSidebar();
    await page.waitForFunction(() => document.querySelector("#vs-selection")?.textContent?.includes("41"));
    expect(await page.textContent("#vs-selection")).toBe("'PO lines'!A1:N41 (41 × 14)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);

    // Before Generate: the column form prefilled with what the core detected, and what will be counted.
    await page.waitForSelector("#vs-mapping fluent-dropdown > button", { state: "attached" });
    const form = await page.$$eval("#vs-mapping fluent-dropdown", (ds) => Object.fromEntries((ds as HTMLElement[]).map((d) => [d.dataset["field"], Array.from(d.querySelectorAll("fluent-option")).find((o) => (o as HTMLElement & { selected: boolean }).selected)?.textContent ?? ""])));
    expect(form).toMatchObject({ vendor: "Vendor", promised: "Promised Date", delivered: "Delivered Date", ordered_qty: "Ordered Qty" });
    await page.waitForFunction(() => document.querySelector("#vs-quality")?.textContent?.includes("Counted"));
    expect(await page.textContent("#vs-quality")).toMatch(/Counted: 39 of 40 lines \(5 vendors\)Skipped: 1 cancelled/); // the sample has one cancelled line
    expect(calls).toContain("vendorscoreReadSource");

    await configCell(page, "Weight, On time").fill("abc");
    await page.waitForSelector(".vs-issue-row");
    expect(await page.textContent(".vs-issue-row")).toMatch(/"abc" is not a number/);
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "1-bad-weight.png"), fullPage: true });

    await configCell(page, "Weight, On time").fill("2");
    expect(await page.isDisabled("#vs-generate")).toBe(false);
    await page.fill("#vs-asof-date", "2025-03-31");
    await page.click("#vs-generate");
    await page.waitForSelector("#vs-message.vs-ok");
    expect(await page.textContent("#vs-message")).toMatch(/Vendor scorecard written to "Scorecard" \(5 rows\)/);
    await page.waitForSelector('#vs-reports li[data-report]');
    expect(await page.textContent("#vs-reports")).toMatch(/Scorecard.*Vendor scorecard · 'PO lines'!A1:N41.*Refreshed/);
    await page.screenshot({ path: join(ARTIFACTS, "2-generated.png"), fullPage: true });

    const out = world.active!.getSheetByName("Scorecard") as FakeSheet;
    expect(out.getDataRange().getValues()[0]![0]).toBe("Vendor");
    expect(calls).toContain("vendorscoreGenerate");
    await page.close();
  }, 60_000);

  it("shows why a selected source cannot be used and blocks Generate with the reason, and turns the schedule on", async () => {
    const { page, world } = await openSidebar();
    const po = world.active!.getSheetByName("PO lines") as FakeSheet;
    world.active!.setActiveRange(po.getRange("A1:A3"));
    await page.click("#vs-use-selection");
    await page.waitForFunction(() => document.querySelector("#vs-selection")?.textContent?.includes("A1:A3"));
    await page.waitForSelector("#vs-blocked:not([hidden])");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toMatch(/The source cannot be used: No vendor column/);
    await page.screenshot({ path: join(ARTIFACTS, "3-source-error.png"), fullPage: true });

    const options = await page.$$eval("#vs-schedule fluent-option", (os) => os.map((o) => o.getAttribute("value")));
    expect(options.slice(0, 3)).toEqual(["off", "hourly", "daily@0"]);
    expect(options).not.toContain("15min");
    await choose(page, "#vs-schedule", "daily@6");
    await page.waitForFunction(() => document.querySelector("#vs-message")?.textContent?.includes("Scheduled refresh is on"));
    expect(await page.textContent("#vs-message")).toContain("Every day, 06:00-07:00");
    expect(world.triggers.map((t) => t.spec)).toEqual([{ everyDays: 1, atHour: 6, timezone: ZONE }]);
    await page.screenshot({ path: join(ARTIFACTS, "4-schedule.png"), fullPage: true });
    await page.close();
  }, 60_000);
});

describe("the sidebar at 300 x 600, in Google Workspace's look", () => {
  it("fits every state without sideways scroll or clipped text, keeps Generate in view and passes axe-core", async () => {
    const { page, world } = await openSidebar();
    await page.setViewportSize({ width: 300, height: 600 });
    const dir = join(ARTIFACTS, "..", "pane");
    mkdirSync(dir, { recursive: true });
    const shot = (state: string) => checkPaneState(page, dir, `sheets-300-${state}.png`);
    const show = (selector: string) => page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: "start" }));
    const ss = world.active!;
    const use = async (sheet: FakeSheet, a1: string) => {
      ss.setActiveRange(sheet.getRange(a1));
      await page.click("#vs-use-selection");
      await page.waitForFunction((a) => document.querySelector("#vs-selection")?.textContent?.includes(a), a1);
    };
    await page.waitForFunction(() => document.querySelector("#vs-selection")?.textContent?.includes("41"));
    expect(await page.getAttribute("#app", "data-look")).toBe("workspace");
    // Google's type and Workspace blue, from the theme's tokens: nothing is fetched.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".vs-panel")!).fontFamily)).toMatch(/^"Google Sans Text", "Google Sans", Roboto/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--colorBrandBackground").trim())).toBe("#0b57d0");
    await shot("1-opened");

    const company = ss.insertSheet("Export") as FakeSheet;
    company.getRange("A1:C3").setValues([["Company", "Promised Date", "Ordered Qty"], ["Acme", "2025-03-04", 10], ["Birch", "2025-03-05", 5]]);
    await use(company, "A1:C3");
    await page.waitForSelector("#vs-mapping[open]");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    await show("#vs-mapping");
    await shot("2-field-not-found");

    const po = ss.getSheetByName("PO lines") as FakeSheet;
    const tickets = ss.insertSheet("Tickets") as FakeSheet;
    const rows = typed(sampleCsv("tickets"), (w) => instantIn(ZONE, w));
    tickets.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
    for (const kind of ["scorecard", "sla", "segments"]) {
      if (kind === "sla") await use(tickets, `A1:${String.fromCharCode(64 + rows[0]!.length)}${rows.length}`);
      else await use(po, "A1:N41");
      await choose(page, "#vs-kind", kind);
      await page.waitForFunction(() => document.querySelector("#vs-blocked")!.hasAttribute("hidden"));
      await show("#vs-config");
      await shot(`3-${kind}-settings`);
    }

    await choose(page, "#vs-kind", "scorecard");
    await configCell(page, "Weight, Defect rate").fill("lots");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toBe("Fix the highlighted entry above to generate.");
    await show("#vs-config");
    await shot("4-blocked");
    await configCell(page, "Weight, Defect rate").fill("25");

    await page.fill("#vs-asof-date", "2025-03-31");
    await page.click("#vs-generate");
    await page.waitForSelector("#vs-message.vs-ok");
    await shot("5-success");
    await page.waitForSelector("#vs-reports li[data-report]");
    await show("#vs-reports");
    await shot("6-reports-list");
    await page.close();
  }, 90_000);
});
