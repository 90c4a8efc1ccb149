import type { ScriptRange, ScriptSheet, ScriptWorkbook } from "../../excel-addin/office-script/refresh";
import { WHOLE_SHEET, addSheet, clearRect, findSheet, fullAddress, parseRect, readValues, usedRect, writeBlock, type Rect, type SheetModel, type WorkbookModel } from "./model";

/**
 * ExcelScript's synchronous API over the in-memory workbook, as a Power Automate flow's Excel
 * session offers it to an Office Script: the calls the refresh script uses, with the same model
 * (and so the same limits) as the Office.js double.
 */
export function scriptWorkbook(wb: WorkbookModel): ScriptWorkbook {
  const range = (s: SheetModel, rect: Rect): ScriptRange => ({
    getValues: () => readValues(s, rect === WHOLE_SHEET ? usedRect(s, true)! : rect),
    setValues: (v) => writeBlock(s, rect, v, "values", ""),
    setNumberFormats: (v) => writeBlock(s, rect, v, "formats", "General"),
    clear: (applyTo = "All") => clearRect(s, rect, applyTo as "All"),
    getAddress: () => fullAddress(s.name, rect === WHOLE_SHEET ? usedRect(s, true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } : rect),
  });
  const sheet = (s: SheetModel): ScriptSheet => ({
    getId: () => s.id,
    getName: () => s.name,
    getRange: (a) => range(s, a === undefined ? WHOLE_SHEET : parseRect(a)),
    getUsedRange: (valuesOnly) => {
      const r = usedRect(s, valuesOnly ?? false);
      return r ? range(s, r) : undefined;
    },
    getCustomProperty: (key) => {
      const v = s.customProperties?.[key];
      return v === undefined ? undefined : { getValue: () => v };
    },
    addCustomProperty: (key, value) => void ((s.customProperties ??= {})[key] = value),
    activate: () => void (wb.activeSheetId = s.id),
    delete: () => void wb.sheets.splice(wb.sheets.indexOf(s), 1),
  });
  const named = (list: { name: string; sheetId: string; rect: Rect }[], name: string) => {
    const t = list.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return t && { getRange: () => range(findSheet(wb, t.sheetId)!, t.rect) };
  };
  return {
    getWorksheet: (n) => (findSheet(wb, n) ? sheet(findSheet(wb, n)!) : undefined),
    getWorksheets: () => wb.sheets.map(sheet),
    addWorksheet: (n) => sheet(addSheet(wb, n)),
    getTable: (n) => named(wb.tables, n),
    getNamedItem: (n) => named(wb.names, n),
  };
}
