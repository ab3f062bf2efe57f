import type { ExplainContext } from "./explain";
import type { LawfulModel } from "./lawful";
import type { UnhonouredPreference } from "./result-types";
import { checkPair, RULES, type RuleFailure } from "./rules";
import type { Child, Provision } from "./types";

const TEST_OF: Partial<Record<RuleFailure, "need" | "age" | "level" | "journey">> = {
	"need-not-designated": "need",
	"age-out-of-range": "age",
	"level-not-accepted": "level",
	"journey-too-long": "journey",
};

/** Children holding each provision's places, by provision index (built once per result). */
export function holdersOf(ctx: ExplainContext): Map<number, number[]> {
	const map = new Map<number, number[]>();
	ctx.assignment.forEach((e, i) => {
		if (e < 0) return;
		const j = ctx.edges.provision[e] as number;
		map.set(j, [...(map.get(j) ?? []), i]);
	});
	return map;
}

/**
 * Exactly one lawful reason, with its evidence, for each preference ranked above the one
 * honoured (every preference when none is): not published here; unsuitable (the test the
 * nearest-to-suitable provision there fails); an independent school off the s.41 list; the
 * resources test (extra £ a year, the threshold, the alternative's cost); no capacity (who holds
 * the places, and by what claim); or side constraints (a lawful place with room the round's
 * budget or out-of-borough rows kept from the child).
 */
export function unhonouredPreferences(
	ctx: ExplainContext,
	lawful: LawfulModel,
	holders: Map<number, number[]>,
	i: number,
): UnhonouredPreference[] {
	const { instance, edges } = ctx;
	const child = instance.children[i] as Child;
	const e = ctx.assignment[i] as number;
	const honoured = e >= 0 ? (edges.preferenceRank[e] as number) : 0;
	const urns = [...new Set(child.preferences ?? [])];
	const out: UnhonouredPreference[] = [];
	urns.forEach((urn, k) => {
		const rank = k + 1;
		if (honoured > 0 && rank >= honoured) return;
		out.push({ settingUrn: urn, rank, reason: reasonFor(ctx, lawful, holders, i, urn) });
	});
	return out;
}

function reasonFor(
	ctx: ExplainContext,
	lawful: LawfulModel,
	holders: Map<number, number[]>,
	i: number,
	urn: string,
): UnhonouredPreference["reason"] {
	const { instance, edges } = ctx;
	const hosted = ctx.bySetting.get(urn)?.filter((j) => j < instance.published) ?? [];
	if (hosted.length === 0) return { code: "not-published" };
	const at: number[] = [];
	for (let e = edges.childStart[i] as number; e < (edges.childStart[i + 1] as number); e++) {
		if (hosted.includes(edges.provision[e] as number)) at.push(e);
	}
	if (at.length === 0) return unsuitable(ctx, i, hosted);
	const lawfulEdges = at.filter((e) => (lawful.priority[e] as number) > 0);
	if (lawfulEdges.length === 0) {
		// Every suitable provision there shares the setting's reason; the cheapest one speaks.
		return lawful.notLawful[at[0] as number] ?? { code: "independent-not-approved" };
	}
	const withRoom = lawfulEdges.find((e) => {
		const j = edges.provision[e] as number;
		return (ctx.load[j] as number) < (instance.provisions[j]?.capacity ?? 0);
	});
	if (withRoom !== undefined) {
		return { code: "side-constraints", provisionId: provisionOf(ctx, withRoom).id };
	}
	const first = lawfulEdges[0] as number;
	const j = edges.provision[first] as number;
	const home = (instance.children[i] as Child).borough;
	const takenBy = (holders.get(j) ?? []).map((h) => {
		const held = ctx.assignment[h] as number;
		const holder = instance.children[h] as Child;
		// Another borough's child stays anonymous: the evidence is read by this child's borough.
		const own = holder.borough === home;
		return {
			childId: own ? holder.id : null,
			sameBorough: own,
			claim:
				(lawful.priority[held] as number) > 0
					? ("their own lawful preference" as const)
					: ("lower cost for the round" as const),
		};
	});
	return {
		code: "no-capacity",
		provisionId: provisionOf(ctx, first).id,
		capacity: instance.provisions[j]?.capacity ?? 0,
		takenBy,
	};
}

function provisionOf(ctx: ExplainContext, e: number): Provision {
	return ctx.instance.provisions[ctx.edges.provision[e] as number] as Provision;
}

/** The test failed by the provision there that comes nearest to suitable (latest rule failed). */
function unsuitable(
	ctx: ExplainContext,
	i: number,
	hosted: number[],
): UnhonouredPreference["reason"] {
	const { instance } = ctx;
	const child = instance.children[i] as Child;
	const failures = hosted.map((j) => {
		const p = instance.provisions[j] as Provision;
		const outcome = checkPair(child, p, instance.params, instance.matrix, false);
		return { provisionId: p.id, rule: typeof outcome === "string" ? outcome : "journey-too-long" };
	});
	const nearest = failures.reduce((a, b) =>
		RULES.indexOf(b.rule) > RULES.indexOf(a.rule) ? b : a,
	);
	return { code: "unsuitable", test: TEST_OF[nearest.rule] ?? "need", failures };
}
