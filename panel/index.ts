/** The pane shared by the Excel task pane and the Sheets sidebar: mount it on an element with a host. */
export { mountPanel, type PanelOptions } from "./panel";
export type { PanelHost, PanelRequest, HostResult, ReportStatus, NamedSource, SelectionInfo, Schedule, SourceCells } from "./host";
export { SCHEDULE_LABEL, scheduleLabel } from "./host";
