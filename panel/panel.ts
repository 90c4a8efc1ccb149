import { createCatalog, dateToSerial, serialOf } from "../core";
import { PANE_KINDS, cleanSheetName, kindInfo, splitMapping, takesSurvey, validateConfig, type AsOfRule, type ReportKind } from "../core/report";
import { ConfigTable } from "./configTable";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { button, Dropdown, el, isDisabled, messageBar, RadioGroup, setDisabled, spinner, textField } from "./dom";
import { scheduleLabel, type EditableReport, type HostResult, type NamedSource, type PanelHost, type PanelRequest, type PanelSource, type ReportStatus, type Schedule, type SourceCells } from "./host";
import { renderReports } from "./reportsList";
import { SourceCheck } from "./sourceCheck";
import { TicketChoice, VendorChoice } from "./vendorChoice";
import { officeTheme, type PaneTheme } from "./theme";

export interface PanelOptions {
  /** Formats ISO times for the reports list; the host's locale by default. */
  readonly formatTime?: (iso: string) => string;
  /** The host's look: Office's Fluent theme (light by default) or Google Workspace's. */
  readonly theme?: PaneTheme;
}

/**
 * Builds the pane inside `root` and wires it to a host. Everything the pane does to the
 * workbook goes through `host`; validation uses the core's own parsers, so the pane blocks
 * Generate on exactly the input the functions would reject.
 */
