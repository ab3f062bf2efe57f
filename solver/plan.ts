import { buildCandidates } from "./candidates";
import { marginalValues } from "./core/duals";
import { WarmTransport } from "./core/simplex/warm-transport";
import { withFallback } from "./fallback";
import { buildInstance } from "./instance";
import { candidateCsr } from "./solve-allocation";
import type { AllocationInput, Provision } from "./types";

export interface PlanStep {
	/** The provision that gets the step's new place. */
	provisionId: string;
	/** What the place saves (the matcher's objective, £ a year): its marginal value, re-solved. */
	saving: number;
	/** The optimum after the step. */
	objective: number;
}

export interface PlacesPlan {
	/** The optimum before any new place. */
	objective: number;
	steps: PlanStep[];
	/** Why fewer steps than asked: every eligible provision's next place would save nothing. */
	stoppedEarly: boolean;
	/** Re-solves from the previous optimum's basis, and their pivots (the cold solve apart). */
	warmResolves: number;
	warmPivots: number;
}

/**
 * "Where would K new places save most?" Greedily, one place at a time: the exact marginal
 * value of one more place at every eligible provision comes from the optimal residual network
 * (see marginalValues); the place goes where it is largest (the first such provision on a tie),
 * the round is re-solved warm from the previous optimum's simplex basis, and the saving that
 * re-solve finds is the step's (it equals the marginal value: a shadow-price check). Eligible
 * provisions with no places today get edges as if they had one, then start at 0.
 */
export function planPlaces(
	input: AllocationInput,
	eligible: (p: Provision) => boolean,
	places: number,
): PlacesPlan {
	const opened = input.provisions.map((p) =>
		eligible(p) && p.capacity < 1 ? { ...p, capacity: 1 } : p,
	);
	const base = buildInstance({ ...input, provisions: opened });
	const { instance, edges } = withFallback(base, buildCandidates(base));
	const csr = candidateCsr(instance, edges, []);
	const warm = new WarmTransport(csr);
	// buildInstance orders provisions by id: read each one's own capacity and eligibility by id.
	const given = new Map(input.provisions.map((p) => [p.id, p]));
	const candidates: number[] = [];
	base.provisions.forEach((p, j) => {
		const original = given.get(p.id) as Provision;
		if (p.capacity !== original.capacity) warm.setCapacity(j, original.capacity);
		if (eligible(original)) candidates.push(j);
	});
	let current = warm.resolve();
	const objective = current.objective;
	const steps: PlanStep[] = [];
	while (steps.length < places && candidates.length > 0) {
		const { gain } = marginalValues(warm.csr, current.flow, current.flow.potential);
		let best = candidates[0] as number;
		for (const j of candidates) if ((gain[j] as number) > (gain[best] as number)) best = j;
		if ((gain[best] as number) <= 0) break;
		warm.setCapacity(best, (warm.csr.capacity[best] as number) + 1);
		const before = current.objective;
		current = warm.resolve();
		const saving = before - current.objective;
		if (saving !== gain[best]) throw new Error("a re-solve disagrees with the marginal value");
		steps.push({
			provisionId: (base.provisions[best] as Provision).id,
			saving,
			objective: current.objective,
		});
	}
	return {
		objective,
		steps,
		stoppedEarly: steps.length < places,
		warmResolves: warm.resolves,
		warmPivots: warm.warmPivots,
	};
}
