import { asRange } from "../cell/blank";
import { dataQuality } from "../quality/report";
import { readScoreConfig } from "../score/config";
import type { FunctionDef } from "./types";
import { DATA, SETTINGS } from "./scorecard";

export const VENDORDATAQUALITY: FunctionDef = {
  name: "VENDORDATAQUALITY",
  description: "Spills what the scorecard will count: each field's column, how it was matched, and the cells or lines left out and why.",
  example: '=VENDORDATAQUALITY(A1:K800) shows "promised: not found" when the range has no promised-date column.',
  params: [DATA, SETTINGS],
  result: "table",
  impl(args) {
    return dataQuality(asRange(args[0] as never), readScoreConfig(args[1] as never).read);
  },
};
