import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildPreview } from "../../scripts/build-preview";

export const ROOT = join(__dirname, "..", "..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const PO_CSV = readFileSync(join(ROOT, "samples", "po-lines.csv"), "utf8");
export const TICKETS_CSV = readFileSync(join(ROOT, "samples", "tickets.csv"), "utf8");

/**
 * The built preview page (the real task-pane bundle over the in-memory workbook) in headless
 * Chromium: built once per suite, a fresh page per test, failing the test on any page error.
 */
export interface PreviewSession {
  readonly page: Page;
  /** Closes the page and opens a fresh one, running `before` (e.g. installing a fake clock) ahead of loading it. */
  reopen(before?: (page: Page) => Promise<void>): Promise<Page>;
}

/** `query` opens the page with it: `?pane` shows the pane alone, `?theme=dark` in Office's Black theme. */
export function previewPages(query = ""): PreviewSession {
  let browser: Browser;
  let url = "";
  const session = {
    page: undefined as unknown as Page,
    async reopen(before?: (page: Page) => Promise<void>) {
      await session.page?.close();
      session.page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await before?.(session.page);
      await session.page.goto(url + query);
      await session.page.waitForSelector("#vs-reports li");
      return session.page;
    },
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const out = await buildPreview(mkdtempSync(join(tmpdir(), "vs-preview-")));
    url = `file://${join(out, "index.html")}`;
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    const errors: string[] = [];
    await session.reopen(async (page) => void page.on("pageerror", (e) => errors.push(e.message)));
    expect(errors).toEqual([]);
  });

  afterEach(async () => {
    await session.page?.close();
  });

  return session;
}
