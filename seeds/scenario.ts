// The London demo scenario: real settings (URN, name, borough, type, postcode district) with
// synthetic designations, places where unknown, costs and vacancies. Pure and deterministic.
import { Rng } from "./prng.js";
import { buildSpecialSchools, settingOf } from "./scenario/special.js";
import { buildUnits, hostAges } from "./scenario/units.js";
import { buildVacancies } from "./scenario/vacancies.js";
import type { Scenario, SeedData, Setting } from "./types.js";

export const DEFAULT_SEED = 2025;

export function buildLondonScenario(data: SeedData, options: { seed?: number } = {}): Scenario {
	const seed = options.seed ?? DEFAULT_SEED;
	const special = buildSpecialSchools(data, new Rng(seed, "special"));
	const units = buildUnits(data, new Rng(seed, "units"));
	const hosts = new Map<number, Setting>();
	for (const { host } of units) {
		if (hosts.has(host.urn)) continue;
		const old = host.edubase2015;
		const ages: [number, number] = old
			? [old.ageMin, Math.max(old.ageMin, old.ageMax - 1)]
			: hostAges(host);
		hosts.set(host.urn, settingOf(host, ages, old ? [] : ["ageMin", "ageMax"]));
	}
	const settings = [...special.settings, ...hosts.values()].sort((a, b) => a.urn - b.urn);
	const provisions = [...special.provisions, ...units.map((u) => u.provision)].sort(
		(a, b) => a.settingUrn - b.settingUrn || a.code.localeCompare(b.code),
	);
	const vacancies = buildVacancies(new Rng(seed, "vacancies"), provisions);
	return { settings, provisions, vacancies };
}
