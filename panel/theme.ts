import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

/**
 * The pane's look: Fluent 2 design tokens as CSS custom properties (`--colorBrandBackground`,
 * `--fontSizeBase300`, ...), read by the Fluent web components and by panel.css alike. One panel,
 * two faces: Office's Fluent theme in Excel (light or dark, following the document's Office
 * theme) and Google Workspace's Material colours, type and button shape in Sheets, set through
 * the same tokens so no component knows which host it is in.
 */
export interface PaneTheme {
  /** `office-light`, `office-dark` or `workspace`; set on the pane as `data-look` for the few rules that differ. */
  readonly look: "office-light" | "office-dark" | "workspace";
  readonly tokens: Readonly<Record<string, string | number>>;
}

/** What Office reports of its theme (`Office.context.officeTheme`); every field may be missing. */
export interface OfficeThemeInfo {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Tokens of our own beside Fluent's: the radius of text fields and selects, which Material keeps square-ish while its buttons are pills. */
const FIELD = { vsFieldRadius: "4px", vsControlHeight: "32px" };

/** Relative luminance of `#rrggbb` (WCAG), or undefined for anything else. */
function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * Fluent 2's web theme, dark when Office says so (or when its body background is dark), with
 * Office's own body colours where it gives them; light when there is no Office theme at all.
 */
export function officeTheme(info?: OfficeThemeInfo | null): PaneTheme {
  const bg = luminance(info?.bodyBackgroundColor);
  const dark = info?.isDarkTheme ?? (bg !== undefined && bg < 0.2);
  const base = dark ? webDarkTheme : webLightTheme;
  const body = bg !== undefined && luminance(info?.bodyForegroundColor) !== undefined
    ? { colorNeutralBackground1: info!.bodyBackgroundColor!, colorNeutralForeground1: info!.bodyForegroundColor! }
    : {};
  return { look: dark ? "office-dark" : "office-light", tokens: { ...base, ...FIELD, ...body } };
}

/**
 * Google Workspace's look for the Sheets sidebar, in Fluent's token names: Google's type
 * (Google Sans, then Roboto and Arial, never fetched), Workspace blue for the primary action,
 * medium-weight button labels (the pill shape is panel.css's), Material's outline and surface colours, and
 * Google's tinted status colours for message bars.
 */
export function workspaceTheme(): PaneTheme {
  const blue = "#0b57d0";
  return {
    look: "workspace",
    tokens: {
      ...webLightTheme,
      ...FIELD,
      vsControlHeight: "36px",
      fontFamilyBase: "'Google Sans Text', 'Google Sans', Roboto, Arial, sans-serif",
      fontWeightSemibold: 500,
      colorBrandBackground: blue,
      colorBrandBackgroundHover: "#0a4eb9",
      colorBrandBackgroundPressed: "#0842a0",
      colorCompoundBrandBackground: blue,
      colorCompoundBrandStroke: blue,
      colorCompoundBrandStrokeHover: "#0a4eb9",
      colorCompoundBrandStrokePressed: "#0842a0",
      colorBrandForeground1: blue,
      colorBrandForegroundLink: blue,
      colorBrandForegroundLinkHover: "#0842a0",
      colorBrandStroke1: blue,
      colorStrokeFocus2: blue,
      colorNeutralForeground1: "#1f1f1f",
      colorNeutralForeground2: "#444746",
      colorNeutralForeground3: "#5e5e5e",
      colorNeutralForegroundOnBrand: "#ffffff",
      colorNeutralStroke1: "#747775",
      colorNeutralStroke1Hover: "#1f1f1f",
      colorNeutralStroke2: "#c4c7c5",
      colorNeutralStrokeAccessible: "#747775",
      colorNeutralBackground1: "#ffffff",
      colorNeutralBackground1Hover: "#f2f2f2",
      colorNeutralBackground2: "#f8fafd",
      colorNeutralBackground3: "#f0f4f9",
      colorSubtleBackgroundHover: "#e9eef6",
      colorSubtleBackgroundPressed: "#dde3ea",
      colorPaletteGreenBackground1: "#e6f4ea",
      colorPaletteGreenBorder1: "#ceead6",
      colorPaletteRedBackground1: "#fce8e6",
      colorPaletteRedBorder1: "#f6aea9",
      colorPaletteDarkOrangeBackground1: "#fef7e0",
      colorPaletteDarkOrangeBorder1: "#fdd663",
    },
  };
}
