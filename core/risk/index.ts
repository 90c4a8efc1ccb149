/** The vendor risk register: assessments per dimension rolled into a risk index 0-100. */
export { dimensionKey } from "./dimension";
export { dimensionWeights, isRegister, readRegister, registerSupplyRisk, riskIndex, type Dimension, type Register } from "./register";
export { normalise, riskScale, type RiskScale } from "./scale";
export { RISK_SCHEMA, type RiskField } from "./schema";
export { readRiskWeights, withoutRiskWeights, type RiskWeights } from "./weights";
