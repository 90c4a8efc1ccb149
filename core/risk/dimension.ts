import { vendorName } from "../table/vendors";

/**
 * The key a risk dimension is matched on: normalised as vendor names are, in any case, inner
 * runs of spaces as one.
 *
 * @example dimensionKey(" Cyber  Security ") === dimensionKey("cyber security") // true
 */
export function dimensionKey(name: string): string {
  return vendorName(name).toLowerCase().replace(/\s+/g, " ");
}
