import { kindInfo, vendorsIn, type ConfigGrid, type ReportKind } from "../core/report";
import { el } from "./dom";
import type { SourceCells } from "./host";

/**
 * The vendor a report about one vendor is for (a business review): a labelled choice of the
 * vendors the source names, shown only for such a kind. The list follows the source as the pane
 * reads it; a stored report's vendor stays chosen even when the source no longer names it, so
 * the refresh says what is wrong rather than the pane picking another vendor.
 */
export class VendorChoice {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private vendors: readonly string[] = [];
  private kind: ReportKind | undefined;
  private wanted = "";
  private source: { cells: SourceCells; mapping: ConfigGrid } | undefined;

  constructor(private readonly changed: () => void) {
    this.select = el("select", { id: "vs-vendor" });
    this.element = el("div", { id: "vs-vendor-row", hidden: "" }, el("label", { class: "vs-label", for: "vs-vendor", text: "Vendor" }), this.select);
    this.select.addEventListener("change", () => {
      this.wanted = this.select.value;
      this.changed();
    });
    this.render();
  }

  /** Shows the choice for a kind about one vendor, hides it for the others. */
  setKind(kind: ReportKind): void {
    this.kind = kind;
    this.element.hidden = !this.needed();
    if (this.source) this.setSource(this.source.cells, this.source.mapping);
  }

  /** The source as read now, with the column form's mapping rows (they may name the vendor column). */
  setSource(cells: SourceCells, mapping: ConfigGrid): void {
    this.source = { cells, mapping };
    this.vendors = cells.ok && this.kind ? vendorsIn(this.kind, cells.values, mapping) : [];
    this.render();
  }

  /** A stored report's vendor, chosen again when the pane edits it. */
  set(vendor: string | undefined): void {
    this.wanted = vendor ?? "";
    this.render();
  }

  /** The vendor for the request, or undefined for a kind that takes none. */
  value(): string | undefined {
    return this.needed() && this.select.value ? this.select.value : undefined;
  }

  /** Why Generate must wait, "" when it need not. */
  problem(): string {
    if (!this.needed() || this.select.value) return "";
    return this.vendors.length ? "Choose the vendor to review." : "The source names no vendor: pick the data with its vendor column.";
  }

  private needed(): boolean {
    return this.kind !== undefined && kindInfo(this.kind).subject === "vendor";
  }

  private render(): void {
    const names = this.wanted && !this.vendors.includes(this.wanted) ? [this.wanted, ...this.vendors] : this.vendors;
    this.select.replaceChildren(
      el("option", { value: "", text: names.length ? "(choose a vendor)" : "(no vendor in the source)" }),
      ...names.map((v) => el("option", { value: v, text: v })),
    );
    this.select.value = this.wanted && names.includes(this.wanted) ? this.wanted : "";
  }
}
