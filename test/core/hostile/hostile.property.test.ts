import fc from "fast-check";
import { createCatalog, CoreError, serialOf, type CellValue, type Range } from "../../../core";
import { KPI_KEYS } from "../../../core/kpi/defs";
import { PO_SCHEMA, TICKET_SCHEMA } from "../../../core/table/schema";

const catalog = createCatalog({ today: () => serialOf(2025, 6, 1) });

/** Every number in a result, whether one cell or a spilled table. */
function numbersIn(out: unknown): number[] {
  if (typeof out === "number") return [out];
  if (Array.isArray(out)) return out.flatMap(numbersIn);
  return [];
}

/** A result is a value or a core error; a number anywhere in it is finite. Anything thrown fails the property. */
function finiteOrError(out: unknown): boolean {
  if (out instanceof CoreError) return true;
  return numbersIn(out).every(Number.isFinite);
}

const VENDORS = ["Acme", "acme ", "Bolt", "Core"];

/** Numbers that parse but sit at the edge of the range: two of them for one vendor overflow a sum. */
const extremeNumber: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom<CellValue>(1e308, -1e308, 5e-324, "1e308", "-1e308", "1e308%", 1.7e308, "(1e308)"), weight: 5 },
  fc.constantFrom<CellValue>(-5e-324, 0, -1, 1, 2.5, 10, "$1,000,000,000", "98%", "N/A", "", null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Dates that parse, from before 1900 to the last a Date can hold. */
const extremeDate: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(45_800, 45_800.5, 1, 2_958_465, "2025-03-31", "2025-03-31 14:30", "2-Jun-25", "Jun 2, 2025", "9999-12-31 23:59", "", null),
  fc.constantFrom<CellValue>(new Date(-8.64e15), new Date(8.64e15), new Date(1025, 0, 3, 16), new Date(2025, 2, 31, 9)),
);

/** Cells that do not parse, or are the wrong type: a column holding one is an error, which is also a fine answer. */
const malformed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>("1e309", "-1e309", "1,5", "31/31/2025", true, false, new Date(NaN), -45_800, 2_958_466),
  fc.constantFrom<CellValue>("1" + "0".repeat(400), "9".repeat(2000) + "x", " ".repeat(3000) + "1", "P" + " ".repeat(2000) + "1"),
  fc.double(),
);

/** Any of the above: for arguments and config cells. */
const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(extremeNumber, extremeDate, malformed);

/** A cell for a column of the given kind: mostly values that parse, so results get computed, sometimes malformed. */
const cellFor = (kind: string): fc.Arbitrary<CellValue> =>
  fc.oneof({ arbitrary: kind === "date" ? extremeDate : extremeNumber, weight: 12 }, { arbitrary: malformed, weight: 1 });

const vendorCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom<CellValue>("Acme", "Bolt"), weight: 6 },
  fc.constantFrom<CellValue>(...VENDORS, "", null, 0),
  fc.constant<CellValue>("x".repeat(1000)),
);

/** A header of real aliases: the vendor column and a few others, in random order. */
function rangeOf(schema: readonly { key: string; aliases: readonly string[] }[], rowCell: (header: string) => fc.Arbitrary<CellValue>) {
  const others = schema.filter((f) => f.key !== "vendor");
  return fc
    .tuple(
      fc.constantFrom(...schema.find((f) => f.key === "vendor")!.aliases),
      fc.subarray(others, { minLength: 1 }).chain((fields) => fc.tuple(...fields.map((f) => fc.constantFrom(...f.aliases)))),
    )
    .chain(([vendorHeader, headers]) => {
      const header = [vendorHeader, ...headers];
      const row = fc.tuple(vendorCell, ...headers.map((h) => rowCell(h)));
      return fc.array(row, { minLength: 0, maxLength: 8 }).map((rows): Range => [header, ...rows]);
    });
}

const kindOf = (schema: readonly { kind: string; aliases: readonly string[] }[], header: string) => schema.find((f) => f.aliases.includes(header))!.kind;

const poRange = rangeOf(PO_SCHEMA, (h) =>
  h === "status" ? fc.constantFrom<CellValue>("open", "cancelled", "") : h === "tier" ? fc.constantFrom<CellValue>("Key", "", "Tier 1") : cellFor(kindOf(PO_SCHEMA, h)),
);

const PRIORITIES = ["P1", "P2", "P3", "P4", "Sev 1", "1 - Critical", "P9", "", "P" + " ".repeat(500) + "x"];
const ticketRange = rangeOf(TICKET_SCHEMA, (h) => {
  const key = TICKET_SCHEMA.find((f) => f.aliases.includes(h as never))!.key;
  if (key === "priority") return fc.constantFrom<CellValue>(...PRIORITIES);
  if (key === "ticket") return fc.constantFrom<CellValue>("T1", "T2", "T3", "", 0);
  return cellFor("date");
});

