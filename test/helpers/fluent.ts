/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";

/**
 * Picks a choice in a Fluent dropdown as a user does: opens it with a click on its button and
 * clicks the option whose value or text is `choice` (as `page.selectOption` matches a native
 * select), then waits until the dropdown shows it.
 */
export async function choose(page: Page, dropdown: string, choice: string): Promise<void> {
  await page.click(`${dropdown} > button`);
  const index = await page.$eval(dropdown, (d, c) => Array.from(d.querySelectorAll("fluent-option")).findIndex((o) => o.getAttribute("value") === c || o.textContent === c), choice);
  if (index < 0) throw new Error(`${dropdown} offers no choice "${choice}"`);
  await page.click(`${dropdown} fluent-option >> nth=${index}`);
  await page.waitForFunction(([d, c]) => {
    const o = Array.from(document.querySelectorAll(`${d} fluent-option`)).find((x) => (x as HTMLElement & { selected: boolean }).selected);
    return !!o && (o.getAttribute("value") === c || o.textContent === c) && !document.querySelector(`${d} fluent-listbox:popover-open`);
  }, [dropdown, choice] as const);
}


/**
 * The input of the config table's Fluent text field whose label is `label` ("Weight, On time"):
 * found by its accessible name, as a screen reader finds it, the label living inside the component.
 */
export function configCell(page: Page, label: string): Locator {
  return page.locator("#vs-config").getByRole("textbox", { name: label, exact: true });
}
