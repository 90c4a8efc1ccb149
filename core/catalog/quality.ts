import { dataQuality } from "../quality/report";
import { DATA, SETTINGS } from "./scorecard";
import { defineFunction } from "./types";

export const VENDORDATAQUALITY = defineFunction({
  name: "VENDORDATAQUALITY",
  description: "Spills what the scorecard will count: each field's column, how it was matched, and the cells or lines left out and why.",
  example: '=VENDORDATAQUALITY(A1:K800) shows "promised: not found" when the range has no promised-date column.',
  params: [DATA, SETTINGS],
  result: "table",
  impl({ data, settings }, cx) {
    // With a period row, also the lines no period holds.
    const p = settings.periods;
    const periods = p.kind === undefined ? undefined : { ...(p.by ? { by: p.by } : {}), ...(settings.promisedDays === undefined ? {} : { promisedDays: settings.promisedDays }) };
    return dataQuality(data, settings.read, cx.cache, periods);
  },
});