export function mountPanel(root: HTMLElement, host: PanelHost, options: PanelOptions = {}): { refresh(): Promise<void> } {
  const formatTime = options.formatTime ?? ((iso: string) => new Date(iso).toLocaleString());
  const theme = options.theme ?? officeTheme();
  setTheme(theme.tokens);
  root.dataset["look"] = theme.look;
  // The pane's own parse cache for the column form and summary; "today" matters to neither.
  const cx = createCatalog({ today: () => dateToSerial(new Date()) }).context;

  const selection = el("input", { type: "radio", name: "vs-source", id: "vs-source-selection", value: "selection", checked: "" });
  const named = el("input", { type: "radio", name: "vs-source", id: "vs-source-named", value: "named" });
  const address = el("span", { id: "vs-selection", class: "vs-address", text: "…" });
  const useSelection = button("subtle", { id: "vs-use-selection", size: "small" }, "Use selection");
  const namedSelect = new Dropdown("Table or named range", { id: "vs-named" });
  // An optional survey (for the kinds whose function takes one): none, a table or named range, or a range taken from the selection.
  const surveySelect = new Dropdown("Survey (optional)", { id: "vs-survey" });
  const surveyUseSelection = button("subtle", { id: "vs-survey-use-selection", size: "small" }, "Use selection");
  const surveyRow = el("div", { id: "vs-survey-row" },
    el("div", { class: "vs-choice" }, el("label", { for: "vs-survey", text: "Survey (optional)" }), surveyUseSelection),
    el("div", { class: "vs-indent" }, surveySelect.element));

  const kindSelect = new Dropdown("Report type", { id: "vs-kind" });
  kindSelect.setChoices(PANE_KINDS.map((k) => ({ value: k, text: kindInfo(k).label })));
  const hint = el("p", { class: "vs-hint", id: "vs-hint" });
  const config = new ConfigTable("vs-config", "Weights", validate);
  // The calendar has no header row: its first row (workdays) is data like the others.
  const calendar = new ConfigTable("vs-calendar", "Business hours", validate, false);
  const check = new SourceCheck(() => config.get(), cx, () => updateAction());
  const tickets = new TicketChoice(() => host.getSelection());
  const vendor = new VendorChoice(() => config.get(), () => updateAction(), tickets);

  const asOfRule = new RadioGroup("vs-asof-legend", "today", { id: "vs-asof", name: "vs-asof" },
    { id: "vs-asof-today", value: "today", label: "Today" },
    { id: "vs-asof-fixed", value: "fixed", label: "On a date" });
  const asOfDate = el("input", { type: "date", id: "vs-asof-date", "aria-label": "As-of date" });
  const output = textField("Output sheet", { id: "vs-output", maxlength: "31", class: "vs-field" });
  const generate = button("primary", { id: "vs-generate", class: "vs-primary" }, "Generate");
  const editingNote = el("p", { class: "vs-editing-note", id: "vs-editing", hidden: "" });
  const blocked = el("p", { class: "vs-issue", id: "vs-blocked", role: "status", hidden: "" });
  const newReport = button("subtle", { id: "vs-new-report", size: "small" }, "New report");
  const message = el("div", { id: "vs-message", role: "status", "aria-live": "polite" });
  const progress = spinner("Working…", { id: "vs-progress", hidden: "" });

  const reports = el("ul", { id: "vs-reports", class: "vs-reports" });
  const refreshAll = button("secondary", { id: "vs-refresh-all" }, "Refresh all");
  const schedule = new Dropdown("Auto-refresh", { id: "vs-schedule" });
  schedule.setChoices(host.schedules.map((s) => ({ value: s, text: scheduleLabel(s) })));

  root.classList.add("vs-panel");
  root.replaceChildren(
    el("section", {},
      el("h2", { text: "Source" }),
      el("div", { class: "vs-choice" }, selection, el("label", { for: "vs-source-selection" }, "Range ", address), useSelection),
      el("div", { class: "vs-choice" }, named, el("label", { for: "vs-source-named", text: "Table or named range" })),
      el("div", { class: "vs-indent" }, namedSelect.element),
      surveyRow),
    // In the order of the work: source, report kind, its settings, the columns it reads, as of, output.
    el("section", {},
      el("h2", { text: "Report" }),
      el("div", { class: "vs-row" }, editingNote, newReport),
      el("label", { class: "vs-label", for: "vs-kind", text: "Report type" }),
      kindSelect.element, hint, vendor.element, config.element, calendar.element, check.element,
      el("fieldset", { class: "vs-asof" },
        el("legend", { class: "vs-label", id: "vs-asof-legend", text: "As of" }),
        asOfRule.element,
        el("div", { class: "vs-indent" }, asOfDate)),
      output),
    // The primary action, pinned to the bottom of the pane: in view whatever is scrolled.
    el("div", { class: "vs-action-bar" }, generate, progress, blocked, message),
    el("section", {},
      el("h2", { text: "Reports in this workbook" }),
      reports,
      el("div", { class: "vs-row vs-refresh" }, refreshAll, el("label", { class: "vs-label", for: "vs-schedule", text: "Auto-refresh" }), schedule.element)),
  );

  // The source is what the pane shows: a range taken from the selection when the user says so
  // (and once when the pane opens), or a table / named range. Generate moves the focus to the new
  // sheet; the source does not follow it.
  let range: PanelSource | null = null;
  // The stored report being edited: Generate regenerates it into its own sheet.
  let editing: EditableReport | null = null;

  function setEditing(r: EditableReport | null): void {
    editing = r;
    editingNote.hidden = !r;
    newReport.hidden = !r;
    editingNote.textContent = r ? `Editing the report "${r.output}": Generate updates its sheet.` : "";
    generate.textContent = r ? "Update report" : "Generate";
    output.disabled = r !== null;
  }

  // The field's value as typed; its `value` attribute too, which the component reads as its value until the user types.
  const outputName = () => output.value ?? "";
  function setOutputName(name: string): void {
    output.setAttribute("value", name);
    output.value = name;
  }

  let issues = 0;
  function validate(): void {
    const kind = kindSelect.value as ReportKind;
    const found = validateConfig(kind, config.get(), kindInfo(kind).calendar ? calendar.get() : [], cx);
    config.showIssues(found.filter((i) => i.table === "config"));
    calendar.showIssues(found.filter((i) => i.table === "calendar"));
    const badDate = asOfRule.value === "fixed" && asOfDate.value === "";
    asOfDate.classList.toggle("vs-invalid", badDate);
    issues = found.length + (badDate ? 1 : 0);
    vendor.configChanged();
    updateAction();
    if (found.length === 0) check.refreshSummary();
  }

  /** Generate is blocked, with the reason beside it, while a config row or the source has a problem. */
  function updateAction(): void {
    const reason = issues > 0 ? "Fix the highlighted entry above to generate." : check.problem() ? `The source cannot be used: ${check.problem()}` : vendor.problem();
    setDisabled(generate, reason !== "");
    blocked.hidden = reason === "";
    blocked.textContent = reason;
  }

  /** A message belongs to what produced it: it goes when the report kind or the source changes. */
  function clearMessage(): void {
    message.className = "";
    message.replaceChildren();
  }

  // The survey choices: a range taken from the selection (kept with its label) and the workbook's tables and named ranges.
  let surveyRange: { source: PanelSource; label: string } | null = null;
  let namedSources: readonly NamedSource[] = [];
  function renderSurvey(keep = surveySelect.value): void {
    surveySelect.setChoices([
      { value: "", text: "None" },
      ...(surveyRange ? [{ value: "range", text: surveyRange.label }] : []),
      ...namedSources.map((s) => ({ value: `name:${s.name}`, text: `${s.name} (${s.type})` })),
    ], keep);
  }

  function surveyChoice(kind: ReportKind): PanelSource | undefined {
    const v = surveySelect.value;
    if (!takesSurvey(kind)) return undefined;
    if (v === "range") return surveyRange?.source;
    return v.startsWith("name:") ? { type: "named", name: v.slice(5) } : undefined;
  }

  function setKind(kind: ReportKind): void {
    // Another kind is another report: the one being edited is left as it is.
    if (editing && editing.kind !== kind) setEditing(null);
    clearMessage();
    const info = kindInfo(kind);
    surveyRow.hidden = !takesSurvey(kind);
    check.setKind(kind);
    vendor.setKind(kind);
    hint.textContent = info.source.hint;
    config.element.hidden = !info.config;
    config.element.querySelector("legend")!.textContent = info.config?.label ?? "";
    config.set(info.config?.defaults ?? []);
    calendar.element.hidden = !info.calendar;
    calendar.set(info.calendar?.defaults ?? []);
    const previous = PANE_KINDS.some((k) => kindInfo(k).defaultOutput === outputName());
    if (outputName() === "" || previous) setOutputName(info.defaultOutput);
    validate();
  }

  function asOf(): AsOfRule {
    if (asOfRule.value !== "fixed") return "today";
    const [y, m, d] = asOfDate.value.split("-").map(Number);
    return serialOf(y!, m!, d!);
  }

  function show(r: HostResult): void {
    message.className = r.ok ? "vs-ok" : "vs-error";
    message.replaceChildren(
      messageBar(r.ok ? "success" : "error", el("p", { text: r.message })),
      ...(r.notice ? [messageBar("warning", el("p", { class: "vs-notice", text: r.notice }))] : []),
    );
  }

  async function busy(action: HTMLElement, work: () => Promise<HostResult>): Promise<void> {
    setDisabled(action, true);
    root.setAttribute("aria-busy", "true");
    progress.hidden = false;
    // Let the spinner paint before work that may hold the thread (reading a large source).
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 50);
    });
    try {
      show(await work());
    } catch (e) {
      show({ ok: false, message: `Something went wrong: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      root.removeAttribute("aria-busy");
      progress.hidden = true;
      setDisabled(action, false);
      updateAction();
      await refresh();
    }
  }

  /** Takes the selection as the source. */
  async function useCurrentSelection(): Promise<void> {
    const s = await host.getSelection();
    range = s.address ? { type: "range", sheet: s.sheet, address: s.local } : null;
    address.textContent = s.address ? `${s.address} (${s.rows} × ${s.columns})` : "nothing selected";
  }

  function sourceChoice(): PanelSource | null {
    return named.checked ? (namedSelect.value ? { type: "named", name: namedSelect.value } : null) : range;
  }

  // Reads may overlap (a click while the last read is under way): only the latest one is shown.
  let reads = 0;
  async function loadSource(): Promise<void> {
    if (!host.readSource) return;
    const seq = ++reads;
    const source = sourceChoice();
    let cells: SourceCells;
    try {
      cells = source ? await host.readSource(source) : { ok: false, message: "Select the data with its header row, then Use selection; or pick a table or named range." };
    } catch (e) {
      cells = { ok: false, message: `The source could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (seq !== reads) return;
    check.setSource(cells);
    vendor.setSource(cells, check.rows());
    updateAction();
  }

  const actions = {
    open: (id: string) => void host.openReport(id),
    refresh: (id: string) => void busy(refreshAll, () => host.refreshReport(id)),
    edit: (id: string) => void edit(id),
    remove: (id: string, name: string) => {
      if (!confirm(`Delete the report "${name || id}" and its sheet?`)) return;
      if (editing?.id === id) setEditing(null);
      void busy(refreshAll, () => host.deleteReport(id, true));
    },
  };

  /** Fills the form with a stored report; Generate then updates it. */
  async function edit(id: string): Promise<void> {
    const r = await host.openReport(id);
    if (!r) return show({ ok: false, message: "That report can no longer be read: delete it and generate it again." });
    kindSelect.value = r.kind;
    setEditing(r);
    setKind(r.kind);
    // Mapping rows go back to the column form, where they can be changed or undone.
    const stored = splitMapping(r.kind, r.config);
    config.set(stored.config);
    check.setChoices(stored.choices);
    if (kindInfo(r.kind).calendar) calendar.set(r.calendar);
    vendor.set(r.vendor, r.group);
    tickets.set(r.tickets, r.ticketsLabel);
    setOutputName(r.output);
    if (typeof r.asOf === "number") {
      asOfRule.value = "fixed";
      const d = new Date(Math.round((r.asOf - 25569) * 86_400_000));
      asOfDate.value = d.toISOString().slice(0, 10);
    } else asOfRule.value = "today";
    if (r.source.type === "named") {
      named.checked = true;
      namedSelect.value = r.source.name;
    } else {
      selection.checked = true;
      range = r.source;
      address.textContent = r.sourceLabel;
    }
    if (r.survey?.type === "range") {
      surveyRange = { source: r.survey, label: r.surveyLabel ?? "" };
      renderSurvey("range");
    } else if (r.survey?.type === "named") {
      if (!namedSources.some((s) => r.survey?.type === "named" && s.name === r.survey.name)) namedSources = [...namedSources, { name: r.survey.name, type: "named range" }];
      renderSurvey(`name:${r.survey.name}`);
    } else renderSurvey("");
    validate();
    await loadSource();
  }

  async function refresh(): Promise<void> {
    const [list, sources, current] = await Promise.all([host.listReports(), host.listSources(), host.getSchedule()]);
    renderReports(reports, list as ReportStatus[], formatTime, actions, editing?.id ?? "");
    namedSelect.setChoices(sources.length ? sources.map((s) => ({ value: s.name, text: `${s.name} (${s.type})` })) : [{ value: "", text: `None in this ${host.hostName === "Excel" ? "workbook" : "spreadsheet"}` }]);
    namedSelect.disabled = sources.length === 0;
    named.disabled = sources.length === 0;
    namedSources = sources;
    renderSurvey();
    tickets.setNamed(sources);
    schedule.value = current;
    await loadSource();
  }

  kindSelect.onChange(() => setKind(kindSelect.value as ReportKind));
  asOfRule.element.addEventListener("change", validate);
  asOfDate.addEventListener("input", () => {
    asOfRule.value = "fixed";
    validate();
  });
  /** Another source is another context: the last message goes with the old one. */
  function sourceChanged(): void {
    clearMessage();
    void loadSource();
  }
  namedSelect.onChange(() => {
    named.checked = true;
    sourceChanged();
  });
  named.addEventListener("change", sourceChanged);
  selection.addEventListener("change", sourceChanged);
  useSelection.addEventListener("click", () => {
    clearMessage();
    selection.checked = true;
    void useCurrentSelection().then(loadSource);
  });
  surveyUseSelection.addEventListener("click", () =>
    void host.getSelection().then((s) => {
      if (!s.address) return;
      surveyRange = { source: { type: "range", sheet: s.sheet, address: s.local }, label: `${s.address} (${s.rows} × ${s.columns})` };
      renderSurvey("range");
    }),
  );
  newReport.addEventListener("click", () => setEditing(null));
  generate.addEventListener("click", () =>
    void busy(generate, async () => {
      const kind = kindSelect.value as ReportKind;
      const source = sourceChoice();
      if (!source) return { ok: false, message: "Select the data with its header row, then Use selection; or pick a table or named range." };
      const survey = surveyChoice(kind);
      const subject = vendor.value();
      const group = vendor.group();
      const ticketSource = subject || group ? tickets.value() : undefined;
      const request: PanelRequest = {
        ...(editing ? { id: editing.id } : {}),
        kind,
        source,
        ...(survey ? { survey } : {}),
        ...(subject ? { vendor: subject } : {}),
        ...(group ? { group } : {}),
        ...(ticketSource ? { tickets: ticketSource } : {}),
        // Mapping rows from the column form ride in the weights / policy range, so the stored definition keeps them.
        config: [...config.get(), ...check.rows()],
        calendar: kindInfo(kind).calendar ? calendar.get() : [],
        asOf: asOf(),
        output: cleanSheetName(outputName(), kindInfo(kind).defaultOutput),
      };
      const r = await host.generate(request);
      // The report just made is the one the pane now edits: Generate again updates it.
      if (r.ok && r.reportId) setEditing((await host.openReport(r.reportId, false)) ?? null);
      return r;
    }),
  );
  // Enter in the output name or the as-of date runs the primary action, as in a form.
  for (const field of [output, asOfDate]) {
    field.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter" && !isDisabled(generate)) {
        e.preventDefault();
        generate.click();
      }
    });
  }
  refreshAll.addEventListener("click", () => void busy(refreshAll, () => host.refreshAll()));
  schedule.onChange(() => void host.setSchedule(schedule.value as Schedule).then(show));

  kindSelect.value = PANE_KINDS[0]!;
  setEditing(null);
  setKind(kindSelect.value as ReportKind);
  void useCurrentSelection().then(refresh);
  return { refresh };
}
