import { kindInfo, reviewGroups, vendorsIn, type ConfigGrid, type ReportKind, type ReviewGroup } from "../core/report";
import { el } from "./dom";
import type { SourceCells } from "./host";

/**
 * Whom a report about one vendor is for (a business review): a labelled choice of the vendors the
 * source names, or every vendor of a standing or a relationship tier (one sheet each), shown only
 * for such a kind. The vendors follow the source as the pane reads it, the standings the weights
 * table; a stored report's vendor stays chosen even when the source no longer names it, so the
 * refresh says what is wrong rather than the pane picking another vendor.
 */
export class VendorChoice {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private vendors: readonly string[] = [];
  private kind: ReportKind | undefined;
  private wanted = "";
  private source: { cells: SourceCells; mapping: ConfigGrid } | undefined;

  /** `config` gives the weights table as the pane shows it (its standing rows name the standings). */
  constructor(private readonly config: () => ConfigGrid, private readonly changed: () => void) {
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
    else this.render();
  }

  /** The source as read now, with the column form's mapping rows (they may name the vendor column). */
  setSource(cells: SourceCells, mapping: ConfigGrid): void {
    this.source = { cells, mapping };
    this.vendors = cells.ok && this.kind ? vendorsIn(this.kind, cells.values, mapping) : [];
    this.render();
  }

  /** The standings may have changed with the weights table. */
  configChanged(): void {
    if (this.needed()) this.render();
  }

  /** A stored report's vendor or group, chosen again when the pane edits it. */
  set(vendor: string | undefined, group?: ReviewGroup): void {
    this.wanted = group ? groupValue(group) : vendor ? VENDOR + vendor : "";
    this.render();
  }

  /** The vendor for the request, or undefined (a group, or a kind that takes none). */
  value(): string | undefined {
    const v = this.needed() ? this.select.value : "";
    return v && !isGroup(v) ? v.slice(VENDOR.length) : undefined;
  }

  /** The group for the request, or undefined. */
  group(): ReviewGroup | undefined {
    const v = this.needed() ? this.select.value : "";
    return isGroup(v) ? parseGroup(v) : undefined;
  }

  /** Why Generate must wait, "" when it need not. */
  problem(): string {
    if (!this.needed() || this.select.value) return "";
    return "Choose the vendor to review, or a standing or tier.";
  }

  private needed(): boolean {
    return this.kind !== undefined && kindInfo(this.kind).subject === "vendor";
  }

  private render(): void {
    const vendors = this.wanted.startsWith(VENDOR) && !this.vendors.includes(this.wanted.slice(VENDOR.length)) ? [this.wanted.slice(VENDOR.length), ...this.vendors] : this.vendors;
    const groups = this.kind && this.needed() ? reviewGroups(this.kind, this.config()) : [];
    if (isGroup(this.wanted) && !groups.some((g) => groupValue(g) === this.wanted)) groups.push(parseGroup(this.wanted));
    this.select.replaceChildren(
      el("option", { value: "", text: vendors.length ? "(choose a vendor)" : "(no vendor in the source)" }),
      ...(vendors.length ? [el("optgroup", { label: "One vendor" }, ...vendors.map((v) => el("option", { value: VENDOR + v, text: v })))] : []),
      ...(["standing", "tier"] as const).map((by) =>
        el("optgroup", { label: by === "standing" ? "Every vendor of a standing" : "Every vendor of a tier" },
          ...groups.filter((g) => g.by === by).map((g) => el("option", { value: groupValue(g), text: `${by === "standing" ? "Standing" : "Tier"} ${g.name}` })))),
    );
    const values = Array.from(this.select.options).map((o) => o.value);
    this.select.value = values.includes(this.wanted) ? this.wanted : "";
  }
}

/** Option values: `vendor:Acme`, `standing:Poor`, `tier:Key`. */
const VENDOR = "vendor:";
const groupValue = (g: ReviewGroup) => `${g.by}:${g.name}`;
const isGroup = (v: string) => v.startsWith("standing:") || v.startsWith("tier:");
function parseGroup(v: string): ReviewGroup {
  const [by, ...name] = v.split(":");
  return { by: by as ReviewGroup["by"], name: name.join(":") };
}
