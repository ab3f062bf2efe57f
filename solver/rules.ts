import { journeyLimitFor } from "./params";
import { greatCircleMiles, greatCircleReach, MILES_PER_DEGREE_LAT, modelJourney } from "./travel";
import type { Child, Journey, Params, Provision, TravelMatrix } from "./types";

/** The rules a placement must pass, in the order they are checked and reported. */
export const RULES = [
	"need-not-designated",
	"age-out-of-range",
	"level-not-accepted",
	"journey-too-long",
	"no-capacity",
] as const;
export type RuleFailure = (typeof RULES)[number];

export function journeyBetween(
	child: Child,
	provision: Provision,
	params: Params,
	matrix: TravelMatrix | undefined,
): Journey {
	const override = matrix?.[child.id]?.[provision.id];
	if (override) return override;
	const gc = greatCircleMiles(child.lat, child.lon, provision.lat, provision.lon);
	return modelJourney(gc, params.travel);
}

/**
 * Checks one (child, provision) pair. Returns the first failed rule, or the journey when all
 * pass. Pairs outside the child's reach box are rejected before any trigonometry (only when
 * no matrix override exists for the pair). The capacity rule can be left to the caller.
 */
export function checkPair(
	child: Child,
	provision: Provision,
	params: Params,
	matrix: TravelMatrix | undefined,
	checkCapacity = true,
): RuleFailure | Journey {
	if (!provision.needTypes.includes(child.primaryNeed)) return "need-not-designated";
	if (child.age < provision.ageMin || child.age > provision.ageMax) return "age-out-of-range";
	if (!child.levels.includes(provision.level)) return "level-not-accepted";
	const limit = journeyLimitFor(child, params);
	const override = matrix?.[child.id]?.[provision.id];
	let journey: Journey;
	if (override) {
		journey = override;
	} else {
		const reach = greatCircleReach(limit, params.travel);
		const dLat = Math.abs(child.lat - provision.lat) * MILES_PER_DEGREE_LAT;
		if (dLat > reach) return "journey-too-long";
		const dLon =
			Math.abs(child.lon - provision.lon) *
			MILES_PER_DEGREE_LAT *
			Math.cos((Math.max(Math.abs(child.lat), Math.abs(provision.lat)) * Math.PI) / 180);
		if (dLon > reach) return "journey-too-long";
		journey = modelJourney(
			greatCircleMiles(child.lat, child.lon, provision.lat, provision.lon),
			params.travel,
		);
	}
	if (journey.minutes > limit) return "journey-too-long";
	if (checkCapacity && provision.capacity <= 0) return "no-capacity";
	return journey;
}
