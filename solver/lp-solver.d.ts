/**
 * The parts of javascript-lp-solver 1.0.3 the matcher uses (its JSON model API). The package
 * ships fuller typings; these keep the surface we depend on small and explicit.
 */
declare module "javascript-lp-solver" {
	export interface ConstraintBound {
		min?: number;
		max?: number;
		equal?: number;
	}
	export interface Model {
		optimize: string;
		opType: "max" | "min";
		constraints: Record<string, ConstraintBound>;
		variables: Record<string, Record<string, number>>;
		ints?: Record<string, 1>;
		/** Milliseconds; javascript-lp-solver applies it only inside branch and bound. */
		timeout?: number;
		options?: { tolerance?: number; timeout?: number };
	}
	export interface SolveResult {
		feasible: boolean;
		result: number;
		bounded?: boolean;
		/** Present (true) only when branch and bound ended on an integral solution. */
		isIntegral?: boolean;
		[variable: string]: number | boolean | undefined;
	}
	const solver: { Solve(model: Model): SolveResult };
	export default solver;
}
