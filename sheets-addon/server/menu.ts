import { activeDoc } from "./doc";
import { refreshDocument } from "./refresh";

/** Menu items: label and the top-level function each calls. */
export const MENU = [
  ["Open vendorscore", "vendorscoreShowSidebar"],
  ["Refresh all reports now", "vendorscoreRefreshNow"],
  ["Scheduled refresh…", "vendorscoreShowSchedule"],
] as const;

/**
 * The add-on menu. `createAddonMenu` works both in an installed add-on (under Extensions) and in
 * a bound script, and is allowed in AuthMode.NONE, where nothing else may run.
 */
export function installMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, fn] of MENU) menu.addItem(label, fn);
  menu.addToUi();
}

/** The sidebar; `focus` scrolls to a part of the panel (the schedule). */
export function showSidebar(focus?: "schedule"): void {
  let html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("vendorscore");
  if (focus === "schedule") html = html.append(`<script>(function(){var s=document.getElementById("vs-schedule");if(s){s.scrollIntoView();s.focus();}})();</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function refreshNow(): void {
  const doc = activeDoc();
  const r = refreshDocument(doc);
  doc.ss.toast(r.message, r.ok ? "vendorscore" : "vendorscore: refresh incomplete", 10);
}
