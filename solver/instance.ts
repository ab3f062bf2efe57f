import type { FallbackOption } from "./fallback";
import { defaultParams } from "./params";
import type { AllocationInput, Child, Params, Provision, TravelMatrix } from "./types";

/** The input sorted by id and indexed, so that every later step is order-independent. */
export interface Instance {
	children: Child[];
	provisions: Provision[];
	params: Params;
	matrix: TravelMatrix | undefined;
	childIndex: Map<string, number>;
	provisionIndex: Map<string, number>;
	/** Provisions [0, published) are published places; the rest are fallback sinks. */
	published: number;
	/** Each child's independent-sector fallback (null: none; see withFallback). */
	fallback: (FallbackOption | null)[];
}

export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function indexById<T extends { id: string }>(items: T[], what: string): Map<string, number> {
	const index = new Map<string, number>();
	items.forEach((item, i) => {
		if (index.has(item.id)) throw new Error(`duplicate ${what} id: ${item.id}`);
		index.set(item.id, i);
	});
	return index;
}

export function buildInstance(input: AllocationInput): Instance {
	const children = [...input.children].sort((a, b) => compareIds(a.id, b.id));
	const provisions = [...input.provisions].sort((a, b) => compareIds(a.id, b.id));
	for (const p of provisions) {
		if (!Number.isInteger(p.capacity) || p.capacity < 0) {
			throw new Error(`provision ${p.id}: capacity must be an integer ≥ 0`);
		}
	}
	const params = input.params ?? defaultParams;
	if (!(params.cost.unplacedPenalty > 0)) throw new Error("unplacedPenalty must be positive");
	return {
		children,
		provisions,
		params,
		matrix: input.travelMatrix,
		childIndex: indexById(children, "child"),
		provisionIndex: indexById(provisions, "provision"),
		published: provisions.length,
		fallback: children.map(() => null),
	};
}

/** Rank (1-based) of each preferred setting URN; the first mention wins. */
export function preferenceRanks(child: Child): Map<string, number> {
	const ranks = new Map<string, number>();
	(child.preferences ?? []).forEach((urn, i) => {
		if (!ranks.has(urn)) ranks.set(urn, i + 1);
	});
	return ranks;
}
