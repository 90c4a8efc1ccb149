/**
 * Reports the task pane and the sidebar generate, in host-neutral terms: what a report is
 * (its stored definition), how it is computed (a catalog function) and what the written sheet
 * looks like (ReportSheet). Hosts only read ranges and render a ReportSheet.
 *
 * @example buildReport("scorecard", poLines, KIND_INFO.scorecard.defaultConfig, "today", env)
 */
export { REPORT_KINDS, KIND_INFO, reportKind, type ReportKind, type ReportKindInfo } from "./kinds";
export { ReportDefinitionSchema, DEFINITION_VERSION, parseDefinition, toConfigGrid, describeSource, quoteSheet, type ReportDefinition, type ReportSource, type AsOfRule, type ConfigGrid, type Parsed } from "./definition";
export { FORMAT_PATTERN, columnFormat, columnFormats, type ColumnFormat } from "./format";
export { RED_FILL, RED_TEXT, SCALE_COLORS, HEADER_FILL, HEADER_TEXT, type ReportSheet, type ChartSpec } from "./sheet";
export { buildReport, describe, reportFunction, availableKinds } from "./build";
export { validateConfig, type ConfigIssue } from "./validate";
export { chooseOutput, cleanSheetName, newDefinition, stamp, staleSourceMessage, isStale, type SheetInfo, type OutputChoice, type GenerateRequest } from "./plan";
export { mappingForm, sourceSchema, type MappingForm, type FieldChoice } from "./mapping";
export { sourceSummary, type SourceSummary } from "./quality";
