/**
 * The `vendorscore` package for Node: the core's public face, and a catalog whose "today" is the
 * system date, so `require("vendorscore").catalog.VENDORSCORE.fn(range, "Acme")` works as the
 * spreadsheet function does. The core itself never reads the clock; this entry point does.
 *
 * @example require("vendorscore").catalog.VENDORSCORE.fn([["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, 10]], "Acme")
 */
import { createCatalog, dateToSerial } from "../core";

export * from "../core";

/** Every spreadsheet function, judged as of the day it is called. */
export const catalog = createCatalog({ today: () => dateToSerial(new Date()) });
