import type { PlanLevelInfo, ProvisionLevelInfo } from "../types.js";

const RP_CODES = { la_maintained: "E_USMM", academy: "E_RAC", free_school: "E_RFS" };

/** Provision levels with their SEN2 export codes (DOMAIN.md) and default place funding. */
export const PROVISION_LEVELS: ProvisionLevelInfo[] = [
	{
		code: "resourced_provision",
		label: "Resourced provision (SRP/ARP) in a mainstream school",
		planLevel: "resourced_provision",
		sen2Codes: RP_CODES,
		mainstream: true,
		defaultPlaceFunding: 6000,
		note: null,
	},
	{
		code: "sen_unit",
		label: "SEN unit in a mainstream school",
		planLevel: "sen_unit",
		sen2Codes: { la_maintained: "E_SUMM", academy: "E_ACS", free_school: "E_FSS" },
		mainstream: true,
		defaultPlaceFunding: 6000,
		note: null,
	},
	{
		code: "esta",
		label: "Enhanced support teaching arrangement (ESTA, Kingston and Richmond)",
		planLevel: "esta",
		sen2Codes: RP_CODES,
		mainstream: true,
		defaultPlaceFunding: 6000,
		note: "Stored as its own kind; exported to SEN2 as resourced provision.",
	},
	{
		code: "special_la_maintained",
		label: "LA-maintained special school",
		planLevel: "special_school",
		sen2Codes: { la_maintained: "E_MSS" },
		mainstream: false,
		defaultPlaceFunding: 10000,
		note: null,
	},
	{
		code: "special_academy",
		label: "Academy or free special school",
		planLevel: "special_school",
		sen2Codes: { academy: "E_SAC", free_school: "E_SAC" },
		mainstream: false,
		defaultPlaceFunding: 10000,
		note: null,
	},
	{
		code: "special_non_maintained",
		label: "Non-maintained special school (s.342)",
		planLevel: "special_school",
		sen2Codes: { non_maintained: "E_NMSS" },
		mainstream: false,
		defaultPlaceFunding: 10000,
		note: null,
	},
	{
		code: "special_independent",
		label: "Independent special school (s.41)",
		planLevel: "special_school",
		sen2Codes: { independent: "E_INSS" },
		mainstream: false,
		defaultPlaceFunding: 0,
		note: "Charges a full fee instead of place funding plus top-up.",
	},
	{
		code: "special_post16",
		label: "Special post-16 institution",
		planLevel: "post16",
		sen2Codes: { post16: "E_SPI" },
		mainstream: false,
		defaultPlaceFunding: 6000,
		note:
			"ASSUMPTION: the DfE 2025 data guidance names the category ('Specialist post 16 " +
			"establishments') but gives no SEN2 code; E_SPI is our placeholder. Place funding of " +
			"£6,000 (the FE high-needs element 2 rate) is also an assumption.",
	},
];

export const PLAN_LEVELS: PlanLevelInfo[] = [
	{
		code: "resourced_provision",
		label: "Resourced provision in a mainstream school",
		satisfiedBy: ["resourced_provision"],
	},
	{ code: "sen_unit", label: "SEN unit in a mainstream school", satisfiedBy: ["sen_unit"] },
	{
		code: "esta",
		label: "Enhanced support teaching arrangement (ESTA)",
		satisfiedBy: ["esta", "resourced_provision"],
	},
	{
		code: "special_school",
		label: "Special school",
		satisfiedBy: [
			"special_la_maintained",
			"special_academy",
			"special_non_maintained",
			"special_independent",
		],
	},
	{ code: "post16", label: "Specialist post-16 provision", satisfiedBy: ["special_post16"] },
];
