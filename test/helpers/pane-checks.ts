/// <reference lib="dom" />
import { join } from "node:path";
import type { Page } from "playwright-core";

/** What a pane state shows wrong at its width: overflow, clipped text, the action out of view. */
export interface PaneLayout {
  /** The page or the pane scrolls sideways. */
  readonly overflow: boolean;
  /** Labels, headers, inputs, selects, dropdowns (and the button showing their choice) and buttons whose text does not fit (scrollWidth > clientWidth, or a select's chosen text wider than its box). */
  readonly clipped: string[];
  /** The primary action lies wholly inside the window. */
  readonly actionInView: boolean;
}

/** Measures the pane at its current viewport size. */
export function paneLayout(page: Page): Promise<PaneLayout> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const pane = document.querySelector(".pane") ?? root;
    const overflow = root.scrollWidth > root.clientWidth || pane.scrollWidth > pane.clientWidth;
    // Text for screen readers only (.vs-sr) is clipped on purpose.
    const shown = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden" && !e.classList.contains("vs-sr");
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""} "${(e as HTMLInputElement).value ?? e.textContent ?? ""}"`.slice(0, 80);
    const clipped: string[] = [];
    const app = document.querySelector("#app")!;
    const edge = app.getBoundingClientRect();
    for (const e of Array.from(app.querySelectorAll("label, legend, summary, th, td, h2, p, li, strong, span, input, fluent-button, fluent-dropdown, fluent-dropdown > button")).filter(shown)) {
      if (e instanceof HTMLInputElement && (e.type === "radio" || e.type === "checkbox")) continue;
      // Inline boxes have no scroll width of their own: they must stay inside the pane.
      const inline = getComputedStyle(e).display === "inline";
      const r = e.getBoundingClientRect();
      if ((!inline && e.scrollWidth > e.clientWidth + 1) || r.right > edge.right + 1 || r.left < edge.left - 1) clipped.push(name(e));
    }
    // Fluent text fields keep their input in their shadow root: its text must fit it as well.
    for (const f of Array.from(app.querySelectorAll("fluent-text-input")).filter(shown)) {
      const input = f.shadowRoot?.querySelector("input");
      if (input && input.scrollWidth > input.clientWidth + 1) clipped.push(`fluent-text-input${f.id ? `#${f.id}` : ""} "${input.value}"`);
    }
    const canvas = document.createElement("canvas").getContext("2d")!;
    for (const s of Array.from(app.querySelectorAll("select")).filter(shown)) {
      const css = getComputedStyle(s);
      canvas.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const room = s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
      const text = s.selectedOptions[0]?.text ?? "";
      if (canvas.measureText(text).width > room + 1) clipped.push(`select#${s.id} "${text}"`);
    }
    const b = document.querySelector("#vs-generate")!.getBoundingClientRect();
    const actionInView = b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight && b.left >= 0 && b.right <= window.innerWidth;
    return { overflow, clipped, actionInView };
  });
}

/** axe-core's serious and critical violations inside the pane, each with up to three of its nodes. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (globalThis as never as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document.querySelector("#app"), { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

/**
 * Checks one pane state as the issue asks (no sideways scroll, nothing clipped, the action in
 * view, no serious or critical axe-core violation) and saves its screenshot as `file`.
 */
export async function checkPaneState(page: Page, dir: string, file: string): Promise<void> {
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(dir, file) });
  expect({ state: file, ...(await paneLayout(page)) }).toEqual({ state: file, overflow: false, clipped: [], actionInView: true });
  expect({ state: file, violations: await seriousViolations(page) }).toEqual({ state: file, violations: [] });
}
