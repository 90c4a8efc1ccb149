/** Excel's custom-function namespace: cells read `=VS.VENDORSCORE(A1:J500, "Acme")`. Used by the manifest and the docs. */
export const NAMESPACE = "VS";
/** Shown in Excel's add-in list and autocomplete tooltips. */
export const ADDIN_NAME = "vendorscore";
