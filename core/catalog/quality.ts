import { dataQuality } from "../quality/report";
import { surveyQualityOf, surveyQualityRows } from "../survey/quality";
import { optionalRange } from "./params";
import { DATA, SETTINGS } from "./scorecard";
import { defineFunction } from "./types";

export const VENDORDATAQUALITY = defineFunction({
  name: "VENDORDATAQUALITY",
  description: "Spills what the scorecard will count: each field's column, how it was matched, and the cells or lines left out and why.",
  example: '=VENDORDATAQUALITY(A1:K800) shows "promised: not found" when the range has no promised-date column.',
  params: [DATA, SETTINGS, optionalRange("survey", "A survey range (vendor, criterion, score...): its rows follow, each field and reason prefixed \"survey\".")],
  result: "table",
  impl({ data, settings, survey }, cx) {
    // With a period row, also the lines no period holds.
    const p = settings.periods;
    const periods = p.kind === undefined ? undefined : { ...(p.by ? { by: p.by } : {}), ...(settings.promisedDays === undefined ? {} : { promisedDays: settings.promisedDays }) };
    const grid = dataQuality(data, settings.read, cx.cache, periods);
    if (survey === undefined) return grid;
    // The settings' mapping and header_row rows describe the lines; their date order and decimal mark apply to the survey too.
    const read = { ...(settings.read.dateOrder ? { dateOrder: settings.read.dateOrder } : {}), ...(settings.read.decimal ? { decimal: settings.read.decimal } : {}) };
    return [...grid, ...surveyQualityRows(surveyQualityOf(survey, read, cx.cache))];
  },
});
