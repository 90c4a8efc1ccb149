import { CoreError, problem } from "../cell/error";
import type { Range, ResultGrid } from "../cell/types";
import { contractLines, DEFAULT_WARN_DAYS, judgeContracts, offContractShare, readContractSettings, readContracts, vendorCoverage } from "../contract";
import { fieldsFor } from "../kpi/fields";
import type { ScoreConfig } from "../score/config";
import { vendorKey } from "../segment";
import type { ParseCache } from "../table/cache";
import { readLines } from "../table/lines";
import { asOf, config, number, optionalRange, range } from "./params";
import { DATA, VENDOR } from "./scorecard";
import { cell, defineFunction } from "./types";

const CONTRACTS = range("contracts", "Contracts with a header row: vendor, end, and contract, start, notice days, value, auto renew where known.");
/** The data's settings and mapping rows, as for VENDORKPI, and mapping rows of the contracts' columns. */
const SETTINGS = config("settings", "A weights range: mapping rows (order_date, PO Date; end, Expiry) and settings (date_order, decimal, header_row) apply to the data; date_order and mapping to the contracts too.", readContractSettings);
const AS_OF = asOf("as_of", "Day the contracts are judged at; numeric text follows the settings' date_order. Default: today.", SETTINGS);

export const CONTRACT_COLUMNS = ["Contract", "Vendor", "Start", "End", "Notice by", "Days to notice", "Status", "Auto renew", "Value", "Spend in term", "Utilisation"] as const;

/** The purchase-order lines, reading only what spend in a term needs. */
function spendLines(data: Range, settings: ScoreConfig, cache: ParseCache) {
  return readLines(data, { ...settings.read, fields: fieldsFor(["spend"], ["order_date"]) }, cache);
}

export const CONTRACTSTATUS = defineFunction({
  name: "CONTRACTSTATUS",
  description: "Spills each contract's current term, notice date and status (not started, expired, notice passed, notice due, active), with spend in term and utilisation when given the purchase-order lines.",
  example: "=CONTRACTSTATUS(M1:S40, A1:N5000) spills Contract, Vendor, Start, End, Notice by, Days to notice, Status, Auto renew, Value, Spend in term, Utilisation.",
  params: [
    CONTRACTS,
    optionalRange("data", "Purchase-order lines with a header row (vendor, order date, amount or unit price and quantity): fills Spend in term and Utilisation."),
    AS_OF,
    number("warn_days", "Days before the notice date from which a contract is notice due. Default: 90.", DEFAULT_WARN_DAYS),
    SETTINGS,
  ],
  result: "table",
  dateColumns: ["Start", "End", "Notice by"],
  impl({ contracts, data, as_of, warn_days, settings }, cx) {
    if (!(warn_days >= 0)) return problem("bad_argument", `warn_days ${warn_days} must be 0 or more: the days before the notice date from which a contract is notice due, such as 90.`, { arg: "warn_days" });
    const rows = readContracts(contracts, settings.contracts);
    const lines = data === undefined ? undefined : spendLines(data, settings, cx.cache);
    const missing = lines && contractLines(lines);
    if (missing) return missing;
    const grid: ResultGrid = [[...CONTRACT_COLUMNS]];
    for (const j of judgeContracts(rows, as_of, warn_days, lines)) {
      if ("problem" in j) {
        // The row says what is wrong with it; the other contracts are still judged.
        grid.push([j.row.id, j.row.vendor, "", "", "", "", `${j.problem.code} ${j.problem.message}`, "", "", "", ""]);
        continue;
      }
      const { contract: c, status: s, spendInTerm: spend } = j;
      const use = spend === undefined || c.value === undefined || c.value === 0 ? "" : spend / c.value;
      grid.push([j.row.id, j.row.vendor, cell(s.term.start), s.term.end, s.noticeBy, s.daysToNotice, s.state, c.autoRenew ? "yes" : "no", cell(c.value), cell(spend), use]);
    }
    return grid;
  },
});

export const VENDOROFFCONTRACT = defineFunction({
  name: "VENDOROFFCONTRACT",
  description: "The share of a vendor's spend ordered outside every term of its contracts (0 to 1; 1 without any contract).",
  example: '=VENDOROFFCONTRACT(A1:N5000, M1:S40, "Acme") returns 0.25 when a quarter of Acme\'s spend was ordered while no contract of Acme ran.',
  params: [DATA, CONTRACTS, VENDOR, AS_OF, SETTINGS],
  result: "number",
  impl({ data, contracts, vendor, as_of, settings }, cx) {
    // The vendor's own contract rows are judged first; other vendors' problems do not concern it.
    const rows = readContracts(contracts, settings.contracts);
    const own = vendorCoverage(rows.filter((r) => r.vendor.toLowerCase() === vendorKey(vendor)), as_of);
    if (own instanceof CoreError) return own;
    return offContractShare(rows, spendLines(data, settings, cx.cache), vendor, as_of);
  },
});
