import { costDefaults, planLevelSatisfiers } from "../../schema/index.js";
import type { FallbackParams, PreferencePolicy } from "../../solver/index.js";
import type { Executor } from "../db/types.js";

/** The matcher's parameters, as the cost defaults in the database say (editable data, not code). */
export interface Policy {
	travel: { detourFactor: number; speedMph: number; overheadMinutes: number };
	cost: {
		transportPerMileAnnual: number;
		transportMinimumAnnual: number;
		valueOfTimePerMinuteAnnual: number;
		preferenceCredit: number[];
		unplacedPenalty: number;
	};
	journeyLimits: { primaryMinutes: number; secondaryMinutes: number; primaryMaxAge: number };
	/** The independent-sector fallback: fee by need and phase, a typical out-of-borough journey. */
	fallback: FallbackParams;
	/** Preferences as the lawful default (s.39): each borough's resources test, the s.41 rule. */
	preferences: PreferencePolicy;
	/** Plan level → the provision levels that meet it. */
	planLevels: Record<string, string[]>;
}

function settingOf<T>(rows: Map<string, unknown>, key: string): T {
	const entry = rows.get(key) as { value?: T } | undefined;
	if (entry?.value === undefined)
		throw new Error(`cost default ${key} is missing from the database`);
	return entry.value;
}

export async function loadPolicy(db: Executor): Promise<Policy> {
	const [rows, satisfiers] = await Promise.all([
		db.select().from(costDefaults),
		db.select().from(planLevelSatisfiers),
	]);
	const byKey = new Map(rows.map((r) => [r.key, r.value]));
	const planLevels: Record<string, string[]> = {};
	for (const s of satisfiers) {
		planLevels[s.planLevel] = [...(planLevels[s.planLevel] ?? []), s.provisionLevel];
	}
	for (const list of Object.values(planLevels)) list.sort();
	return {
		travel: settingOf(byKey, "travel"),
		cost: {
			transportPerMileAnnual: settingOf(byKey, "transportPerMile"),
			transportMinimumAnnual: settingOf(byKey, "transportMinimum"),
			valueOfTimePerMinuteAnnual: settingOf(byKey, "valueOfTimePerMinute"),
			preferenceCredit: settingOf(byKey, "preferenceCredit"),
			unplacedPenalty: settingOf(byKey, "unplacedPenalty"),
		},
		journeyLimits: settingOf(byKey, "journeyLimits"),
		fallback: settingOf(byKey, "independentFallback"),
		preferences: settingOf(byKey, "preferencePolicy"),
		planLevels,
	};
}

/** The default one-way journey limit for a child of this age. */
export function defaultJourneyMinutes(policy: Policy, age: number): number {
	const l = policy.journeyLimits;
	return age <= l.primaryMaxAge ? l.primaryMinutes : l.secondaryMinutes;
}
