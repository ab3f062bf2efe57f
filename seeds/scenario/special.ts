// Special schools, non-maintained and independent special schools and special post-16
// institutions: every one in the 2025 GIAS list, with one school-wide provision ("SS").

import type { Rng } from "../prng.js";
import { PROVISION_LEVELS } from "../reference/levels.js";
import type {
	Establishment,
	NeedCode,
	Provision,
	ProvisionLevel,
	SeedData,
	Setting,
	SettingStatus,
} from "../types.js";
import { drawAnnualCost } from "./costs.js";
import { drawNeeds, needWeights, sharpen } from "./mix.js";

/** Typical roll where GIAS gives no pupil count (illustrative). */
const TYPICAL_PLACES: Partial<Record<ProvisionLevel, number>> = {
	special_la_maintained: 100,
	special_academy: 100,
	special_non_maintained: 60,
	special_independent: 50,
	special_post16: 60,
};

/** DfE placement keys whose need mix a special provision of each level is drawn from. */
const MIX_KEYS: Partial<Record<ProvisionLevel, string[]>> = {
	special_la_maintained: ["special_la_maintained"],
	special_academy: ["special_academy_free"],
	special_non_maintained: ["special_non_maintained"],
	special_independent: ["special_independent"],
	special_post16: ["fe_specialist_post16"],
};

/** A need the school's name announces, e.g. "… School for Deaf Children" → HI. */
const NAME_HINTS: [RegExp, NeedCode][] = [
	[/deaf|hearing/i, "HI"],
	[/autis|\basd\b|asperger/i, "ASD"],
	[/visual|blind|sight/i, "VI"],
	[/cerebral palsy|physical/i, "PD"],
	[/speech|language|communication/i, "SLCN"],
	[/dyslexi|specific learning/i, "SPLD"],
	[/emotional|behaviour|\bsemh\b/i, "SEMH"],
];

/** Age ranges (age at 31 August) to draw from when none is known, by level. */
function drawAges(
	rng: Rng,
	level: ProvisionLevel,
	name: string,
	pupils: number | null,
): [number, number] {
	if (level === "special_post16") return [16, 25];
	if (/primary|infant|junior/i.test(name))
		return rng.pick<[number, number]>([
			[3, 10],
			[4, 10],
		]);
	if (/college|post.?16|sixth/i.test(name)) return [16, 24];
	if (/secondary|high school/i.test(name)) return [11, 18];
	const allAge: [number, number][] = [
		[2, 18],
		[3, 18],
		[4, 18],
		[4, 18],
		[11, 18],
	];
	const options: [number, number][] =
		level === "special_independent"
			? [
					[5, 18],
					[7, 18],
					[11, 18],
					[11, 24],
					[8, 17],
				]
			: (pupils ?? 0) > 140
				? allAge // a large roll suggests an all-age or secondary school
				: [...allAge, [3, 10], [4, 10], [11, 18], [11, 15]];
	return rng.pick(options);
}

function statusOf(level: ProvisionLevel): { status: SettingStatus; assumed: boolean } {
	if (level === "special_non_maintained") return { status: "s342-approved", assumed: false };
	// Not every independent school or SPI is on the s.41 list: an assumption of the demo.
	if (level === "special_independent" || level === "special_post16")
		return { status: "s41-approved", assumed: true };
	return { status: null, assumed: false };
}

export function settingOf(e: Establishment, ages: [number, number], synthetic: string[]): Setting {
	return {
		urn: e.urn,
		name: e.name,
		laCode: e.laCode,
		giasType: e.giasType,
		kind: e.kind,
		phase: e.phase,
		ageMin: ages[0],
		ageMax: ages[1],
		postcode: e.postcode,
		lat: e.lat,
		lon: e.lon,
		locationSource: e.locationSource,
		pupilCount: e.pupilCount,
		status: null,
		synthetic: e.locationSource === "borough-centroid" ? [...synthetic, "lat", "lon"] : synthetic,
	};
}

export function buildSpecialSchools(
	data: SeedData,
	rng: Rng,
): { settings: Setting[]; provisions: Provision[] } {
	const settings: Setting[] = [];
	const provisions: Provision[] = [];
	for (const e of data.establishments) {
		if (!e.kind.startsWith("special")) continue;
		const level = e.kind as ProvisionLevel;
		const old = e.edubase2015;
		const ages: [number, number] = old
			? [old.ageMin, Math.max(old.ageMin, old.ageMax - 1)]
			: drawAges(rng, level, e.name, e.pupilCount);
		const { status, assumed } = statusOf(level);
		const setting = settingOf(e, ages, old ? [] : ["ageMin", "ageMax"]);
		setting.status = status;
		if (assumed) setting.synthetic.push("status");
		settings.push(setting);

		const synthetic = old ? [] : ["ageMin", "ageMax"];
		let needTypes: NeedCode[] = old?.needTypes.slice(0, 3) ?? [];
		if (needTypes.length === 0) {
			const hint = NAME_HINTS.find(([re]) => re.test(e.name))?.[1];
			const n = rng.weightedIndex([5, 3, 2]) + 1;
			needTypes = drawNeeds(
				rng,
				sharpen(needWeights(data, e.laCode, MIX_KEYS[level] ?? [])),
				n,
				hint,
			);
			synthetic.push("needTypes");
		}
		// No count, or 0 on roll (a school just opened): a typical size stands in.
		const known = e.pupilCount !== null && e.pupilCount > 0;
		const places = known ? (e.pupilCount ?? 0) : (TYPICAL_PLACES[level] ?? 60);
		if (!known) synthetic.push("places");
		const info = PROVISION_LEVELS.find((l) => l.code === level);
		const cost = drawAnnualCost(rng, data.costDefaults, level, false, needTypes[0]);
		provisions.push({
			settingUrn: e.urn,
			code: "SS",
			name: e.name,
			level,
			sen2Code: Object.values(info?.sen2Codes ?? {})[0] ?? "",
			needTypes,
			ageMin: ages[0],
			ageMax: ages[1],
			places,
			annualCost: cost.cost,
			synthetic: [...synthetic, ...cost.synthetic],
		});
	}
	return { settings, provisions };
}
