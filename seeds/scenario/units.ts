// Resourced provisions and SEN units at real mainstream schools, as many per borough as its
// DfE 2025 placement counts imply; ESTAs in Kingston and Richmond. All of it synthetic.

import type { Rng } from "../prng.js";
import { PROVISION_LEVELS } from "../reference/levels.js";
import { placementKeysOf } from "../reference/placements.js";
import type { Establishment, NeedCode, Provision, ProvisionLevel, SeedData } from "../types.js";
import { drawAnnualCost } from "./costs.js";
import { ageWeights, drawNeeds, needWeights, placementCount, sharpen } from "./mix.js";

/** Typical places in one unit: count ÷ 16, rounded up, gives the number of units. */
export const TYPICAL_UNIT_SIZE = 16;
/** ESTAs per borough where the model exists (Kingston 314, Richmond 318). */
export const ESTA_BOROUGHS: Record<string, number> = { "314": 3, "318": 3 };

const GOVERNANCE = ["la_maintained", "academy", "free_school"] as const;
type Governance = (typeof GOVERNANCE)[number];
const SUFFIX: Partial<Record<ProvisionLevel, string>> = {
	resourced_provision: "RP",
	sen_unit: "SU",
	esta: "ESTA",
};
const LABEL: Partial<Record<ProvisionLevel, string>> = {
	resourced_provision: "resourced provision",
	sen_unit: "SEN unit",
	esta: "ESTA",
};
/** Every field of a demo unit is invented except the host school and the default funding. */
const UNIT_SYNTHETIC = ["code", "name", "level", "needTypes", "ageMin", "ageMax", "places"];

/** Age range (age at 31 August) of a host school by phase and name (assumed). */
export function hostAges(e: Establishment): [number, number] {
	if (e.phase === "Primary") {
		if (/infant/i.test(e.name)) return [4, 6];
		if (/junior/i.test(e.name)) return [7, 10];
		return [4, 10];
	}
	return e.phase === "Secondary" ? [11, 17] : [4, 17];
}

/** A unit serves the primary or the secondary years of its host, up to Year 11. */
function unitAges(host: Establishment, primary: boolean): [number, number] {
	const [lo, hi] = hostAges(host);
	if (host.phase === "All-through") return primary ? [4, 10] : [11, 15];
	return [lo, Math.min(hi, 15)];
}

export interface UnitPlan {
	host: Establishment;
	provision: Provision;
}

/** Split `total` places into `n` units of roughly equal size (each ≥ 6). */
function splitPlaces(rng: Rng, total: number, n: number): number[] {
	const base = total / n;
	return Array.from({ length: n }, () => Math.max(6, Math.round(base * (0.8 + 0.4 * rng.next()))));
}

function pickHost(rng: Rng, pool: Establishment[], primary: boolean): Establishment | undefined {
	const fits = (e: Establishment) =>
		e.phase === "All-through" || (primary ? e.phase === "Primary" : e.phase === "Secondary");
	// Schools that had SEN designations in 2015 come first: the likeliest real hosts.
	const ranked = [
		...pool.filter((e) => fits(e) && e.edubase2015),
		...rng.shuffle(pool.filter(fits)),
	];
	return ranked[0] ?? rng.shuffle(pool)[0];
}

export function buildUnits(data: SeedData, rng: Rng): UnitPlan[] {
	const out: UnitPlan[] = [];
	const used = new Map<number, Set<string>>();
	for (const b of data.boroughs) {
		const demand = data.demand.find((d) => d.laCode === b.code);
		if (!demand) continue;
		const levels: [ProvisionLevel, number][] = [
			[
				"resourced_provision",
				Math.ceil(
					placementCount(demand, placementKeysOf("resourced_provision")) / TYPICAL_UNIT_SIZE,
				),
			],
			[
				"sen_unit",
				Math.ceil(placementCount(demand, placementKeysOf("sen_unit")) / TYPICAL_UNIT_SIZE),
			],
			["esta", ESTA_BOROUGHS[b.code] ?? 0],
		];
		for (const [level, n] of levels) {
			if (n === 0) continue;
			const keys = placementKeysOf(level === "sen_unit" ? "sen_unit" : "resourced_provision");
			const total = level === "esta" ? n * 10 : placementCount(demand, keys);
			const govWeights = GOVERNANCE.map(
				(g) =>
					placementCount(
						demand,
						keys.filter((k) => k.includes(g)),
					) + 0.01,
			);
			const ages = ageWeights(data, b.code, keys);
			const primaryShare =
				ages.slice(0, 11).reduce((s, x) => s + x, 0) /
				Math.max(
					1,
					ages.reduce((s, x) => s + x, 0),
				);
			const needs = sharpen(needWeights(data, b.code, keys));
			for (const places of splitPlaces(rng, total, n)) {
				const gov: Governance = GOVERNANCE[rng.weightedIndex(govWeights)] ?? "la_maintained";
				const local = data.establishments.filter(
					(e) => e.laCode === b.code && e.kind.startsWith("mainstream"),
				);
				const pool = local.filter((e) => e.kind === `mainstream_${gov}`);
				const primary = level === "esta" ? rng.chance(0.7) : rng.chance(primaryShare);
				const host = pickHost(rng, pool.length > 0 ? pool : local, primary);
				if (!host) continue;
				const hint = host.edubase2015?.needTypes[0];
				const needTypes: NeedCode[] = drawNeeds(rng, needs, rng.chance(0.7) ? 1 : 2, hint);
				const [ageMin, ageMax] = unitAges(host, primary);
				const code = uniqueCode(used, host.urn, `${needTypes[0]}-${SUFFIX[level]}`);
				const info = PROVISION_LEVELS.find((l) => l.code === level);
				const hostGov = host.kind.replace("mainstream_", "");
				const cost = drawAnnualCost(rng, data.costDefaults, level, true, needTypes[0]);
				out.push({
					host,
					provision: {
						settingUrn: host.urn,
						code,
						name: `${host.name} ${needTypes[0]} ${LABEL[level]}`,
						level,
						sen2Code: info?.sen2Codes[hostGov] ?? "",
						needTypes,
						ageMin,
						ageMax,
						places: level === "esta" ? rng.int(8, 12) : places,
						annualCost: cost.cost,
						synthetic: [...UNIT_SYNTHETIC, ...cost.synthetic],
					},
				});
			}
		}
	}
	return out;
}

function uniqueCode(used: Map<number, Set<string>>, urn: number, base: string): string {
	const codes = used.get(urn) ?? new Set<string>();
	used.set(urn, codes);
	let code = base;
	for (let i = 2; codes.has(code); i++) code = `${base}${i}`;
	codes.add(code);
	return code;
}
