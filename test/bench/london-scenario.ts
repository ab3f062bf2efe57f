/**
 * The London demo scenario (seeds/) as a solver round: real settings with the demo's
 * designations, costs and free places, and generated children with their plan levels
 * expanded to the provision levels that satisfy them, as the service does.
 */
import { buildLondonScenario, generateChildren, readSeedData } from "../../seeds/index";
import type { Child, Params, Provision } from "../../solver/index";

export function londonRound(childCount?: number): {
	children: Child[];
	provisions: Provision[];
	params: Params;
} {
	const data = readSeedData();
	const scenario = buildLondonScenario(data);
	const settings = new Map(scenario.settings.map((s) => [s.urn, s]));
	const free = new Map<string, number>();
	for (const v of scenario.vacancies) {
		if (v.availableFrom) continue;
		const key = `${v.settingUrn}/${v.provisionCode}`;
		free.set(key, (free.get(key) ?? 0) + v.count);
	}
	const provisions: Provision[] = scenario.provisions.flatMap((p) => {
		const setting = settings.get(p.settingUrn);
		if (!setting) return [];
		return [
			{
				id: `${p.settingUrn}/${p.code}`,
				settingUrn: String(p.settingUrn),
				borough: setting.laCode,
				level: p.level,
				needTypes: [...p.needTypes],
				ageMin: p.ageMin,
				ageMax: p.ageMax,
				capacity: free.get(`${p.settingUrn}/${p.code}`) ?? 0,
				lat: setting.lat,
				lon: setting.lon,
				cost: { ...p.annualCost },
			},
		];
	});
	const satisfiers = new Map(data.planLevels.map((l) => [l.code, l.satisfiedBy]));
	const children: Child[] = generateChildren(data, { count: childCount, scenario }).map((c) => ({
		id: c.caseRef,
		borough: c.laCode,
		primaryNeed: c.primaryNeed,
		age: c.age,
		levels: [...(satisfiers.get(c.planLevel) ?? [])],
		lat: c.home.lat,
		lon: c.home.lon,
		maxJourneyMinutes: c.maxJourneyMinutes,
		preferences: c.preferences.map(String),
	}));
	const d = data.costDefaults;
	const params: Params = {
		travel: d.travel.value,
		cost: {
			transportPerMileAnnual: d.transportPerMile.value,
			transportMinimumAnnual: d.transportMinimum.value,
			valueOfTimePerMinuteAnnual: d.valueOfTimePerMinute.value,
			preferenceCredit: d.preferenceCredit.value,
			unplacedPenalty: d.unplacedPenalty.value,
		},
		journeyLimits: d.journeyLimits.value,
		fallback: d.independentFallback.value,
	};
	return { children, provisions, params };
}
