import { mountPanel } from "../../panel";
import type { PanelHost } from "../../panel/host";
import { workspaceTheme } from "../../panel/theme";
import { SHEETS_SCHEDULES } from "../schedules";
import { serverOf, type ScriptRun, type Server } from "./run";

declare const google: { script: { run: ScriptRun } };

/** The panel's host in Google Sheets: every call is a server endpoint. */
export function sheetsHost(server: Server): PanelHost {
  return {
    hostName: "Google Sheets",
    schedules: SHEETS_SCHEDULES,
    getSelection: () => server.vendorscoreSelection(),
    readSource: (source) => server.vendorscoreReadSource(source),
    listSources: () => server.vendorscoreSources(),
    listReports: () => server.vendorscoreReports(),
    generate: (request) => server.vendorscoreGenerate(request),
    refreshAll: () => server.vendorscoreRefreshAll(),
    refreshReport: (id) => server.vendorscoreRefreshReport(id),
    openReport: async (id, activate = true) => (await server.vendorscoreOpenReport(id, activate)) ?? undefined,
    deleteReport: (id, withSheet) => server.vendorscoreDeleteReport(id, withSheet),
    getSchedule: () => server.vendorscoreGetSchedule(),
    setSchedule: (s) => server.vendorscoreSetSchedule(s),
  };
}

mountPanel(document.getElementById("app")!, sheetsHost(serverOf(() => google.script.run)), { theme: workspaceTheme() });
