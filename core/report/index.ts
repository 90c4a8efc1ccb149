/**
 * Reports the task pane and the sidebar generate, in host-neutral terms: what a report is
 * (its stored definition), how it is computed (its kind's record in the registry) and what the
 * written sheet looks like (ReportSheet). Hosts only read ranges and render a ReportSheet.
 *
 * @example buildReport({ kind: "scorecard", source: poLines, config: KIND_INFO.scorecard.config.defaults, asOf: "today" }, cx)
 */
export { REPORT_KINDS, PANE_KINDS, KIND_INFO, kindInfo, reportKind, type ReportKind, type ReportKindInfo, type ConfigTable } from "./kinds";
export { ReportDefinitionSchema, DEFINITION_VERSION, parseDefinition, toConfigGrid, describeSource, quoteSheet, type ReportDefinition, type ReportSource, type AsOfRule, type ConfigGrid } from "./definition";
export { FORMAT_PATTERN, type ColumnFormat } from "./format";
export { RED_FILL, RED_TEXT, AMBER_FILL, GREY_FILL, SCALE_COLORS, HEADER_FILL, HEADER_TEXT, type ReportSheet, GRADE_COLORS, helperBlocks, type ChartSpec, type ChartSeries, type HelperBlock, type SheetBlock, rowPatterns, headerRows, titleRows, chartRows, formatRows } from "./sheet";
export { buildReview, buildReviewPages, needsAttention, trendArrow, REVIEW_COLUMNS, MAX_REVIEW_SHEETS, type ReviewGroup, type ReviewPage } from "./review";
export { safeText, safeGrid } from "./text";
export { buildReport, describe, standingsOf, takesSurvey, type ReportInput } from "./build";
export { validateConfig, type ConfigIssue } from "./validate";
export { chooseOutput, cleanSheetName, newDefinition, stamp, staleSourceMessage, isStale, type SheetInfo, type OutputChoice } from "./plan";
export { mappingForm, sourceSchema, splitMapping, type MappingForm, type FieldChoice } from "./mapping";
export { sourceSummary, type SourceSummary } from "./quality";
export { ask, markerOf, markerValue, runAsync, runSync, type Flow, type Maybe, type RowBlock, type SheetEntry, type SourceExtent, type StoredDefinition, type Workbook } from "./workbook";
export { MAX_BLOCK_BYTES, readBlockRows, rowBytes, writeBlocks } from "./blocks";
export { generate, list, open, readSource, refresh, remove, MAX_STORED_ERROR, type SourceRead, type RefreshOptions, type ReportEnv, type ReportOutcome, type ReportRequest, type ReportStatus, type RunResult } from "./usecases";
export { vendorsIn, reviewGroups } from "./vendors";
