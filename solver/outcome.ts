import type { SolvedCore, TransportEngine } from "./core/transport";
import type { Method } from "./result-types";
import type { Assignment } from "./summary";

/** What an engine path hands back before results are explained. */
export interface Outcome {
	method: Method;
	engine: TransportEngine;
	assignment: Assignment;
	objective: number;
	lowerBound: number;
	/** The certified transportation solve, when the allocation is one (for duals). */
	core: SolvedCore | null;
	pruning: { applied: boolean; keptPerChild?: number; rounds?: number; edgesReAdded?: number };
	augmentations: number;
}
