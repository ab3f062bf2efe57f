import {
	type AllocationInput,
	type AllocationResult,
	type GreedyResult,
	solveAllocation,
	solveGreedy,
} from "../../../solver/index.js";

/** A round's optimum, the greedy baseline beside it, and how long the optimum took. */
export interface SolvedRound {
	result: AllocationResult;
	greedy: GreedyResult;
	solveMs: number;
	/** The thread that solved it (0: the main thread). */
	threadId: number;
}

/** Solves a round: in this thread, or (Node) in a worker thread off the event loop. */
export type SolveRound = (input: AllocationInput) => Promise<SolvedRound>;

/** The pure solver, called here: one call of solveAllocation, then the greedy baseline. */
export function solveRoundHere(input: AllocationInput, threadId = 0): SolvedRound {
	const started = performance.now();
	const result = solveAllocation(input);
	const solveMs = Math.round(performance.now() - started);
	return { result, greedy: solveGreedy(input), solveMs, threadId };
}

/** In this thread (Workers, tests, CLIs). */
export const solveInThisThread: SolveRound = async (input) => solveRoundHere(input);