const weights = fc.oneof(
  fc.constant<CellValue>(undefined),
  fc.array(fc.tuple(fc.constantFrom<CellValue>("on_time", "in_full", "defect_rate", "price_variance", "spend", "lines", "lead_time", "compliance", "grace_days"), extremeNumber, extremeNumber, extremeNumber), { minLength: 1, maxLength: 4 }),
);
/** Weights with period rows (and standings), sensible or hostile, for the business-review functions. */
const periodWeights = fc
  .tuple(
    weights,
    fc.oneof(fc.constantFrom<CellValue>("week", "month", "quarter", "year"), hostileCell),
    fc.oneof(fc.integer({ min: 1, max: 120 }), hostileCell),
    fc.oneof(fc.integer({ min: 1, max: 12 }), hostileCell),
    fc.constantFrom<CellValue>("promised", "delivered", "order_date", "", "x"),
    fc.boolean(),
  )
  .map(([w, period, history, fiscal, by, standings]) => [
    ...(Array.isArray(w) ? w : []),
    ["period", period],
    ["history", history],
    ["fiscal_start", fiscal],
    ...(by === "" ? [] : [["period_by", by]]),
    ...(standings ? [["standing", "Low", 0, 50, "red", "block"], ["standing", "High", 50, 100]] : []),
  ]);
const riskRange = fc.oneof(fc.constant<CellValue>(undefined), fc.array(fc.tuple(fc.constantFrom<CellValue>(...VENDORS), hostileCell), { minLength: 1, maxLength: 4 }));
const policy = fc.oneof(fc.constant<CellValue>(undefined), fc.array(fc.tuple(fc.constantFrom<CellValue>("P1", "P2", "P3", "P4"), fc.oneof(hostileCell, fc.constantFrom<CellValue>(1e6, 1 / 3600, 4, 0.5)), fc.oneof(hostileCell, fc.constantFrom<CellValue>(1e6, 1 / 3600, "")), fc.constantFrom<CellValue>("", "24x7", "business")), { minLength: 1, maxLength: 3 }));
const calendar = fc.oneof(
  fc.constant<CellValue>(undefined),
  fc.constant([["workdays", "Mon"], ["hours", "09:00-09:01"], ["holiday", "2025-04-07"]]),
  fc.tuple(fc.constantFrom<CellValue>("workdays", "hours", "holiday"), hostileCell).map((row) => [row]),
);
const creditTable = fc.array(fc.tuple(hostileCell, hostileCell), { minLength: 1, maxLength: 3 });
const asOf = fc.oneof(fc.constant<CellValue>(undefined), hostileCell);
const vendor = fc.constantFrom<CellValue>("Acme", "Acme", "Bolt", ...VENDORS, "Nobody");

describe("hostile ranges never throw and never give a number that is not finite", () => {
  it("through every purchase-order function", () => {
    fc.assert(
      fc.property(poRange, vendor, weights, riskRange, hostileCell, hostileCell, asOf, (data, v, w, risk, x, y, at) => {
        const results = [
          catalog.VENDORSCORE.fn(data, v, w, at),
          ...KPI_KEYS.map((k) => catalog.VENDORKPI.fn(data, v, k, at, w)),
          catalog.VENDORGRADE.fn(data, v, w, at),
          catalog.VENDORSCORECARD.fn(data, w, at),
          catalog.VENDORBREAKDOWN.fn(data, v, w, at),
          catalog.VENDORDATAQUALITY.fn(data, w),
          catalog.VENDORABC.fn(data, v, x, y, w),
          catalog.VENDORKRALJIC.fn(data, v, risk, x, y, w),
          catalog.VENDORSEGMENTS.fn(data, risk, w, at),
        ];
        for (const out of results) expect(finiteOrError(out)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("through the business-review functions, with period rows", () => {
    fc.assert(
      fc.property(poRange, vendor, periodWeights, asOf, fc.constantFrom<CellValue>(undefined, "score", "lead_time", "Spend", "nope"), (data, v, w, at, kpi) => {
        const results = [
          catalog.VENDORTREND.fn(data, v, kpi, w, at),
          catalog.VENDORTRENDS.fn(data, kpi, w, at),
          catalog.VENDOROVERALL.fn(data, v, w, at),
          catalog.VENDORSCORECARD.fn(data, w, at),
          catalog.VENDORSCORE.fn(data, v, w, at),
          catalog.VENDORKPI.fn(data, v, "spend", at, w),
          catalog.VENDORDATAQUALITY.fn(data, w),
        ];
        for (const out of results) expect(finiteOrError(out)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("through every SLA function", () => {
    fc.assert(
      fc.property(ticketRange, vendor, policy, calendar, asOf, creditTable, hostileCell, hostileCell, (tickets, v, p, cal, at, credits, start, end) => {
        const results = [
          catalog.SLASTATUS.fn(tickets, p, cal, at),
          catalog.SLACOMPLIANCE.fn(tickets, v, p, cal, at),
          catalog.SLABREACHES.fn(tickets, v, p, cal, at),
          catalog.SLACREDIT.fn(tickets, v, credits, p, cal, at),
          catalog.SLAHOURS.fn(start, end, cal),
        ];
        for (const out of results) expect(finiteOrError(out)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
