import type { CandidateEdges } from "./candidates";
import { EdgeBuffer } from "./edge-buffer";
import type { Instance } from "./instance";
import type { Child, FallbackPhase, Params, Provision } from "./types";

/** Phases in the order a child's age is looked up (4 is Reception: primary, not early years). */
const PHASE_ORDER: [FallbackPhase, number, number][] = [
	["primary", 4, 10],
	["secondary", 11, 15],
	["post16", 16, 25],
	["early_years", 2, 3],
];

export function fallbackPhase(age: number): FallbackPhase | null {
	for (const [phase, min, max] of PHASE_ORDER) if (age >= min && age <= max) return phase;
	return null;
}

/** A child's independent-sector fallback, priced in whole pounds like any edge. */
export interface FallbackOption {
	phase: FallbackPhase;
	fee: number;
	transport: number;
	valueOfTime: number;
	miles: number;
	minutes: number;
	/** fee + transport + valueOfTime: what the fallback costs in the objective. */
	total: number;
	/** fee + transport: what the home borough pays. */
	money: number;
}

/** The child's fallback, or null when none is configured for its need and phase. */
export function fallbackFor(child: Child, params: Params): FallbackOption | null {
	const config = params.fallback;
	if (!config) return null;
	const phase = fallbackPhase(child.age);
	const fee = phase === null ? undefined : config.fees[child.primaryNeed]?.[phase];
	if (phase === null || fee === undefined) return null;
	const cost = params.cost;
	const rounded = Math.round(fee);
	const transport = Math.round(
		Math.max(cost.transportMinimumAnnual, cost.transportPerMileAnnual * config.journey.miles),
	);
	const valueOfTime = Math.round(cost.valueOfTimePerMinuteAnnual * config.journey.minutes);
	return {
		phase,
		fee: rounded,
		transport,
		valueOfTime,
		miles: config.journey.miles,
		minutes: config.journey.minutes,
		total: rounded + transport + valueOfTime,
		money: rounded + transport,
	};
}

export const FALLBACK_LEVEL = "independent_fallback";

/** The fallback sink of a home borough: one per borough, room for each of its children. */
function fallbackSink(borough: string, capacity: number): Provision {
	return {
		id: `fallback:${borough}`,
		settingUrn: `fallback:${borough}`,
		borough,
		level: FALLBACK_LEVEL,
		needTypes: [],
		ageMin: 0,
		ageMax: 99,
		capacity,
		lat: 0,
		lon: 0,
		cost: { placeFunding: 0, topUp: 0, fee: 0 },
	};
}

/**
 * Adds the fallback to the transportation problem as ordinary edges to one sink per home
 * borough (after the published provisions, whose indices do not move), so that every engine,
 * certificate and side-constraint path treats it like any place. A child with no fallback keeps
 * only the unplaced penalty: "no placement found", never counted as money.
 */
export function withFallback(
	instance: Instance,
	edges: CandidateEdges,
): { instance: Instance; edges: CandidateEdges } {
	const options = instance.children.map((c) => fallbackFor(c, instance.params));
	const U = instance.params.cost.unplacedPenalty;
	for (const o of options) {
		if (o && !(Number.isFinite(o.total) && o.fee >= 0 && o.total < U)) {
			throw new Error(`fallback cost ${o.total} must be ≥ 0 and below the unplaced penalty ${U}`);
		}
	}
	if (options.every((o) => o === null))
		return { instance: { ...instance, fallback: options }, edges };
	const counts = new Map<string, number>();
	instance.children.forEach((c, i) => {
		if (options[i]) counts.set(c.borough, (counts.get(c.borough) ?? 0) + 1);
	});
	const boroughs = [...counts.keys()].sort();
	const published = instance.provisions.length;
	const sinkOf = new Map(boroughs.map((b, k) => [b, published + k]));
	const provisions = [
		...instance.provisions,
		...boroughs.map((b) => fallbackSink(b, counts.get(b) as number)),
	];
	const provisionIndex = new Map(instance.provisionIndex);
	provisions.forEach((p, j) => {
		if (j >= published) provisionIndex.set(p.id, j);
	});
	const out = new EdgeBuffer(instance.children.length, edges.count + instance.children.length);
	const extra = new EdgeBuffer(1, 1);
	instance.children.forEach((child, i) => {
		const option = options[i] ?? null;
		const from = edges.childStart[i] as number;
		const to = edges.childStart[i + 1] as number;
		out.childStart[i] = out.count;
		let inserted = option === null;
		for (let e = from; e < to; e++) {
			if (!inserted && (edges.total[e] as number) > (option as FallbackOption).total) {
				writeFallback(extra, option as FallbackOption, sinkOf.get(child.borough) as number);
				out.copyFrom(extra, 0, i);
				inserted = true;
			}
			out.copyFrom(edges as unknown as EdgeBuffer, e, i);
		}
		if (!inserted) {
			writeFallback(extra, option as FallbackOption, sinkOf.get(child.borough) as number);
			out.copyFrom(extra, 0, i);
		}
	});
	out.childStart[instance.children.length] = out.count;
	return {
		instance: { ...instance, provisions, provisionIndex, fallback: options },
		edges: out.finish(),
	};
}

function writeFallback(buffer: EdgeBuffer, option: FallbackOption, sink: number): void {
	buffer.count = 0;
	buffer.provision[0] = sink;
	buffer.miles[0] = option.miles;
	buffer.minutes[0] = option.minutes;
	buffer.placeFunding[0] = 0;
	buffer.topUp[0] = 0;
	buffer.fee[0] = option.fee;
	buffer.transport[0] = option.transport;
	buffer.valueOfTime[0] = option.valueOfTime;
	buffer.preferenceCredit[0] = 0;
	buffer.preferenceRank[0] = 0;
	buffer.total[0] = option.total;
}
