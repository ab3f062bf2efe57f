import { NEED_CODES, type NeedCode } from "../schema/codes";
import type { HighsModule } from "./core/highs";

/**
 * The matcher's input: plain data, no classes (the optional loaded HiGHS module aside). Money is annual and in whole pounds; the solver
 * rounds every cost part to whole pounds so that all engines compare exact integers.
 */

/** SEN2 / school census primary-need codes, in the DfE order: the service's shared list. */
export const NEED_TYPES = NEED_CODES;
export type NeedType = NeedCode;

export interface Child {
	id: string;
	/** Home borough: DfE 3-digit LA code, e.g. "314". */
	borough: string;
	primaryNeed: NeedType;
	/** Age in whole years at 31 August. */
	age: number;
	/** Provision levels the plan accepts (the service expands the plan's level to this list). */
	levels: string[];
	lat: number;
	lon: number;
	/** One-way limit; defaults to the primary or secondary limit in the params. */
	maxJourneyMinutes?: number;
	/** Setting URNs in parental rank order, rank 1 first. */
	preferences?: string[];
	/** Order in which a panel would consider the child (greedy baseline); ties and absence by id. */
	referralOrder?: number;
}

export interface ProvisionCost {
	/** Paid by the borough the setting stands in. */
	placeFunding: number;
	/** Element 3, paid by the child's home borough. */
	topUp: number;
	/** Independent or non-maintained fee, paid by the child's home borough. */
	fee: number;
}

export interface Provision {
	id: string;
	settingUrn: string;
	/** Borough the setting stands in (DfE LA code). */
	borough: string;
	level: string;
	needTypes: string[];
	ageMin: number;
	ageMax: number;
	/** Free places now (integer ≥ 0). */
	capacity: number;
	lat: number;
	lon: number;
	cost: ProvisionCost;
	/** An independent special school on the DfE s.41 approved list (under the s.39 duty). */
	s41Approved?: boolean;
}

export interface TravelParams {
	/** Road distance ÷ great-circle distance. */
	detourFactor: number;
	speedMph: number;
	/** Boarding, pick-ups and drop-off added to every journey. */
	overheadMinutes: number;
}

export interface CostParams {
	/** £ per one-way mile per year (about £8,900 ÷ 9 miles). */
	transportPerMileAnnual: number;
	transportMinimumAnnual: number;
	/** £ per one-way journey minute per year: what a child's time on the road is worth. */
	valueOfTimePerMinuteAnnual: number;
	/** Credit by parental rank: index 0 is rank 1. */
	preferenceCredit: number[];
	/** Cost of leaving a child unplaced; must exceed every feasible edge cost. */
	unplacedPenalty: number;
}

export interface JourneyLimits {
	primaryMinutes: number;
	secondaryMinutes: number;
	/** Children up to this age (inclusive) get the primary limit. */
	primaryMaxAge: number;
}

/** The phases a fallback fee is configured by (ages at 31 August, as in the API's filter). */
export type FallbackPhase = "early_years" | "primary" | "secondary" | "post16";

/**
 * The independent-sector fallback: a child with no suitable published place is not left
 * out, the borough buys an independent or non-maintained place through its procurement route.
 * It is priced like any placement (fee + transport for a typical out-of-borough journey, whose
 * time is valued as any journey's), so that every figure the matcher reports is money.
 */
export interface FallbackParams {
	/** Annual fee by primary need, then phase. No fee: the fallback cannot serve the child. */
	fees: Partial<Record<string, Partial<Record<FallbackPhase, number>>>>;
	/** A typical out-of-borough journey, one way (priced by the transport cost model). */
	journey: Journey;
}

/** A borough's resources test (s.39(4)(b)): limits on a preference's extra annual cost. */
export interface ResourcesTest {
	/** £ a year over the child's best alternative; null: no absolute limit. */
	absolute: number | null;
	/** Percent of the alternative's annual cost; null: no relative limit. */
	percent: number | null;
}

/**
 * Parental preferences as the lawful default (Children and Families Act 2014 s.39): a suitable
 * preference is honoured unless the resources test fails; independent schools off the s.41
 * list are honoured only by the borough's agreement.
 */
export interface PreferencePolicy {
	resourcesTest: { default: ResourcesTest; byBorough?: Record<string, ResourcesTest> };
	nonApprovedIndependentByAgreement: boolean;
}

export interface Params {
	travel: TravelParams;
	cost: CostParams;
	journeyLimits: JourneyLimits;
	/** Without it a child with no published place is unplaced at the unplaced penalty. */
	fallback?: FallbackParams;
	/**
	 * With it, preferences are the lawful default, a strict first criterion (preferenceCredit
	 * is then unused); without it, a preference is only the credit by rank.
	 */
	lawfulPreferences?: PreferencePolicy;
}

/** One-way journey for a (child, provision) pair, replacing the travel model. */
export interface Journey {
	miles: number;
	minutes: number;
}

/** childId → provisionId → journey. */
export type TravelMatrix = Record<string, Record<string, Journey>>;

export interface SideConstraints {
	/** Home borough → cap on the annual money it pays (top-up, fee, transport, and place
	 * funding for placements in settings it hosts). */
	budgetCaps?: Record<string, number>;
	/** Home borough → maximum number of its children placed in another borough's settings. */
	outOfBoroughCeilings?: Record<string, number>;
	/** Groups of child ids whose placed members must all be at one setting. */
	sameSettingGroups?: string[][];
}

/** "highs" needs `highs` (the loaded module) and applies to rounds without side constraints. */
export type Engine = "auto" | "network" | "simplex" | "lp" | "highs";

export interface SolveOptions {
	engine?: Engine;
	/** Keep each child's cheapest K edges, then re-add any edge with negative reduced cost. */
	pruneK?: number;
	/** Refuse the whole-model LP above this dense-tableau estimate (bytes). */
	lpMaxTableauBytes?: number;
	/** The loaded HiGHS module (`await loadHighs()` from `highs`), for engine "highs". */
	highs?: HighsModule;
	/** HiGHS wall-clock limit (seconds); past it the network engine answers instead. */
	highsTimeLimitSeconds?: number;
	/** Side-constrained instances with at most this many edges go to the integer model. */
	integerMaxEdges?: number;
	/** Branch-and-bound limit handed to javascript-lp-solver (ms). */
	integerTimeoutMs?: number;
	lagrangianIterations?: number;
	/** Compute shadow prices and child duals (network-optimal allocations only). */
	duals?: boolean;
	/** Explain every placement and every unplaced child. */
	explain?: boolean;
	/**
	 * No borough worse off (rounds over two or more home boroughs): each borough places at
	 * least as many of its children in published supply as it would alone. Off by default here,
	 * so that the solver's bare optimum stays the transportation optimum; the service's runs turn
	 * it on by default. Not applied under side constraints (a warning says so).
	 */
	guarantee?: boolean;
	/** False: skip fair shares (matching alone) altogether, e.g. to measure what they add. */
	fairShares?: boolean;
}

export interface AllocationInput {
	children: Child[];
	provisions: Provision[];
	params?: Params;
	travelMatrix?: TravelMatrix;
	sideConstraints?: SideConstraints;
	options?: SolveOptions;
}
