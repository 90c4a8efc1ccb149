/**
 * The sheet-name rules both doubles hold: 1 to 31 characters, none of `[ ] : * ? / \`. They are
 * Excel's (its rename-sheet rules); the Sheets fakes hold them too, although Google Sheets takes
 * longer names and those characters, so that a name the add-on makes also works in Excel.
 */
export const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Why a sheet name breaks the shared rules, or "" when it keeps them. */
export function sheetNameProblem(name: string): string {
  if (name.length === 0) return "A sheet name cannot be blank.";
  if (name.length > MAX_SHEET_NAME) return `The sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters.`;
  if (BAD_SHEET_CHARS.test(name)) return `The sheet name "${name}" contains one of the characters [ ] : * ? / \\ that a sheet name cannot hold.`;
  return "";
}
