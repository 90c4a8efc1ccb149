import "@fluentui/web-components/button.js";
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/field.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/option.js";
import "@fluentui/web-components/radio.js";
import "@fluentui/web-components/radio-group.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/spinner.js";
import "@fluentui/web-components/text-input.js";

/** A tiny element builder: enough for a form, without a framework in a 300px sidebar. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  return fill(e, attrs, children);
}

function fill<E extends HTMLElement>(e: E, attrs: Record<string, string>, children: (Node | string)[]): E {
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** How a Fluent button looks: `primary` for the one action, `subtle` for links and row actions. */
export type Appearance = "primary" | "secondary" | "subtle" | "transparent";

/**
 * A Fluent 2 button (`<fluent-button>`). Its role is also written as an attribute, so that
 * `aria-disabled` (set by `setDisabled`) is read by tools that look at attributes only.
 */
export function button(appearance: Appearance, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const b = fill(document.createElement("fluent-button"), { role: "button", ...(appearance === "secondary" ? {} : { appearance }), ...attrs }, children);
  return b;
}

/** Enables or disables a Fluent button (or any control), keeping `aria-disabled` in step. */
export function setDisabled(b: HTMLElement, disabled: boolean): void {
  b.toggleAttribute("disabled", disabled);
  if (disabled) b.setAttribute("aria-disabled", "true");
  else b.removeAttribute("aria-disabled");
}

export function isDisabled(b: HTMLElement): boolean {
  return b.hasAttribute("disabled");
}

/** A Fluent message bar: success, warning or error, tinted as Office (or Workspace) shows them. */
export function messageBar(intent: "success" | "warning" | "error" | "info", ...children: (Node | string)[]): HTMLElement {
  return fill(document.createElement("fluent-message-bar"), { intent, layout: "multiline" }, children);
}

/** A small Fluent spinner with its words beside it, for work under way. */
export function spinner(text: string, attrs: Record<string, string> = {}): HTMLElement {
  return el("div", { class: "vs-progress", ...attrs }, fill(document.createElement("fluent-spinner"), { size: "tiny", "aria-hidden": "true" }, []), el("span", { text }));
}

/** What the pane uses of a Fluent text input (`<fluent-text-input>`): its value and whether it takes input. */
export interface TextField extends HTMLElement {
  value: string;
  disabled: boolean;
  /** The input inside the component, once it is drawn: where the caret and the invalid state go. */
  readonly control?: HTMLInputElement;
}

/**
 * A Fluent 2 text field with its label inside the component, where the component ties it to its
 * own input (a label outside the shadow root would reach no control).
 */
export function textField(label: string, attrs: Record<string, string> = {}): TextField {
  return fill(document.createElement("fluent-text-input") as TextField, attrs, [label]);
}

/** One choice of a dropdown: what the code reads, and what the user sees. */
export interface Choice {
  readonly value: string;
  readonly text: string;
}

/** What the pane reads of a Fluent option (`<fluent-option>`). */
interface FluentOption extends HTMLElement {
  selected: boolean;
}

/**
 * A Fluent 2 dropdown (`<fluent-dropdown>` holding a `<fluent-listbox>` of `<fluent-option>`s).
 * The component puts its own button in the light DOM as the combobox and gives it no name
 * (axe-core `button-name`, critical) and, until first opened, no `aria-expanded`
 * (`aria-required-attr`, critical): both are written on that button whenever the component
 * inserts it. The selection is kept on the options themselves (their values read from
 * their attributes), which hold it at once, where the component's own `value` waits for its
 * option list to settle after a change and an option's `value` for the option to be in the page.
 */
