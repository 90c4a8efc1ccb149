/// <reference types="office-js" />
import { mountPanel } from "../panel";
import { officeTheme } from "../panel/theme";
import { ExcelHost } from "./host";
import { RefreshTimer, STALE_ON_OPEN_MS } from "./schedule";

/**
 * Wires the pane to Excel: the host, the interval timer, load-with-the-document and the
 * refresh on open. Kept apart from the entry file so the preview runs exactly this.
 */
export async function startTaskpane(root: HTMLElement): Promise<void> {
  const host = new ExcelHost((batch) => Excel.run(batch), { now: () => new Date() });
  // Fluent 2, light or dark as the document's Office theme is (Excel on the web gives none: light).
  const panel = mountPanel(root, host, { theme: officeTheme(Office.context?.officeTheme) });
  const timer = new RefreshTimer(async () => {
    await host.refreshAll();
    await panel.refresh();
  });
  host.onSchedule = (s) => timer.set(s);
  host.onGenerated = () => void loadWithDocument();
  timer.set(await host.getSchedule());
  const reports = await host.listReports();
  if (reports.length > 0) {
    // Opening the workbook ran this code: bring stale reports up to date, then keep loading on open.
    await loadWithDocument();
    await host.refreshAll(STALE_ON_OPEN_MS);
    await panel.refresh();
  }
}

/**
 * Asks Excel to start the add-in's runtime whenever this document opens. Effective from the
 * next open, and only once the user has opened the add-in in this document.
 */
async function loadWithDocument(): Promise<void> {
  try {
    if (Office.addin?.setStartupBehavior) await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch {
    // SharedRuntime 1.1 missing (old builds): the add-in still works, it just loads when opened.
  }
}
