import { ApiError, type FieldError } from "../http/problem.js";

const DATE_FIELDS = ["planFinalisedOn", "searchStartedOn", "outOfEducationSince"] as const;
type DateField = (typeof DATE_FIELDS)[number];

// One formatter for every call: `toLocaleDateString` with options builds a new one each time,
// which dominated the children list's render time.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });

/** The London calendar day of an instant (the panels' own dates are London days). */
export function londonDay(at: Date): string {
	return LONDON_DAY.format(at);
}

/**
 * A child's case dates may not lie in the future (a search "started" tomorrow is a typing
 * slip), nor before 2000, which no open case reaches.
 */
export function checkChildDates(
	input: Partial<Record<DateField, string | null | undefined>>,
	now: Date,
): void {
	const today = londonDay(now);
	const errors: FieldError[] = [];
	for (const field of DATE_FIELDS) {
		const value = input[field];
		if (!value) continue;
		if (value > today)
			errors.push({ path: `body.${field}`, message: `must not be after today (${today})` });
		else if (value < "2000-01-01")
			errors.push({ path: `body.${field}`, message: "must be in 2000 or later" });
	}
	if (errors.length) {
		throw new ApiError("unprocessable", errors.map((e) => `${e.path}: ${e.message}`).join("; "), {
			errors,
		});
	}
}

/** Whole days from a date to today (the search's age, or how long out of education). */
export function daysSince(day: string, now: Date): number {
	return Math.round((Date.parse(londonDay(now)) - Date.parse(day)) / 86_400_000);
}
