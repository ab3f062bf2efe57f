// Shapes of the reference data in seeds/data/*.json. The official vocabularies come from
// schema/codes.ts so that seeds and tables agree.
import type { NeedCode, PlanLevel, ProvisionLevel } from "../../schema/codes.js";

/** DfE 3-digit local authority code as text: "201"–"213" inner, "301"–"320" outer. */
export type LaCode = string;

export interface LatLon {
	lat: number;
	lon: number;
}

/** A number (or table) with where it came from: a `source`, or an `assumption` of ours. */
export interface Sourced<T> {
	value: T;
	source?: string;
	assumption?: string;
}

export interface Borough {
	code: LaCode;
	gss: string;
	name: string;
	inner: boolean;
	centroid: LatLon;
	/** Outcodes whose centroid lies inside the borough polygon (or its schools' outcodes). */
	postcodeDistricts: string[];
}

export interface PostcodeDistrict {
	district: string;
	lat: number;
	lon: number;
	borough: LaCode;
}

export type PartnershipKind = "aldcs-subregion" | "ics" | "commissioning-programme";

export interface Partnership {
	id: string;
	name: string;
	kind: PartnershipKind;
	members: LaCode[];
	note: string | null;
}

export interface NeedType {
	code: NeedCode;
	label: string;
	giasLabel: string;
	/** Column of the DfE SEN2 need files, e.g. "number_asd". */
	dfeColumn: string;
}

export interface ProvisionLevelInfo {
	code: ProvisionLevel;
	label: string;
	planLevel: PlanLevel;
	/** SEN2 placement codes by governance of the setting, e.g. { academy: "E_RAC" }. */
	sen2Codes: Record<string, string>;
	mainstream: boolean;
	defaultPlaceFunding: number;
	note: string | null;
}

export interface PlanLevelInfo {
	code: PlanLevel;
	label: string;
	satisfiedBy: ProvisionLevel[];
}

export interface TopUpBands {
	mainstream: Record<string, number>;
	special: Record<string, number>;
}

export interface CostDefaults {
	placeFunding: Sourced<Record<ProvisionLevel, number>>;
	topUpBands: Sourced<TopUpBands>;
	independentFees: Sourced<{ low: number; typical: number; high: number; year: string }>;
	transportPerMile: Sourced<number>;
	transportMinimum: Sourced<number>;
	valueOfTimePerMinute: Sourced<number>;
	preferenceCredit: Sourced<number[]>;
	unplacedPenalty: Sourced<number>;
	independentFallback: Sourced<{
		/** Annual fee by primary need, then phase (early_years, primary, secondary, post16). */
		fees: Record<string, Record<string, number>>;
		/** A typical out-of-borough journey, one way. */
		journey: { miles: number; minutes: number };
	}>;
	preferencePolicy: Sourced<{
		resourcesTest: {
			default: { absolute: number | null; percent: number | null };
			byBorough: Record<string, { absolute: number | null; percent: number | null }>;
		};
		nonApprovedIndependentByAgreement: boolean;
	}>;
	journeyLimits: Sourced<{
		primaryMinutes: number;
		secondaryMinutes: number;
		primaryMaxAge: number;
	}>;
	travel: Sourced<{ detourFactor: number; speedMph: number; overheadMinutes: number }>;
}

/** What kind of establishment a setting is, from its GIAS type. */
export type SettingKind =
	| "mainstream_la_maintained"
	| "mainstream_academy"
	| "mainstream_free_school"
	| "special_la_maintained"
	| "special_academy"
	| "special_non_maintained"
	| "special_independent"
	| "special_post16";

/** A row of seeds/data/establishments.json (GIAS 2025 list, located by postcode district). */
export interface Establishment {
	urn: number;
	name: string;
	laCode: LaCode;
	giasType: string;
	kind: SettingKind;
	phase: string;
	postcode: string | null;
	district: string | null;
	lat: number;
	lon: number;
	/** Where lat/lon come from: the outcode's centroid, its parent's (N1C → N1), or the borough's. */
	locationSource: "postcode-district-centroid" | "parent-district-centroid" | "borough-centroid";
	pupilCount: number | null;
	trust: string | null;
	/** Age range and SEN designations in the 2015 Edubase extract (7 LAs only), if present. */
	edubase2015?: { ageMin: number; ageMax: number; needTypes: NeedCode[] };
}

/** Counts of plans by primary need; UNKNOWN is "need unknown". */
export type NeedCounts = Partial<Record<NeedCode | "UNKNOWN", number>>;

export interface BoroughDemand {
	laCode: LaCode;
	gss: string;
	name: string;
	/** Active EHC plans, January 2025. */
	plans: number;
	byNeed: NeedCounts;
	/** Plans by placement key (see seeds/reference/placements.ts), 2024/25; null = "x". */
	byPlacement: Record<string, number | null>;
	/** The same for 2023/24 (used in place of 2024/25 where `caveat` is set). */
	byPlacementPrevious: Record<string, number | null>;
	/** Placement key → primary-need counts, 2024/25. */
	placementByNeed: Record<string, NeedCounts>;
	/** Placement key → age → plans, 2024/25 (ages 2–25; "under 3" counted as 2). */
	ageByPlacement: Record<string, Record<string, number>>;
	/** Active plans at January, "2018/19" … "2024/25". */
	caseload: Record<string, number>;
	caveat?: string;
}

export interface SeedData {
	boroughs: Borough[];
	postcodeDistricts: PostcodeDistrict[];
	partnerships: Partnership[];
	needTypes: NeedType[];
	levels: ProvisionLevelInfo[];
	planLevels: PlanLevelInfo[];
	costDefaults: CostDefaults;
	establishments: Establishment[];
	demand: BoroughDemand[];
}
