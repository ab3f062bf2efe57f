import type { ExplainContext } from "./explain";
import type { Instance } from "./instance";
import type { LawfulModel } from "./lawful";
import type { AllocationSummary, Criterion, Placement, UnplacedChild } from "./result-types";

/**
 * The run's objective as ordered, plain-language criteria with the weights that implement
 * them, so that a reader knows what "optimal" means for this run.
 */
export function criteriaOf(instance: Instance, lawful: LawfulModel | null): Criterion[] {
	const c = instance.params.cost;
	const money: Criterion = {
		order: lawful ? 2 : 1,
		criterion: `Minimise the annual public cost of every child's place (place funding, top-up or fee, transport; an independent-sector fallback at its configured fee and journey when no published place is used), plus £${c.valueOfTimePerMinuteAnnual} a year per one-way minute of journey${lawful ? "" : `, less a credit for a parent's preference of £${c.preferenceCredit.join(", £")} by rank`}; a child whom nothing can serve costs £${c.unplacedPenalty.toLocaleString("en-GB")} (counted apart as no placement found, never as money)`,
		weight: 1,
		unit: "£ a year",
	};
	if (!lawful) return [money];
	return [
		{
			order: 1,
			criterion: `Honour parents' lawful preferences (Children and Families Act 2014 s.39): a suitable preference (need, age, level, journey) that passes the home borough's resources test, and is not an independent school off the s.41 list, counts ${lawful.units.join(", ")} by rank; a lawful preference gives way only for want of a place, and competition for the same last place is settled by the criterion below`,
			weight: lawful.weight,
			unit: "priority unit",
		},
		money,
	];
}

/** Lawful mode: the summary also counts lawful preferences honoured and first-preference reasons. */
export function lawfulSummary(
	summary: AllocationSummary,
	ctx: ExplainContext,
	explained: { placements: Placement[]; unplaced: UnplacedChild[] },
): AllocationSummary {
	if (!ctx.lawful) return summary;
	let honoured = 0;
	const reasons: Record<string, number> = {};
	for (const x of [...explained.placements, ...explained.unplaced]) {
		if (x.preference?.lawful) honoured++;
		const first = x.preference?.unhonoured?.find((u) => u.rank === 1);
		if (first) reasons[first.reason.code] = (reasons[first.reason.code] ?? 0) + 1;
	}
	const sorted = Object.fromEntries(Object.entries(reasons).sort(([a], [b]) => (a < b ? -1 : 1)));
	return { ...summary, lawfulPreferencesHonoured: honoured, firstPreferenceReasons: sorted };
}
