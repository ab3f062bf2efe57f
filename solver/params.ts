import type { Child, Params } from "./types";

/**
 * Defaults taken from DOMAIN.md: London SEN transport at about 12 mph door to door,
 * £8,900 a year for an average 9-mile trip (≈ £990 per one-way mile), best-practice journey
 * limits of 45 minutes (primary) and 75 minutes (secondary). Callers pass their own.
 */
export const defaultParams: Params = {
	travel: { detourFactor: 1.3, speedMph: 12, overheadMinutes: 10 },
	cost: {
		transportPerMileAnnual: 990,
		transportMinimumAnnual: 1_500,
		valueOfTimePerMinuteAnnual: 40,
		preferenceCredit: [3_000, 2_000, 1_000],
		unplacedPenalty: 1_000_000,
	},
	journeyLimits: { primaryMinutes: 45, secondaryMinutes: 75, primaryMaxAge: 10 },
};

export function journeyLimitFor(child: Child, params: Params): number {
	if (child.maxJourneyMinutes !== undefined) return child.maxJourneyMinutes;
	const limits = params.journeyLimits;
	return child.age <= limits.primaryMaxAge ? limits.primaryMinutes : limits.secondaryMinutes;
}
