import type { Params } from "../../../solver/index.js";
import type { RunRequestT } from "../../contracts/matching-runs.js";
import type { Policy } from "../policy.js";

/** The matcher's parameters: the cost defaults from the database, with a run's own weights on top. */
export function paramsFor(policy: Policy, weights: RunRequestT["weights"] = {}): Params {
	return {
		travel: policy.travel,
		cost: {
			...policy.cost,
			valueOfTimePerMinuteAnnual:
				weights.valueOfTimePerMinute ?? policy.cost.valueOfTimePerMinuteAnnual,
			preferenceCredit: weights.preferenceCredit ?? policy.cost.preferenceCredit,
			transportPerMileAnnual: weights.transportPerMile ?? policy.cost.transportPerMileAnnual,
		},
		journeyLimits: policy.journeyLimits,
		fallback: policy.fallback,
		lawfulPreferences: policy.preferences,
	};
}

/** Today's date (ISO) by the app clock: vacancies "free now" are those available by today. */
export function isoDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}
