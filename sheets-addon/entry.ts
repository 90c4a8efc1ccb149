/**
 * What the Apps Script bundle exposes. The build wraps this in a private, lazily loaded
 * library and writes one top-level stub per entry (with the catalog's JSDoc for the custom
 * functions): only these are callable from the sheet, menus, triggers and `google.script.run`.
 */
import { sheetsFunctions } from "./functions";
import { endpoints } from "./server/endpoints";
import { installMenu, refreshNow, showSidebar } from "./server/menu";
import { runScheduledRefresh } from "./server/schedule";

export const functions = sheetsFunctions();
export { endpoints };
export const handlers = {
  onOpen: (_e?: unknown) => installMenu(),
  onInstall: (_e?: unknown) => installMenu(),
  vendorscoreShowSidebar: () => showSidebar(),
  vendorscoreShowSchedule: () => showSidebar("schedule"),
  vendorscoreRefreshNow: () => refreshNow(),
  vendorscoreScheduledRefresh: (e?: { triggerUid?: string }) => runScheduledRefresh(e),
};
