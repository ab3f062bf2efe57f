import { EdgeBuffer } from "./edge-buffer";
import { type Instance, preferenceRanks } from "./instance";
import { journeyLimitFor } from "./params";
import { checkPair } from "./rules";
import { greatCircleReach, MILES_PER_DEGREE_LAT } from "./travel";
import type { Provision } from "./types";

/**
 * Feasible (child, provision) edges as parallel typed arrays, grouped by child and sorted by
 * total cost then provision index. Every cost part is in whole pounds, so totals are exact.
 * Edges to provisions with no free place are kept too: the flow can never use them (capacity
 * 0), but they are what makes "one more place there" computable for a shadow price.
 */
export interface CandidateEdges {
	count: number;
	child: Int32Array;
	provision: Int32Array;
	miles: Float64Array;
	minutes: Float64Array;
	placeFunding: Float64Array;
	topUp: Float64Array;
	fee: Float64Array;
	transport: Float64Array;
	valueOfTime: Float64Array;
	/** Credit subtracted from the total (0 when not a preference). */
	preferenceCredit: Float64Array;
	/** 1-based parental rank of the provision's setting, 0 when not preferred. */
	preferenceRank: Int32Array;
	total: Float64Array;
	/** Edges of child i are [childStart[i], childStart[i + 1]). */
	childStart: Int32Array;
}

/** Provisions designated for each need, sorted by latitude for a cheap reach window. */
interface NeedIndex {
	provision: Int32Array;
	lat: Float64Array;
}

function provisionsByNeed(provisions: Provision[]): Map<string, NeedIndex> {
	const byNeed = new Map<string, number[]>();
	provisions.forEach((p, j) => {
		for (const need of new Set(p.needTypes)) byNeed.set(need, [...(byNeed.get(need) ?? []), j]);
	});
	const index = new Map<string, NeedIndex>();
	for (const [need, list] of byNeed) {
		const lat = (j: number) => (provisions[j] as Provision).lat;
		list.sort((a, b) => lat(a) - lat(b) || a - b);
		index.set(need, { provision: Int32Array.from(list), lat: Float64Array.from(list, lat) });
	}
	return index;
}

/** First position whose latitude is ≥ value. */
function lowerBound(lat: Float64Array, value: number): number {
	let lo = 0;
	let hi = lat.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((lat[mid] as number) < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function buildCandidates(instance: Instance): CandidateEdges {
	const { children, provisions, params, matrix } = instance;
	const cost = params.cost;
	const byNeed = provisionsByNeed(provisions);
	const out = new EdgeBuffer(children.length, 16 * children.length);
	const scratch = new EdgeBuffer(1, provisions.length);
	const order: number[] = [];
	const empty: NeedIndex = { provision: new Int32Array(0), lat: new Float64Array(0) };
	children.forEach((child, i) => {
		const ranks = preferenceRanks(child);
		const need = byNeed.get(child.primaryNeed) ?? empty;
		// Without a travel-matrix row, only provisions within reach by latitude can qualify.
		const reach =
			greatCircleReach(journeyLimitFor(child, params), params.travel) / MILES_PER_DEGREE_LAT;
		const windowed = matrix?.[child.id] === undefined;
		const from = windowed ? lowerBound(need.lat, child.lat - reach) : 0;
		const to = windowed ? lowerBound(need.lat, child.lat + reach + 1e-9) : need.lat.length;
		scratch.count = 0;
		for (let k = from; k < to; k++) {
			const j = need.provision[k] as number;
			const p = provisions[j] as Provision;
			const journey = checkPair(child, p, params, matrix, false);
			if (typeof journey === "string") continue;
			const rank = ranks.get(p.settingUrn) ?? 0;
			const e = scratch.count++;
			scratch.provision[e] = j;
			scratch.miles[e] = journey.miles;
			scratch.minutes[e] = journey.minutes;
			scratch.placeFunding[e] = Math.round(p.cost.placeFunding);
			scratch.topUp[e] = Math.round(p.cost.topUp);
			scratch.fee[e] = Math.round(p.cost.fee);
			scratch.transport[e] = Math.round(
				Math.max(cost.transportMinimumAnnual, cost.transportPerMileAnnual * journey.miles),
			);
			scratch.valueOfTime[e] = Math.round(cost.valueOfTimePerMinuteAnnual * journey.minutes);
			scratch.preferenceCredit[e] = rank > 0 ? Math.round(cost.preferenceCredit[rank - 1] ?? 0) : 0;
			scratch.preferenceRank[e] = rank;
			scratch.total[e] =
				(scratch.placeFunding[e] as number) +
				(scratch.topUp[e] as number) +
				(scratch.fee[e] as number) +
				(scratch.transport[e] as number) +
				(scratch.valueOfTime[e] as number) -
				(scratch.preferenceCredit[e] as number);
		}
		order.length = scratch.count;
		for (let e = 0; e < scratch.count; e++) order[e] = e;
		const { total, provision } = scratch;
		order.sort(
			(a, b) =>
				(total[a] as number) - (total[b] as number) ||
				(provision[a] as number) - (provision[b] as number),
		);
		out.childStart[i] = out.count;
		out.reserve(order.length);
		for (const e of order) out.copyFrom(scratch, e, i);
	});
	out.childStart[children.length] = out.count;
	return out.finish();
}
