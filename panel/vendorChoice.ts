import { kindInfo, reviewGroups, vendorsIn, type ConfigGrid, type ReportKind, type ReviewGroup } from "../core/report";
import { Dropdown, button, el } from "./dom";
import type { NamedSource, PanelSource, SelectionInfo, SourceCells } from "./host";

/**
 * Whom a report about one vendor is for (a business review): a labelled choice of the vendors the
 * source names, or every vendor of a standing or a relationship tier (one sheet each), shown only
 * for such a kind. The vendors follow the source as the pane reads it, the standings the weights
 * table; a stored report's vendor stays chosen even when the source no longer names it, so the
 * refresh says what is wrong rather than the pane picking another vendor.
 */
export class VendorChoice {
  readonly element: HTMLElement;
  private readonly select: Dropdown;
  private vendors: readonly string[] = [];
  private kind: ReportKind | undefined;
  private wanted = "";
  private source: { cells: SourceCells; mapping: ConfigGrid } | undefined;

  /** `config` gives the weights table as the pane shows it (its standing rows name the standings); `tickets` shows with the choice. */
  constructor(private readonly config: () => ConfigGrid, private readonly changed: () => void, tickets?: TicketChoice) {
    this.select = new Dropdown("Vendor", { id: "vs-vendor" });
    this.element = el("div", { id: "vs-vendor-row", hidden: "" }, el("label", { class: "vs-label", for: "vs-vendor", text: "Vendor" }), this.select.element, ...(tickets ? [tickets.element] : []));
    this.select.onChange(() => {
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
    // The vendors, then each group, named for what it covers ("Standing Poor", "Tier Key").
    const choices = [
      { value: "", text: vendors.length ? "(choose a vendor)" : "(no vendor in the source)" },
      ...vendors.map((v) => ({ value: VENDOR + v, text: v })),
      ...groups.map((g) => ({ value: groupValue(g), text: `${g.by === "standing" ? "Standing" : "Tier"} ${g.name}` })),
    ];
    this.select.setChoices(choices, choices.some((c) => c.value === this.wanted) ? this.wanted : "");
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

/**
 * The optional ticket source of a business review (its SLA part): none, a table or named range,
 * or a range taken from the selection, shown with the vendor choice and stored with the report.
 */
export class TicketChoice {
  readonly element: HTMLElement;
  private readonly select: Dropdown;
  private range: { source: PanelSource; label: string } | null = null;
  private named: readonly NamedSource[] = [];

  constructor(selection: () => Promise<SelectionInfo>) {
    this.select = new Dropdown("Tickets for SLA (optional)", { id: "vs-tickets" });
    const use = button("subtle", { id: "vs-tickets-use-selection", size: "small" }, "Use selection");
    this.element = el("div", { id: "vs-tickets-row" },
      el("div", { class: "vs-choice" }, el("label", { for: "vs-tickets", text: "Tickets for SLA (optional)" }), use),
      el("div", { class: "vs-indent" }, this.select.element));
    use.addEventListener("click", () =>
      void selection().then((s) => {
        if (!s.address) return;
        this.range = { source: { type: "range", sheet: s.sheet, address: s.local }, label: `${s.address} (${s.rows} × ${s.columns})` };
        this.render("range");
      }),
    );
    this.render("");
  }

  /** The workbook's tables and named ranges, as the pane lists them. */
  setNamed(sources: readonly NamedSource[]): void {
    this.named = sources;
    this.render(this.select.value);
  }

  /** A stored report's ticket source, chosen again when the pane edits it. */
  set(source: PanelSource | undefined, label = ""): void {
    if (source?.type === "range") {
      this.range = { source, label };
      this.render("range");
    } else if (source?.type === "named") {
      if (!this.named.some((s) => s.name === source.name)) this.named = [...this.named, { name: source.name, type: "named range" }];
      this.render(`name:${source.name}`);
    } else this.render("");
  }

  value(): PanelSource | undefined {
    const v = this.element.hidden ? "" : this.select.value;
    if (v === "range") return this.range?.source;
    return v.startsWith("name:") ? { type: "named", name: v.slice(5) } : undefined;
  }

  private render(keep: string): void {
    const choices = [
      { value: "", text: "None" },
      ...(this.range ? [{ value: "range", text: this.range.label }] : []),
      ...this.named.map((s) => ({ value: `name:${s.name}`, text: `${s.name} (${s.type})` })),
    ];
    this.select.setChoices(choices, choices.some((c) => c.value === keep) ? keep : "");
  }
}
