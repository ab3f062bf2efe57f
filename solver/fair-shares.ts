import type { CandidateEdges } from "./candidates";
import { EdgeBuffer } from "./edge-buffer";
import type { Instance } from "./instance";
import type { BoroughFigures, BoroughFlow } from "./result-types";
import { type Assignment, edgeMoney } from "./summary";

/** The home boroughs of a round's children, sorted: fair shares apply from two of them. */
export function homeBoroughs(instance: Instance): string[] {
	return [...new Set(instance.children.map((c) => c.borough))].sort();
}

/**
 * "Matching alone": each child keeps only its own borough's published places and its fallback
 * (whose sink is its home borough's). The boroughs' problems then share no child and no place,
 * so one solve of these edges is every borough's own optimum at once.
 */
export function ownBoroughEdges(instance: Instance, edges: CandidateEdges): CandidateEdges {
	const source = edges as unknown as EdgeBuffer;
	const out = new EdgeBuffer(instance.children.length, edges.count);
	instance.children.forEach((child, i) => {
		out.childStart[i] = out.count;
		for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
			const j = edges.provision[e] as number;
			if (j >= instance.published || instance.provisions[j]?.borough === child.borough)
				out.copyFrom(source, e, i);
		}
	});
	out.childStart[instance.children.length] = out.count;
	return out.finish();
}

const emptyFigures = (): BoroughFigures => ({
	children: 0,
	placed: 0,
	fallback: 0,
	noPlacementFound: 0,
	preferencesHonoured: 0,
	annualCost: 0,
	journeyMinutes: 0,
	spend: 0,
});

/**
 * Per home borough: its children's outcomes and public money (annualCost: every part of their
 * places, as the run's summary counts it), and `spend`, what the borough itself pays: its
 * children's top-ups, fees and transport, plus place funding for every child placed in a
 * setting it hosts, its own or another borough's.
 */
export function boroughFigures(
	instance: Instance,
	edges: CandidateEdges,
	assignment: Assignment,
): Map<string, BoroughFigures> {
	const out = new Map(homeBoroughs(instance).map((b) => [b, emptyFigures()]));
	const minutes = new Map<string, number>();
	assignment.forEach((e, i) => {
		const child = instance.children[i];
		const f = child && out.get(child.borough);
		if (!child || !f) return;
		f.children++;
		if (e < 0) {
			f.noPlacementFound++;
			return;
		}
		const money = edgeMoney(edges, e);
		f.annualCost += money;
		const j = edges.provision[e] as number;
		const funding = edges.placeFunding[e] as number;
		f.spend += money - funding;
		if (j >= instance.published) {
			f.fallback++;
			return;
		}
		f.placed++;
		if ((edges.preferenceRank[e] as number) > 0) f.preferencesHonoured++;
		minutes.set(child.borough, (minutes.get(child.borough) ?? 0) + (edges.minutes[e] as number));
		const host = out.get(instance.provisions[j]?.borough as string);
		if (host) host.spend += funding;
	});
	for (const [b, f] of out) f.journeyMinutes = Math.round((minutes.get(b) ?? 0) * 100) / 100;
	return out;
}

/**
 * Money between boroughs: for each child placed in another borough's setting, the host pays
 * its place funding and the home borough the top-up to the host's setting. Sorted by home, then
 * host; a host borough with no children of its own in the round is listed too.
 */
export function boroughFlows(
	instance: Instance,
	edges: CandidateEdges,
	assignment: Assignment,
): BoroughFlow[] {
	const flows = new Map<string, BoroughFlow>();
	assignment.forEach((e, i) => {
		if (e < 0) return;
		const j = edges.provision[e] as number;
		const child = instance.children[i];
		const host = instance.provisions[j]?.borough;
		if (j >= instance.published || !child || !host || host === child.borough) return;
		const key = `${child.borough}→${host}`;
		const flow = flows.get(key) ?? {
			home: child.borough,
			host,
			children: 0,
			placeFunding: 0,
			topUp: 0,
		};
		flow.children++;
		flow.placeFunding += edges.placeFunding[e] as number;
		flow.topUp += edges.topUp[e] as number;
		flows.set(key, flow);
	});
	return [...flows.values()].sort((a, b) =>
		a.home === b.home ? (a.host < b.host ? -1 : 1) : a.home < b.home ? -1 : 1,
	);
}
