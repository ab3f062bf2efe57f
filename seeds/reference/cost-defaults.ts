import { NEED_CODES } from "../../schema/codes.js";
import type { CostDefaults } from "../types.js";

const DOMAIN = "DOMAIN.md (project domain brief), 'Money'";

/** £ a year by phase before the need factor (see independentFallback's assumption). */
const FALLBACK_BASE = { early_years: 55000, primary: 73000, secondary: 73000, post16: 62000 };
const FALLBACK_NEED_FACTOR: Record<string, number> = {
	PMLD: 1.25,
	SLD: 1.25,
	MSI: 1.25,
	ASD: 1.1,
	SEMH: 1.1,
};

function fallbackFees(): Record<string, Record<string, number>> {
	return Object.fromEntries(
		NEED_CODES.map((need) => [
			need,
			Object.fromEntries(
				Object.entries(FALLBACK_BASE).map(([phase, fee]) => [
					phase,
					Math.round((fee * (FALLBACK_NEED_FACTOR[need] ?? 1)) / 1000) * 1000,
				]),
			),
		]),
	);
}

const gbp = (n: number) => `£${n.toLocaleString("en-GB")}`;

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
		assumption:
			"Only for a child whom not even the independent-sector fallback can serve ('no placement found', never reported as money): large enough that any placement wins.",
	},
	independentFallback: {
		value: { fees: fallbackFees(), journey: { miles: 12, minutes: 70 } },
		source: `${DOMAIN}: independent special schools average about £52,000 a year (2015–16); uprated by CPI (ONS series D7BT, 2015 = 100: about 101 in 2016 and about 139 in 2025, ×1.39) to about £72,000, rounded to £73,000 for a primary or secondary place. Transport priced by the transport model for the journey below.`,
		assumption: `What a child with no suitable published place costs: the borough buys an independent or non-maintained place. By phase: primary and secondary ${gbp(FALLBACK_BASE.primary)}, post-16 ${gbp(FALLBACK_BASE.post16)}, early years ${gbp(FALLBACK_BASE.early_years)}; by need: ×1.25 for PMLD, SLD and MSI, ×1.1 for ASD and SEMH, ×1 otherwise, rounded to £1,000 (illustrative). A typical out-of-borough journey of 12 road miles one way, 70 minutes (12 mph plus 10 minutes' pick-up, as the travel model), illustrative; no fee for ages outside 2–25 (no placement found).`,
	},
	preferencePolicy: {
		value: {
			resourcesTest: { default: { absolute: 10000, percent: null }, byBorough: {} },
			nonApprovedIndependentByAgreement: false,
		},
		source:
			"Children and Families Act 2014 s.39(4): the borough must name the school a parent asks for unless it is unsuitable, or incompatible with the efficient education of others or the efficient use of resources; independent schools only when on the s.41 approved list (DOMAIN.md 'Rules that shape a placement').",
		assumption:
			"The resources test fails when a preference costs more than £10,000 a year over the child's best alternative (the cheapest other suitable place with a free place, or the independent-sector fallback): illustrative, each borough sets its own (byBorough, absolute £ and/or percent of the alternative). Independent schools off the s.41 list are not honoured without the borough's agreement (false).",
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
