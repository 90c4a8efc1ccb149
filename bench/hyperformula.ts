import { HyperFormula } from "hyperformula";
import type { Range } from "../core";
import { CHECKED, type VendorKpis } from "./kpis";

/**
 * The spreadsheet way: helper columns per line, then one COUNTIFS/SUMIFS row per vendor,
 * evaluated by HyperFormula (a headless spreadsheet engine; GPL-3, used here only).
 */
export function hyperFormulaKpis(range: Range, asOf: number): VendorKpis {
  const n = range.length;
  const data = range.map((row, i) => {
    if (i === 0) return [...row, "ot_n", "ot_ok", "if_n", "if_ok", "q", "pv_n", "var_cost", "contract_cost", "spend", "def_n", "rej", "recv"];
    const r = i + 1;
    return [
      ...row,
      `=IF(AND(C${r}<>"",OR(D${r}<>"",INT(C${r})<${Math.floor(asOf)})),1,0)`,
      `=IF(AND(C${r}<>"",D${r}<>""),IF(INT(D${r})<=INT(C${r}),1,0),0)`,
      `=IF(AND(D${r}<>"",E${r}<>"",F${r}<>""),1,0)`,
      `=IF(M${r}=1,IF(F${r}>=E${r},1,0),0)`,
      `=IF(F${r}<>"",F${r},E${r})`,
      `=IF(AND(H${r}<>"",I${r}<>"",O${r}<>""),1,0)`,
      `=IF(P${r}=1,(H${r}-I${r})*O${r},0)`,
      `=IF(P${r}=1,I${r}*O${r},0)`,
      `=IF(J${r}<>"",J${r},H${r}*O${r})`,
      `=IF(AND(G${r}<>"",F${r}<>""),1,0)`,
      `=IF(T${r}=1,G${r},0)`,
      `=IF(T${r}=1,F${r},0)`,
    ];
  });
  const vendors = [...new Set(range.slice(1).map((row) => String(row[0])))];
  const col = (c: string) => `Data!$${c}$2:$${c}$${n}`;
  const V = col("A");
  const ratio = (num: string, den: string) => `=IFERROR(${num}/${den},"")`;
  const summary = vendors.map((v, i) => {
    const a = `A${i + 1}`;
    return [
      v,
      ratio(`SUMIFS(${col("L")},${V},${a})`, `COUNTIFS(${V},${a},${col("K")},1)`),
      ratio(`SUMIFS(${col("N")},${V},${a})`, `COUNTIFS(${V},${a},${col("M")},1)`),
      ratio(`SUMIFS(${col("U")},${V},${a})`, `SUMIFS(${col("V")},${V},${a})`),
      ratio(`SUMIFS(${col("Q")},${V},${a})`, `SUMIFS(${col("R")},${V},${a})`),
      `=SUMIFS(${col("S")},${V},${a})`,
    ];
  });
  const hf = HyperFormula.buildFromSheets({ Data: data as never, Summary: summary }, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(hf.getSheetId("Summary")!);
  hf.destroy();
  const out: VendorKpis = new Map();
  for (const row of values) {
    const rec = {} as Record<(typeof CHECKED)[number], number | null>;
    CHECKED.forEach((k, i) => {
      const v = row[i + 1];
      rec[k] = typeof v === "number" ? v : null;
    });
    out.set(String(row[0]), rec);
  }
  return out;
}
