/**
 * The matcher of the London SEND Placement Brokerage: pure functions, plain data in and out.
 * See solveAllocation (a round of children), solveGreedy (the baseline a panel would reach
 * alone) and solveTransportation (the geography-free core, e.g. for OR-Library instances).
 */
export { buildCandidates, type CandidateEdges } from "./candidates";
export { canonicalAllocation, canonicalJson, SOLVER_VERSION } from "./canonical";
export { type HighsModule, HighsNotSolvedError } from "./core/highs";
export { LpTooLargeError } from "./core/lp";
export type { TransportEdge, TransportEdgeArrays, TransportInput } from "./core/problem";
export {
	type CoreOptions,
	solveTransportation,
	type TransportEngine,
	type TransportResult,
} from "./core/transport";
export type { OptimalityCertificate } from "./core/verify";
export { type GreedyResult, solveGreedy } from "./greedy";
export { buildInstance, type Instance } from "./instance";
export { defaultParams, journeyLimitFor } from "./params";
export { type PlacesPlan, type PlanStep, planPlaces } from "./plan";
export type * from "./result-types";
export { RULES, type RuleFailure } from "./rules";
export { type SolveProgress, solveAllocation } from "./solve-allocation";
export type * from "./types";
export { NEED_TYPES } from "./types";
