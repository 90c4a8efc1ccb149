import { serialParts } from "../../core";
import type { Cell } from "./model";

/** Shows a cell as Excel would with the number formats the add-in writes (and the sample's dates). */
export function formatCell(v: Cell, pattern: string): string {
  if (typeof v !== "number") return String(v);
  const two = (n: number) => String(n).padStart(2, "0");
  switch (pattern) {
    case "0.0%": return `${(v * 100).toFixed(1)}%`;
    case "#,##0.00": return v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "0.0": return v.toFixed(1);
    case "0.00": return v.toFixed(2);
    case "0": return v.toFixed(0);
    case "yyyy-mm-dd":
    case "yyyy-mm-dd hh:mm": {
      const p = serialParts(v);
      const day = `${p.y}-${two(p.m)}-${two(p.d)}`;
      return pattern === "yyyy-mm-dd" ? day : `${day} ${two(p.h)}:${two(p.mi)}`;
    }
    default: return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  }
}
