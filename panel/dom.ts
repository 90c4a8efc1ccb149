import "@fluentui/web-components/button.js";
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
}

/**
 * A Fluent 2 text field with its label inside the component, where the component ties it to its
 * own input (a label outside the shadow root would reach no control).
 */
export function textField(label: string, attrs: Record<string, string> = {}): TextField {
  return fill(document.createElement("fluent-text-input") as TextField, attrs, [label]);
}
