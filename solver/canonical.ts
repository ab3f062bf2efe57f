import type { AllocationResult } from "./result-types";

/**
 * Bump when the solver may answer a given instance differently (another optimum among ties, a
 * changed objective): a stored run replays byte for byte only with the version that solved it.
 */
export const SOLVER_VERSION = "2026.12-lawful-fallback-fair-shares";

/**
 * Canonical JSON: object keys sorted, undefined dropped, arrays in order, numbers as JSON
 * writes them. Equal instances give equal text, however their keys were ordered (a jsonb
 * column reorders them), so its hash identifies the instance.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The allocation a result proposes, canonically: each child's provision, or why not and its fallback. */
export function canonicalAllocation(result: Pick<AllocationResult, "placements" | "unplaced">) {
	const byChild = (a: { childId: string }, b: { childId: string }) =>
		a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0;
	return canonicalJson({
		placements: [...result.placements].sort(byChild).map((p) => [p.childId, p.provisionId]),
		unplaced: [...result.unplaced]
			.sort(byChild)
			.map((u) => [u.childId, u.reason, u.fallback ? u.fallback.total : null]),
	});
}
