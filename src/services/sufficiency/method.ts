// How each figure of the sufficiency report is counted: returned with every report.

import { GREATER_LONDON } from "./facts.js";
import { FORECAST_METHOD } from "./forecast.js";

const box = GREATER_LONDON;

export const SUFFICIENCY_METHOD = {
	places:
		"Commissioned places: the sum of provision.places where the setting stands. A provision designated for several need types counts in full under each of them (so need rows can add up to more than the total, which counts it once). A provision whose ages span several phases is apportioned by years of age (a 3–18 school: 1/16 early years, 7/16 primary, 5/16 secondary, 3/16 post-16), so phase rows add up to the total, give or take rounding.",
	vacant:
		"Published vacancies free now (no date, or a date not after today), where the setting stands; a vacancy for one year group counts under that year's phase, one for the whole provision is apportioned over phases like its places.",
	filled:
		"Active placements, where the setting stands, under the provision's designated need types and the child's phase.",
	awaiting:
		"Children with an EHC plan waiting for a specialist place (status awaiting or consulting), by home borough, primary need and phase of age.",
	unmet:
		"Children still awaiting whose proposal in the latest finished matching run that included them (by finished_at) placed them nowhere. Children in no finished run are not counted here but in notYetMatched; a row whose waiting children are all in no finished run shows unmet as null (not known yet), not 0.",
	notYetMatched:
		"Children waiting (as counted in awaiting) who are in no finished matching run yet.",
	gap: "awaiting − vacant: children waiting now minus places free now (positive: a shortfall). Compare it with the forecast for where the shortfall is heading.",
	placedOutOfBorough:
		"Active placements at a setting in another borough than the child's home borough, by home borough.",
	placedOutOfLondon: `Active placements at settings whose location lies outside Greater London's bounding box (${box.south}–${box.north}°N, ${box.west}–${box.east}°E). Every setting carries a London LA code (the borough that maintains or commissions it), so the location is the test; the box is coarse, so a setting just beyond the boundary but inside the box counts as London.`,
	independent:
		"Active placements in independent special schools (special_independent), by home borough, and the sum of their stored annual cost (fee or place funding and top-up, plus transport).",
	plans:
		"EHC plans in January 2025 (DfE SEN2 by placement type and primary need), by the child's LA; specialistPlans are those in resourced provision, SEN units, special schools and specialist post-16 institutions. Plans with need unknown count in totals only.",
	forecast: `${FORECAST_METHOD} A group's forecast applies each borough's growth to that borough's plans in the group (its share of need, phase and placement type in January 2025).`,
	phase:
		"Phases by age at 31 August: early years under 4, primary 4–10, secondary 11–15, post-16 16–25 (the DfE's ages are at January; under 3 counts as 2). Plans and their forecast are spread over phases by the DfE's age breakdown of each borough's plans (SEN2, January 2025, table plans_by_age): a specialist placement type (resourced provision, SEN unit, special school, specialist post-16) by its own ages; the other types share the ages left of the borough's plans of all types once the specialist ones are taken out — early-years settings from early-years ages first (then primary), further education from post-16 ages first (then secondary), and mainstream, alternative provision and other placements the rest in proportion. So a borough's phase rows carry its plans of each age exactly, give or take rounding. Only where the DfE gives a borough no ages would plans in early-years settings count as early years, in further education as post-16, and school placements split 7:5 between primary and secondary.",
	area: "Supply (places, vacant, filled) counts where the setting stands; demand (children, plans, forecast) by the child's home borough. Grouped by a partnership kind, a borough counts under each partnership of that kind it belongs to; boroughs in none (only commissioning programmes leave some out) form the row 'none'.",
	suppression:
		"Counts made of children (filled places too: they hold children from any borough, so even the host borough sees a small number of other boroughs' children in its settings suppressed) show as null, and are named in the row's `suppressed`, when the part that is not the viewer's own borough's children is 1–4 (admins see exact counts; a panel or a borough's commissioner sees its own children exactly). A cost follows its placements' count; the gap follows awaiting. Secondary suppression: along each grouped dimension, a line with a lone hidden cell also hides its smallest other cell. Not prevented: differencing between non-nested groupings (an ALDCS sub-region against the ICSs it overlaps) or between reports taken at different times.",
} as const;
