import { YEAR_GROUPS, type YearGroup } from "../../schema/index.js";

/** Age at 31 August before the academic year that `on` falls in (the DfE's age for a year group). */
export function ageAtAugust31(dateOfBirth: string, on: Date): number {
	const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
	const yearStart = on.getUTCMonth() >= 8 ? on.getUTCFullYear() : on.getUTCFullYear() - 1;
	const bornAfterAugust = m > 8 || (m === 8 && d > 31);
	return yearStart - y - (bornAfterAugust ? 1 : 0);
}

/** National curriculum year group for an age at 31 August (N1 at 2 … Y14 at 18; older: Y14). */
export function yearGroupForAge(age: number): YearGroup {
	const index = Math.min(Math.max(age - 2, 0), YEAR_GROUPS.length - 1);
	return YEAR_GROUPS[index] as YearGroup;
}
