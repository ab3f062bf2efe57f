export { buildCandidates, type CandidateEdges } from "./candidates";
export type { Csr, TransportEdge, TransportEdgeArrays, TransportInput } from "./core/problem";
export { defaultParams, journeyLimitFor } from "./params";
export type * from "./types";
export { NEED_TYPES } from "./types";
