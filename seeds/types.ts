// Shapes of the reference data (seeds/reference/types.ts) and of the London demo scenario.
import type { NeedCode, PlanLevel, ProvisionLevel, YearGroup } from "../schema/codes.js";
import type { Establishment, LaCode, LatLon, SettingKind } from "./reference/types.js";

export type * from "./reference/types.js";
export type { NeedCode, PlanLevel, ProvisionLevel, YearGroup };

export type SettingStatus = "s41-approved" | "s342-approved" | null;

export interface Setting {
	urn: number;
	name: string;
	laCode: LaCode;
	giasType: string;
	kind: SettingKind;
	phase: string;
	ageMin: number;
	ageMax: number;
	postcode: string | null;
	lat: number;
	lon: number;
	locationSource: Establishment["locationSource"];
	pupilCount: number | null;
	status: SettingStatus;
	/** Names of the fields above that are synthetic (invented for the demo). */
	synthetic: string[];
}

export interface AnnualCost {
	placeFunding: number;
	topUp: number;
	fee: number;
}

export interface Provision {
	settingUrn: number;
	code: string;
	name: string;
	level: ProvisionLevel;
	/** SEN2 placement code for export (E_USMM, E_SAC, …). */
	sen2Code: string;
	needTypes: NeedCode[];
	ageMin: number;
	ageMax: number;
	places: number;
	annualCost: AnnualCost;
	synthetic: string[];
}

export interface Vacancy {
	settingUrn: number;
	provisionCode: string;
	yearGroup?: YearGroup;
	count: number;
	/** ISO date; absent = free now. */
	availableFrom?: string;
	synthetic: string[];
}

export interface Scenario {
	settings: Setting[];
	provisions: Provision[];
	vacancies: Vacancy[];
}

export interface Child {
	/** Home borough's pseudonymous case reference, e.g. "314-DEMO-00042". Never a name. */
	caseRef: string;
	laCode: LaCode;
	yearGroup: YearGroup;
	/** Age at 31 August. */
	age: number;
	primaryNeed: NeedCode;
	secondaryNeeds: NeedCode[];
	planLevel: PlanLevel;
	/** Home location, rounded to 3 decimals (~100 m). */
	home: LatLon;
	homeDistrict: string;
	maxJourneyMinutes: number;
	/** Ranked parental preferences: URNs of settings. */
	preferences: number[];
	synthetic: true;
}
