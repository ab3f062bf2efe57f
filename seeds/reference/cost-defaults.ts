import type { CostDefaults } from "../types.js";

const DOMAIN = "DOMAIN.md (project domain brief), 'Money'";

/** Cost defaults: every number carries its source or our assumption. Editable in the service. */
export const COST_DEFAULTS: CostDefaults = {
	placeFunding: {
		value: {
			resourced_provision: 6000,
			sen_unit: 6000,
			esta: 6000,
			special_la_maintained: 10000,
			special_academy: 10000,
			special_non_maintained: 10000,
			special_independent: 0,
			special_post16: 6000,
		},
		source: `${DOMAIN}: £6,000 per place in resourced provision / SEN units; £10,000 in maintained, academy and non-maintained special schools.`,
		assumption:
			"ESTA funded like resourced provision; independent schools charge a fee instead (0 here); special post-16 at the £6,000 FE element 2 rate.",
	},
	topUpBands: {
		value: {
			mainstream: { A: 3000, B: 6000, C: 9000, D: 13000, E: 18000 },
			special: { A: 8000, B: 12000, C: 17000, D: 23000, E: 30000 },
		},
		assumption:
			"Illustrative banding matrix (element 3 top-up, £ per year), not any borough's real matrix: chosen so a maintained special place (£10,000 + a middle band) costs under half an average independent fee, as the seeds report.",
	},
	independentFees: {
		value: { low: 38000, typical: 52000, high: 80000, year: "2015-16" },
		source: `${DOMAIN}: independent special schools average about £52,000 (2015–16), over double a maintained place in London.`,
		assumption:
			"The low and high levels are our illustrative spread around the average; not uprated.",
	},
	transportPerMile: {
		value: 990,
		source: `${DOMAIN}: SEN home-to-school transport about £8,900 per child per year nationally (2023/24), average one-way trip 9 miles; 8,900 ÷ 9 = 989, rounded: £ per one-way mile per year.`,
	},
	transportMinimum: {
		value: 1500,
		assumption: "Flat annual minimum for any transported child (£ per year); illustrative.",
	},
	valueOfTimePerMinute: {
		value: 40,
		assumption:
			"Value of a child's travel time: £ per one-way minute per year, added to the cost to discourage long journeys; illustrative.",
	},
	preferenceCredit: {
		value: [3000, 2000, 1000],
		assumption:
			"Credit (£ per year) subtracted from the cost of a parent's 1st, 2nd and 3rd preference so that preferences win near-ties; illustrative.",
	},
	unplacedPenalty: {
		value: 1000000,
		assumption: "Cost of leaving a child unplaced; large enough that placing always wins.",
	},
	journeyLimits: {
		value: { primaryMinutes: 45, secondaryMinutes: 75, primaryMaxAge: 10 },
		source: `DOMAIN.md 'Journeys': best-practice maximum 45 minutes each way for primary and 75 for secondary age. primaryMaxAge 10 (age at 31 August, Year 6) is ours.`,
	},
	travel: {
		value: { detourFactor: 1.3, speedMph: 12, overheadMinutes: 10 },
		assumption:
			"Journey model: straight-line distance × 1.3 for the road network, 12 mph average door-to-door in London traffic, plus 10 minutes for pick-up and drop-off; illustrative.",
	},
};
