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

/** How far a round's solve has come, in percent of the whole run (35 started … 90 baseline done). */
export type RoundProgress = (percent: number) => void;

/** Solves a round: in this thread, or (Node) in a worker thread off the event loop. */
export type SolveRound = (input: AllocationInput, progress?: RoundProgress) => Promise<SolvedRound>;

/** The pure solver, called here: one call of solveAllocation, then the greedy baseline. */
export function solveRoundHere(
	input: AllocationInput,
	threadId = 0,
	progress: RoundProgress = () => {},
): SolvedRound {
	const started = performance.now();
	progress(35);
	const result = solveAllocation(input, (fraction) => progress(Math.round(35 + fraction * 50)));
	const solveMs = Math.round(performance.now() - started);
	progress(85);
	const greedy = solveGreedy(input);
	progress(90);
	return { result, greedy, solveMs, threadId };
}

/**
 * In this thread (Workers, tests, CLIs): the event loop is held until the end, so no progress
 * could be written meanwhile; none is reported.
 */
export const solveInThisThread: SolveRound = async (input) => solveRoundHere(input);
