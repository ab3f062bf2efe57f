import fc from "fast-check";
import {
	type Child,
	defaultParams,
	type NeedType,
	type Params,
	type Provision,
	type SideConstraints,
} from "../../../solver/index";

const NEEDS: NeedType[] = ["ASD", "SEMH"];
const LEVELS = ["resourced_provision", "special_academy"];
const BOROUGHS = ["202", "206", "309"];

/** Coordinates within about three miles of Islington, in steps of about 0.07 miles. */
const lat = fc.integer({ min: -300, max: 300 }).map((k) => 51.54 + k / 10_000);
const lon = fc.integer({ min: -450, max: 450 }).map((k) => -0.1 + k / 10_000);

function provisionArb(settings: number, maxCapacity: number): fc.Arbitrary<Omit<Provision, "id">> {
	return fc.record({
		settingUrn: fc.integer({ min: 1, max: settings }).map((k) => String(100_000 + k)),
		borough: fc.constantFrom(...BOROUGHS),
		level: fc.constantFrom(...LEVELS),
		needTypes: fc.subarray(NEEDS, { minLength: 1 }),
		ageMin: fc.integer({ min: 4, max: 12 }),
		ageMax: fc.integer({ min: 10, max: 19 }),
		capacity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: maxCapacity }), fc.constant(1)),
		lat,
		lon,
		cost: fc.record({
			placeFunding: fc.constantFrom(0, 6_000, 10_000),
			topUp: fc.integer({ min: 0, max: 30 }).map((k) => k * 1_000),
			fee: fc.constantFrom(0, 0, 45_000, 61_500),
		}),
	});
}

function childArb(settings: number): fc.Arbitrary<Omit<Child, "id">> {
	return fc.record(
		{
			borough: fc.constantFrom(...BOROUGHS),
			primaryNeed: fc.constantFrom(...NEEDS),
			age: fc.integer({ min: 6, max: 15 }),
			levels: fc.subarray(LEVELS, { minLength: 1 }),
			lat,
			lon,
			maxJourneyMinutes: fc.constantFrom(25, 35, 45, 75),
			preferences: fc.uniqueArray(
				fc.integer({ min: 1, max: settings + 1 }).map((k) => String(100_000 + k)),
				{ maxLength: 3 },
			),
			referralOrder: fc.integer({ min: 1, max: 5 }),
		},
		{ requiredKeys: ["borough", "primaryNeed", "age", "levels", "lat", "lon"] },
	);
}

export interface SmallInstance {
	children: Child[];
	provisions: Provision[];
	params: Params;
}

/** Random rounds small enough for brute force (or an LP) to check. */
export function instanceArb(
	maxChildren: number,
	maxProvisions: number,
	maxCapacity = 3,
): fc.Arbitrary<SmallInstance> {
	const settings = Math.max(1, maxProvisions - 1);
	return fc
		.record({
			children: fc.array(childArb(settings), { minLength: 1, maxLength: maxChildren }),
			provisions: fc.array(provisionArb(settings, maxCapacity), {
				minLength: 1,
				maxLength: maxProvisions,
			}),
			credit: fc.constantFrom([3_000, 2_000, 1_000], [20_000, 5_000], [0]),
			valueOfTime: fc.constantFrom(0, 40, 400),
			fallback: fc.option(fallbackArb(), { nil: undefined }),
		})
		.map(({ children, provisions, credit, valueOfTime, fallback }) => ({
			children: children.map((c, k) => ({ ...c, id: `C${k + 1}` })),
			provisions: provisions.map((p, k) => ({ ...p, id: `P${k + 1}` })),
			params: {
				...defaultParams,
				cost: {
					...defaultParams.cost,
					preferenceCredit: [...credit],
					valueOfTimePerMinuteAnnual: valueOfTime,
				},
				...(fallback ? { fallback } : {}),
			},
		}));
}

/**
 * An independent-sector fallback for some needs and phases (so that some children have none:
 * "no placement found"), cheap enough sometimes to beat published places.
 */
function fallbackArb(): fc.Arbitrary<NonNullable<Params["fallback"]>> {
	const fee = fc.option(
		fc.integer({ min: 0, max: 40 }).map((k) => k * 2_000),
		{ nil: undefined },
	);
	const byPhase = fc
		.record({ primary: fee, secondary: fee })
		.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
	return fc.record({
		fees: fc.record({ ASD: byPhase, SEMH: byPhase }, { requiredKeys: [] }),
		journey: fc.record({
			miles: fc.integer({ min: 0, max: 30 }),
			minutes: fc.integer({ min: 10, max: 120 }),
		}),
	});
}

/** Side constraints over the boroughs and children of an instance. */
export function sideArb(instance: SmallInstance): fc.Arbitrary<SideConstraints> {
	const ids = instance.children.map((c) => c.id);
	return fc.record({
		budgetCaps: fc.dictionary(
			fc.constantFrom(...BOROUGHS),
			fc.integer({ min: 0, max: 12 }).map((k) => k * 6_000),
			{
				maxKeys: 2,
			},
		),
		outOfBoroughCeilings: fc.dictionary(
			fc.constantFrom(...BOROUGHS),
			fc.integer({ min: 0, max: 1 }),
			{
				maxKeys: 2,
			},
		),
		sameSettingGroups:
			ids.length >= 2
				? fc.array(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 2, maxLength: 3 }), {
						maxLength: 1,
					})
				: fc.constant([]),
	});
}
