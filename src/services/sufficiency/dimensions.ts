// The report's dimensions (need, phase, area): their values, and which values a fact falls under.
import { PHASE_AGES, PHASE_FILTERS, type PhaseFilter } from "../../../schema/index.js";
import { PLACEMENTS } from "../../../seeds/reference/placements.js";
import { ApiError } from "../../http/problem.js";

export const DIMENSIONS = ["need", "phase", "area"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A value a fact falls under, with the share of the fact it carries (1 unless apportioned). */
export type Weighted = readonly (readonly [value: string, weight: number])[];
export type FactDims = Record<Dimension, Weighted>;

export const once = (values: readonly string[]): Weighted => values.map((v) => [v, 1] as const);

/**
 * The phase of a child of this age (at 31 August). PHASE_AGES share age 4 between early years
 * and primary; a child who is 4 on 31 August starts Reception, so the later phase wins.
 */
export function phaseOfAge(age: number): PhaseFilter {
	let phase: PhaseFilter = "early_years";
	for (const p of PHASE_FILTERS) if (age >= PHASE_AGES[p][0]) phase = p;
	return phase;
}

/**
 * How a provision taking these ages (inclusive) spreads over phases: by years of age, so a 3–18
 * special school puts 1/16 of its places in early years, 7/16 in primary, 5/16 in secondary and
 * 3/16 in post-16, and phase rows add up to the total.
 */
export function phaseWeightsOfRange(ageMin: number, ageMax: number): Weighted {
	const years = new Map<PhaseFilter, number>();
	for (let age = ageMin; age <= ageMax; age++) {
		const p = phaseOfAge(age);
		years.set(p, (years.get(p) ?? 0) + 1);
	}
	const span = ageMax - ageMin + 1;
	return PHASE_FILTERS.filter((p) => years.has(p)).map(
		(p) => [p, (years.get(p) ?? 0) / span] as const,
	);
}

const SPECIALIST = new Set(PLACEMENTS.filter((p) => p.planLevel).map((p) => p.key));
/** DfE placement types that stand for a specialist place (resourced provision, unit, special, specialist post-16). */
export const isSpecialistPlacement = (placement: string) => SPECIALIST.has(placement);

// The fallback where the DfE gives a borough no ages at all (see phase-weights.ts): school years
// R–Y6 are primary (7 years), Y7–Y11 secondary (5), so a school placement's plans split 7:5.
const SCHOOL_AGE: Weighted = [
	["primary", 7 / 12],
	["secondary", 5 / 12],
];
/** How a DfE placement type's plans spread over phases. */
export function phaseWeightsOfPlacement(placement: string): Weighted {
	if (placement === "early_years") return [["early_years", 1]];
	if (placement.startsWith("fe_")) return [["post16", 1]];
	return SCHOOL_AGE;
}

export interface AreaInfo {
	code: string;
	name: string;
}

/** What `area=` resolved to: the areas rows are grouped by, and which of them a borough is in. */
export interface AreaScope {
	param: string;
	kind: "borough" | "partnership-kind" | "partnership" | "single-borough";
	areas: AreaInfo[];
	/** The areas a borough counts under ([] = outside the report's scope). */
	areasOf(borough: string): string[];
}

export const NO_PARTNERSHIP = "none";

interface Partnership {
	id: string;
	name: string;
	kind: string;
	members: string[];
}

/** Resolves `area` against the database's boroughs and partnerships; unknown → 400 naming it. */
export function resolveArea(
	param: string,
	boroughs: readonly AreaInfo[],
	partnerships: readonly Partnership[],
): AreaScope {
	const infoOf = (b: AreaInfo): AreaInfo => ({ code: b.code, name: b.name });
	if (param === "borough") {
		return { param, kind: "borough", areas: boroughs.map(infoOf), areasOf: (b) => [b] };
	}
	const ofKind = partnerships.filter((p) => p.kind === param);
	if (ofKind.length > 0) {
		const memberOf = new Map<string, string[]>();
		for (const p of ofKind)
			for (const b of p.members) memberOf.set(b, [...(memberOf.get(b) ?? []), p.id]);
		const outside = boroughs.some((b) => !memberOf.has(b.code));
		const areas = ofKind.map((p) => ({ code: p.id, name: p.name }));
		if (outside) areas.push({ code: NO_PARTNERSHIP, name: `Boroughs in no ${param}` });
		return {
			param,
			kind: "partnership-kind",
			areas,
			areasOf: (b) => memberOf.get(b) ?? [NO_PARTNERSHIP],
		};
	}
	const one = partnerships.find((p) => p.id === param);
	if (one) {
		const members = new Set(one.members);
		return {
			param,
			kind: "partnership",
			areas: [{ code: one.id, name: one.name }],
			areasOf: (b) => (members.has(b) ? [one.id] : []),
		};
	}
	const borough = boroughs.find((b) => b.code === param);
	if (borough) {
		return {
			param,
			kind: "single-borough",
			areas: [infoOf(borough)],
			areasOf: (b) => (b === param ? [b] : []),
		};
	}
	const kinds = [...new Set(partnerships.map((p) => p.kind))].sort();
	const message = `must be borough, a partnership kind (${kinds.join(", ")}), a partnership id or a borough's LA code`;
	throw new ApiError("validation_failed", `query.area: ${message}`, {
		errors: [{ path: "query.area", message }],
	});
}

/** Every (key, weight) a fact contributes to, for the grouped dimensions; others are totals. */
export function cellsOf(groupBy: readonly Dimension[], dims: FactDims): [string, number][] {
	let cells: [string[], number][] = [[[], 1]];
	for (const d of groupBy) {
		cells = cells.flatMap(([key, w]) =>
			dims[d].map(([v, wv]): [string[], number] => [[...key, v], w * wv]),
		);
	}
	return cells.map(([key, w]) => [key.join("|"), w]);
}
