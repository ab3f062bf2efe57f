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

interface EdgeRow {
	provision: number;
	miles: number;
	minutes: number;
	parts: [number, number, number, number, number, number];
	rank: number;
	total: number;
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
	const rows: EdgeRow[][] = [];
	let count = 0;
	for (const child of children) {
		const ranks = preferenceRanks(child);
		const list: EdgeRow[] = [];
		const need = byNeed.get(child.primaryNeed) ?? {
			provision: new Int32Array(0),
			lat: new Float64Array(0),
		};
		// Without a travel-matrix row, only provisions within reach by latitude can qualify.
		const reach =
			greatCircleReach(journeyLimitFor(child, params), params.travel) / MILES_PER_DEGREE_LAT;
		const windowed = matrix?.[child.id] === undefined;
		const from = windowed ? lowerBound(need.lat, child.lat - reach) : 0;
		const to = windowed ? lowerBound(need.lat, child.lat + reach + 1e-9) : need.lat.length;
		for (let k = from; k < to; k++) {
			const j = need.provision[k] as number;
			const p = provisions[j] as Provision;
			const journey = checkPair(child, p, params, matrix, false);
			if (typeof journey === "string") continue;
			const rank = ranks.get(p.settingUrn) ?? 0;
			const placeFunding = Math.round(p.cost.placeFunding);
			const topUp = Math.round(p.cost.topUp);
			const fee = Math.round(p.cost.fee);
			const transport = Math.round(
				Math.max(cost.transportMinimumAnnual, cost.transportPerMileAnnual * journey.miles),
			);
			const valueOfTime = Math.round(cost.valueOfTimePerMinuteAnnual * journey.minutes);
			const credit = rank > 0 ? Math.round(cost.preferenceCredit[rank - 1] ?? 0) : 0;
			const total = placeFunding + topUp + fee + transport + valueOfTime - credit;
			list.push({
				provision: j,
				miles: journey.miles,
				minutes: journey.minutes,
				parts: [placeFunding, topUp, fee, transport, valueOfTime, credit],
				rank,
				total,
			});
		}
		list.sort((a, b) => a.total - b.total || a.provision - b.provision);
		rows.push(list);
		count += list.length;
	}
	return packEdges(rows, count);
}

function packEdges(rows: EdgeRow[][], count: number): CandidateEdges {
	const edges: CandidateEdges = {
		count,
		child: new Int32Array(count),
		provision: new Int32Array(count),
		miles: new Float64Array(count),
		minutes: new Float64Array(count),
		placeFunding: new Float64Array(count),
		topUp: new Float64Array(count),
		fee: new Float64Array(count),
		transport: new Float64Array(count),
		valueOfTime: new Float64Array(count),
		preferenceCredit: new Float64Array(count),
		preferenceRank: new Int32Array(count),
		total: new Float64Array(count),
		childStart: new Int32Array(rows.length + 1),
	};
	let e = 0;
	rows.forEach((list, i) => {
		edges.childStart[i] = e;
		for (const row of list) {
			edges.child[e] = i;
			edges.provision[e] = row.provision;
			edges.miles[e] = row.miles;
			edges.minutes[e] = row.minutes;
			[
				edges.placeFunding[e],
				edges.topUp[e],
				edges.fee[e],
				edges.transport[e],
				edges.valueOfTime[e],
				edges.preferenceCredit[e],
			] = row.parts;
			edges.preferenceRank[e] = row.rank;
			edges.total[e] = row.total;
			e++;
		}
	});
	edges.childStart[rows.length] = e;
	return edges;
}
