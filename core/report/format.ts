/** How a report column is shown; each host turns it into its number format. Each kind's record names its columns' formats. */
export type ColumnFormat = "percent" | "currency" | "hours" | "date" | "date-time" | "integer" | "number" | "text";

/**
 * Number format patterns both Excel and Google Sheets read the same way. "General" keeps text
 * as typed (a text format "@" would turn a later number into text).
 */
export const FORMAT_PATTERN: Readonly<Record<ColumnFormat, string>> = {
  percent: "0.0%",
  currency: "#,##0.00",
  hours: "0.0",
  date: "yyyy-mm-dd",
  "date-time": "yyyy-mm-dd hh:mm",
  integer: "0",
  number: "0.0",
  text: "General",
};
