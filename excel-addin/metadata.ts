import type { FunctionDef, ParamSpec, ResultType } from "../core";

/** One entry of Excel's functions.json, as Microsoft's metadata schema names the fields. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  result: { type: "number" | "string" | "any"; dimensionality?: "matrix" };
  parameters: { name: string; description: string; type: "number" | "string" | "any"; dimensionality?: "matrix"; optional?: boolean }[];
}

/**
 * Parameter types: a range is `any` matrix; text is `string`. Numbers and dates are `any`
 * scalars on purpose: a `number` parameter turns a blank cell into 0, which would make an
 * empty threshold cell mean "0" instead of "default", and dates may be typed as text.
 */
function paramMeta(p: ParamSpec): FunctionMetadata["parameters"][number] {
  const m: FunctionMetadata["parameters"][number] = { name: p.name, description: p.description, type: p.type === "string" ? "string" : "any" };
  if (p.type === "range") m.dimensionality = "matrix";
  if (p.optional) m.optional = true;
  return m;
}

function resultMeta(r: ResultType): FunctionMetadata["result"] {
  // A scalar result may be an error value or "", so "number" would be a lie only Excel's type check sees; keep the declared type.
  return r === "table" ? { type: "any", dimensionality: "matrix" } : { type: r };
}

/**
 * Excel's functions.json, generated from the catalog so nothing is described twice.
 * `helpBase` points each function at its section of the generated help page.
 *
 * @example functionsJson(DEFINITIONS, "https://localhost:3000").functions[0].name // "VENDORSCORE"
 */
export function functionsJson(defs: readonly FunctionDef[], helpBase?: string): { functions: FunctionMetadata[] } {
  return {
    functions: defs.map((d) => {
      const m: FunctionMetadata = { id: d.name, name: d.name, description: d.description, result: resultMeta(d.result), parameters: d.params.map(paramMeta) };
      if (helpBase) m.helpUrl = `${helpBase.replace(/\/$/, "")}/help.html#${d.name.toLowerCase()}`;
      return m;
    }),
  };
}
