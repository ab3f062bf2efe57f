import type { CandidateEdges } from "../../../solver/index.js";
import type { ChildRow } from "../children.js";
import { tenthsOfMinute } from "../rounding.js";
import type { ProvisionInfo } from "./load-instance.js";

export interface ScarcityEntry {
	provisionId: number;
	gainPlusOne: number;
	lossMinusOne: number | null;
}

export interface OptionView {
	provision: ProvisionInfo;
	edge: number;
}

const GROUPED = new Intl.NumberFormat("en-GB");
const pounds = (n: number) => `£${GROUPED.format(Math.round(n))}`;
const at = (a: Float64Array | Int32Array, i: number) => a[i] as number;

/** One suitable provision for a child: costs and who pays them, journey, vacancy, scarcity. */
export function describeOption(
	v: OptionView,
	edges: CandidateEdges,
	child: ChildRow,
	queues: Map<string, number>,
	run: { id: string; prices: Map<string, ScarcityEntry> } | undefined,
) {
	const { provision: p, edge: e } = v;
	const cost = {
		placeFunding: at(edges.placeFunding, e),
		topUp: at(edges.topUp, e),
		fee: at(edges.fee, e),
		transport: at(edges.transport, e),
		publicTotal: 0,
		valueOfTime: at(edges.valueOfTime, e),
	};
	cost.publicTotal = cost.placeFunding + cost.topUp + cost.fee + cost.transport;
	const rankingCost = cost.publicTotal + cost.valueOfTime;
	const state = p.freeNow > 0 ? "free" : p.freeLater > 0 ? "from" : "full";
	const vacancy = {
		state: state as "free" | "from" | "full",
		freeNow: p.freeNow,
		availableFrom: state === "from" ? p.earliestFrom : null,
		waitingPosition: state === "free" ? null : (queues.get(p.id) ?? 0) + 1,
	};
	const price = run?.prices.get(p.id);
	const scarcity = run
		? {
				runId: run.id,
				shadowPrice: price?.gainPlusOne ?? 0,
				adjustedCost: rankingCost + (price?.gainPlusOne ?? 0),
				note: "What taking this place costs other children in the latest matching round (its shadow price: the annual saving one more place there would bring).",
			}
		: null;
	const rank = at(edges.preferenceRank, e);
	const option = {
		rank: 0,
		provisionId: Number(p.id),
		urn: Number(p.settingUrn),
		settingName: p.settingName,
		provision: p.code,
		level: p.level,
		borough: p.borough,
		outOfBorough: p.borough !== child.boroughCode,
		location: { lat: p.lat, lon: p.lon },
		needsMet: [child.primaryNeed, ...child.secondaryNeeds].filter((n) => p.needTypes.includes(n)),
		preferenceRank: rank > 0 ? rank : null,
		cost,
		payers: {
			homeBorough: child.boroughCode,
			homePays: cost.topUp + cost.fee + cost.transport,
			hostBorough: p.borough,
			hostPays: cost.placeFunding,
		},
		journey: { miles: at(edges.miles, e), minutes: tenthsOfMinute(at(edges.minutes, e)) },
		vacancy,
		rankingCost,
		scarcity,
		reason: "",
		reasonFor: (
			best: { rankingCost: number; cost: typeof cost; provisionId: number } | undefined,
		): string => {
			const parts: string[] = [];
			if (!best || best.provisionId === option.provisionId) {
				parts.push(
					`Lowest annual cost to the public plus journey time: ${pounds(rankingCost)} (${pounds(cost.publicTotal)} public money, ${Math.round(option.journey.minutes)} min each way)`,
				);
			} else {
				const extra = rankingCost - best.rankingCost;
				const placement =
					cost.placeFunding +
					cost.topUp +
					cost.fee -
					(best.cost.placeFunding + best.cost.topUp + best.cost.fee);
				parts.push(
					`${pounds(extra)} a year more than the top option: placement ${placement >= 0 ? "+" : "−"}${pounds(Math.abs(placement))}, transport ${cost.transport >= best.cost.transport ? "+" : "−"}${pounds(Math.abs(cost.transport - best.cost.transport))}, journey time ${cost.valueOfTime >= best.cost.valueOfTime ? "+" : "−"}${pounds(Math.abs(cost.valueOfTime - best.cost.valueOfTime))}`,
				);
			}
			if (option.preferenceRank) {
				const extra = best ? cost.publicTotal - best.cost.publicTotal : 0;
				parts.push(
					extra > 0
						? `Parental preference ${option.preferenceRank}: honouring it costs ${pounds(extra)} a year more in public money than the top option (s.39 evidence)`
						: `Parental preference ${option.preferenceRank}: no extra public cost`,
				);
			}
			if (vacancy.state === "full")
				parts.push(`Full now: waiting position ${vacancy.waitingPosition}`);
			if (vacancy.state === "from") parts.push(`Free from ${vacancy.availableFrom}`);
			if (option.outOfBorough)
				parts.push(
					`Out of borough (${p.borough} pays the place funding; ${child.boroughCode} the rest)`,
				);
			return parts.join(". ");
		},
	};
	return option;
}
