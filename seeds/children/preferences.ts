// Parental preferences: URNs of settings with a provision suitable for the child.
import type { Rng } from "../prng.js";
import type { Child, PlanLevelInfo, Scenario, Setting } from "../types.js";
import { distanceKm } from "./profile.js";

export interface PreferenceIndex {
	settings: Map<number, Setting>;
	scenario: Scenario;
	planLevels: PlanLevelInfo[];
}

export function preferenceIndex(scenario: Scenario, planLevels: PlanLevelInfo[]): PreferenceIndex {
	return { settings: new Map(scenario.settings.map((s) => [s.urn, s])), scenario, planLevels };
}

type Profile = Pick<Child, "planLevel" | "primaryNeed" | "age" | "home">;

/** Settings with a provision of a level the plan accepts, for the need and the age. */
export function suitableSettings(index: PreferenceIndex, child: Profile): Setting[] {
	const levels = index.planLevels.find((p) => p.code === child.planLevel)?.satisfiedBy ?? [];
	const urns = new Set<number>();
	for (const p of index.scenario.provisions) {
		if (!levels.includes(p.level) || !p.needTypes.includes(child.primaryNeed)) continue;
		if (child.age < p.ageMin || child.age > p.ageMax) continue;
		urns.add(p.settingUrn);
	}
	return [...urns].map((u) => index.settings.get(u)).filter((s): s is Setting => !!s);
}

/** 0–3 ranked preferences, mostly among the nearest suitable settings, sometimes an independent one. */
export function drawPreferences(rng: Rng, index: PreferenceIndex, child: Profile): number[] {
	const n = rng.weightedIndex([30, 35, 20, 15]);
	if (n === 0) return [];
	const byDistance = suitableSettings(index, child)
		.map((s) => ({ s, d: distanceKm(child.home, s) }))
		.sort((a, b) => a.d - b.d || a.s.urn - b.s.urn);
	const near = byDistance.slice(0, 6);
	const out: number[] = [];
	const independents = byDistance.filter((x) => x.s.kind === "special_independent").slice(0, 5);
	if (independents.length > 0 && rng.chance(0.2)) out.push(rng.pick(independents).s.urn);
	const pool = near.filter((x) => !out.includes(x.s.urn));
	while (out.length < n && pool.length > 0) {
		const i = rng.weightedIndex(pool.map((_, k) => 1 / (k + 1)));
		const [pick] = pool.splice(i, 1);
		if (pick) out.push(pick.s.urn);
	}
	return out;
}
