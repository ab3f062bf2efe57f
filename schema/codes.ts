// Shared codes: the official vocabularies the whole service speaks (see ../shared/DOMAIN.md).
// Values only; no logic beyond a lookup.

/** SEN2 / school census primary-need codes, in the DfE's order. */
export const NEED_CODES = [
	"SPLD",
	"MLD",
	"SLD",
	"PMLD",
	"SEMH",
	"SLCN",
	"HI",
	"VI",
	"MSI",
	"PD",
	"ASD",
	"OTH",
] as const;
export type NeedCode = (typeof NEED_CODES)[number];

/** Levels of specialist provision: what a provision is. */
export const PROVISION_LEVELS = [
	"resourced_provision",
	"sen_unit",
	"esta",
	"special_la_maintained",
	"special_academy",
	"special_non_maintained",
	"special_independent",
	"special_post16",
] as const;
export type ProvisionLevel = (typeof PROVISION_LEVELS)[number];

/** Levels a plan (EHCP) calls for; each is met by one or more provision levels. */
export const PLAN_LEVELS = [
	"resourced_provision",
	"sen_unit",
	"esta",
	"special_school",
	"post16",
] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** GIAS PhaseOfEducation values, with "Not applicable" as GIAS gives it for special schools. */
export const PHASES = [
	"Nursery",
	"Primary",
	"Middle deemed primary",
	"Middle deemed secondary",
	"Secondary",
	"16 plus",
	"All-through",
	"Not applicable",
] as const;
export type Phase = (typeof PHASES)[number];

/** The phase filter the API offers: which ages a provision serves. */
export const PHASE_FILTERS = ["early_years", "primary", "secondary", "post16"] as const;
export type PhaseFilter = (typeof PHASE_FILTERS)[number];
/** Inclusive age bands (age at 31 August) of each phase filter. */
export const PHASE_AGES: Record<PhaseFilter, readonly [number, number]> = {
	early_years: [2, 4],
	primary: [4, 10],
	secondary: [11, 15],
	post16: [16, 25],
};

/** National curriculum year groups, with the age at 31 August that starts each. */
export const YEAR_GROUPS = [
	"N1",
	"N2",
	"R",
	"Y1",
	"Y2",
	"Y3",
	"Y4",
	"Y5",
	"Y6",
	"Y7",
	"Y8",
	"Y9",
	"Y10",
	"Y11",
	"Y12",
	"Y13",
	"Y14",
] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];
export function ageOfYearGroup(yearGroup: YearGroup): number {
	return YEAR_GROUPS.indexOf(yearGroup) + 2;
}

/**
 * A UK postcode, either case, with or without the space. Case-insensitivity is spelled out, not a
 * flag, so that the OpenAPI document publishes the same pattern (JSON Schema patterns have none).
 */
export const POSTCODE_PATTERN = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$";

/** DfE 3-digit codes of London's 33 local authorities: 201–213 inner, 301–320 outer. */
export const LA_CODE_PATTERN = "^(20[1-9]|21[0-3]|30[1-9]|31[0-9]|320)$";
export const GSS_CODE_PATTERN = "^E09000(0[0-2][0-9]|03[0-3])$";
