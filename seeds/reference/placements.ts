import type { PlanLevel } from "../types.js";

/**
 * DfE 2025 placement types: our key, the caseload.csv column and the "Type of placement"
 * breakdown label of sen_needs_all_plans.csv. `planLevel` says which specialist plan level a
 * placement stands for in the demo (RP → resourced_provision, unit → sen_unit, …).
 */
export interface PlacementSpec {
	key: string;
	column: string;
	label: string;
	planLevel?: PlanLevel;
}

const MAINSTREAM: [string, string][] = [
	["la_maintained", "LA maintained"],
	["academy", "academy"],
	["free_school", "free school"],
];

export const PLACEMENTS: PlacementSpec[] = [
	...MAINSTREAM.flatMap(([k, l]): PlacementSpec[] => [
		{ key: `mainstream_${k}`, column: `mainstream_${k}`, label: `Mainstream - ${l}` },
		{
			key: `mainstream_${k}_resourced_provision`,
			column: `mainstream_${k}_resourced_provision`,
			label: `Mainstream - ${l} (resourced provision)`,
			planLevel: "resourced_provision",
		},
		{
			key: `mainstream_${k}_sen_unit`,
			column: `mainstream_${k}_senunit`,
			label: `Mainstream - ${l} (SEN unit)`,
			planLevel: "sen_unit",
		},
	]),
	{
		key: "mainstream_independent",
		column: "mainstream_independent",
		label: "Mainstream - independent",
	},
	{
		key: "special_la_maintained",
		column: "special_la_maintained",
		label: "Special - LA maintained",
		planLevel: "special_school",
	},
	{
		key: "special_academy_free",
		column: "special_academy_free",
		label: "Special - Academy/free schools",
		planLevel: "special_school",
	},
	{
		key: "special_independent",
		column: "special_independent",
		label: "Special - independent",
		planLevel: "special_school",
	},
	{
		key: "special_non_maintained",
		column: "special_non_maintained",
		label: "Special - non-maintained",
		planLevel: "special_school",
	},
	{ key: "ap_pru_la_maintained", column: "ap_pru_la_maintained", label: "AP/PRU - LA maintained" },
	{ key: "ap_pru_academy", column: "ap_pru_academy", label: "AP/PRU - academy" },
	{ key: "ap_pru_free_school", column: "ap_pru_free_school", label: "AP/PRU - free school" },
	{
		key: "fe_general",
		column: "general_fe_tertiary_colleges",
		label: "FE - general FE and tertiary colleges",
	},
	{
		key: "fe_specialist_post16",
		column: "specialist_post_16_institutions",
		label: "FE - specialist post-16 institutions",
		planLevel: "post16",
	},
	{ key: "fe_ukrlp", column: "ukrlp_provider", label: "FE - UKRLP provider" },
	{ key: "educated_elsewhere", column: "ed_elsewhere", label: "Educated elsewhere - total" },
	{ key: "early_years", column: "nm_early_years", label: "Non-maintained early years" },
	{ key: "not_recorded", column: "placement_unknown", label: "Placement not recorded" },
];

/** Placement keys standing for a plan level (e.g. all three resourced-provision columns). */
export function placementKeysOf(level: PlanLevel): string[] {
	return PLACEMENTS.filter((p) => p.planLevel === level).map((p) => p.key);
}
