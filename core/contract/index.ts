/** Contracts: terms rolled forward, statuses and notice dates at an as-of day, spend on and off contract. */
export { judgeContracts, judge, contractLines, offContractShare, vendorCoverage, type JudgedContract } from "./contracts";
export { readContracts, type Contract, type ContractRow } from "./read";
export { CONTRACT_SCHEMA, type ContractField } from "./schema";
export { contractStatus, coverage, currentTerm, DEFAULT_WARN_DAYS, type ContractState, type ContractStatus } from "./status";
export { addMonths, rolledTerm, type Term } from "./term";
export { readContractSettings, type ContractSettings } from "./settings";