export class Dropdown {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly label: string, attrs: Record<string, string> = {}) {
    this.list = document.createElement("fluent-listbox");
    this.element = fill(document.createElement("fluent-dropdown"), attrs, [this.list]);
    new MutationObserver(() => this.nameControl()).observe(this.element, { childList: true });
    // Enter on the closed dropdown opens it, and then, being a key on a button, clicks it, which
    // closes it again: the click is dropped, so Enter opens the list as Space and the arrows do.
    this.element.addEventListener("keydown", (e) => {
      if (e.key === "Enter") e.preventDefault();
    });
  }

  /** Replaces the choices, keeping the chosen one where it is still offered (else the first). */
  setChoices(choices: readonly Choice[], keep = this.value): void {
    this.list.replaceChildren(...choices.map((c) => fill(document.createElement("fluent-option"), { value: c.value }, [c.text])));
    this.value = choices.some((c) => c.value === keep) ? keep : choices[0]?.value ?? "";
  }

  get value(): string {
    return this.options().find((o) => o.selected)?.getAttribute("value") ?? "";
  }

  set value(v: string) {
    for (const o of this.options()) o.selected = o.getAttribute("value") === v;
  }

  set disabled(d: boolean) {
    this.element.toggleAttribute("disabled", d);
  }

  /** Calls `f` when the user picks another choice. */
  onChange(f: () => void): void {
    this.element.addEventListener("change", (e) => {
      if (e.target === this.element) f();
    });
  }

  private options(): FluentOption[] {
    return Array.from(this.list.children) as FluentOption[];
  }

  private nameControl(): void {
    const control = this.element.querySelector(":scope > [slot=control]");
    if (!control) return;
    if (control.getAttribute("aria-label") !== this.label) control.setAttribute("aria-label", this.label);
    // A combobox states whether it is open; the component writes it only once it has opened.
    if (!control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
  }
}

/** What the pane uses of a Fluent radio (`<fluent-radio>`). */
export interface Radio extends HTMLElement {
  checked: boolean;
  disabled: boolean;
}

/**
 * A Fluent 2 radio group (`<fluent-radio-group>` of `<fluent-radio>`s, each in a `<fluent-field>`
 * with its label after it). The components give their roles through element internals only, so
 * the field's `aria-labelledby` on a radio reads as an attribute its role does not allow (axe-core
 * `aria-allowed-attr`, critical), and with the role written, its state is missing
 * (`aria-required-attr`, critical): the roles and `aria-checked` are written as attributes too,
 * kept in step with every change.
 */
export class RadioGroup {
  readonly element: HTMLElement;
  readonly radios: Radio[];

  /** `initial` is the value checked at first: the group checks it itself once it is in the page (a radio checked before that is cleared). */
  constructor(labelledBy: string, initial: string, attrs: Record<string, string>, ...choices: { id: string; value: string; label: string }[]) {
    this.radios = choices.map((c) => fill(document.createElement("fluent-radio") as Radio, { id: c.id, value: c.value, slot: "input", role: "radio", "aria-checked": String(c.value === initial), "aria-labelledby": `${c.id}-label` }, []));
    this.element = fill(document.createElement("fluent-radio-group"), { role: "radiogroup", "aria-labelledby": labelledBy, orientation: "vertical", value: initial, ...attrs },
      choices.map((c, i) => fill(document.createElement("fluent-field"), { "label-position": "after" }, [el("label", { slot: "label", for: c.id, id: `${c.id}-label`, text: c.label }), this.radios[i]!])));
    // The change event comes from the radio just checked, before the group clears the others.
    this.element.addEventListener("change", (e) => {
      const picked = this.radios.find((r) => r === e.target && r.checked);
      for (const r of this.radios) r.setAttribute("aria-checked", String(picked ? r === picked : r.checked));
    });
  }

  /** The checked value as the group shows it, `aria-checked` (right at once, even within the change event). */
  get value(): string {
    return this.radios.find((r) => r.getAttribute("aria-checked") === "true")?.getAttribute("value") ?? "";
  }

  set value(v: string) {
    for (const r of this.radios) {
      r.checked = r.getAttribute("value") === v;
      r.setAttribute("aria-checked", String(r.checked));
    }
  }
}
