import type { TransportEngine } from "./core/transport";
import type { OptimalityCertificate } from "./core/verify";
import type { RuleFailure } from "./rules";

/** Which procedure produced the allocation (and what its optimality claim rests on). */
export type Method =
	/** Network engine, optimality certified by reduced costs. */
	| "network-exact"
	/** Network simplex engine, optimality certified the same way. */
	| "simplex-exact"
	/** javascript-lp-solver on the whole transportation model, certified the same way. */
	| "lp-exact"
	/** HiGHS (WebAssembly) dual simplex on the whole transportation model, certified the same way. */
	| "highs-exact"
	/** javascript-lp-solver integer model with side constraints (bounded, see gap). */
	| "lp-integer"
	/** Lagrangian relaxation over the network engine plus repair (bounded, see gap). */
	| "lagrangian";

/** Annual £, whole pounds. total = placeFunding + topUp + fee + transport + valueOfTime − preferenceCredit. */
export interface CostBreakdown {
	placeFunding: number;
	topUp: number;
	fee: number;
	transport: number;
	valueOfTime: number;
	preferenceCredit: number;
	total: number;
}

/** Who pays: the home borough pays top-up, fee and transport; the host pays place funding. */
export interface Payers {
	homeBorough: string;
	homePays: number;
	hostBorough: string;
	hostPays: number;
}

export interface ExtraCostEstimate {
	/** Generalised-cost difference of the two edges (preferred − proposed, or − U if unplaced). */
	edgeCostDifference: number;
	/** Loss from one fewer place at the preferred provision for everyone else (0 if it has room). */
	displacementCost: number;
	/** Gain for everyone else from the place this child would free (0 if unplaced). */
	releasedPlaceValue: number;
	/** max(0, difference + displacement − released): annual extra cost, without a re-solve. */
	estimate: number;
	/** Difference in public money alone (place funding, top-up, fee, transport) for this child. */
	moneyDifference: number;
	basis: string;
}

export interface PreferenceExplanation {
	settingUrn: string;
	rank: number;
	status: "not-published" | "infeasible" | "feasible-but-lost";
	/** For "infeasible": the first rule each provision of that setting fails. */
	failures?: { provisionId: string; rule: RuleFailure }[];
	/** For "feasible-but-lost": the cheapest provision there and what honouring it would cost. */
	provisionId?: string;
	extraCost?: ExtraCostEstimate;
}

/** One preference not honoured, with exactly one lawful reason and its evidence. */
export interface UnhonouredPreference {
	settingUrn: string;
	rank: number;
	reason:
		| { code: "not-published" }
		| {
				code: "unsuitable";
				/** The test the provision there nearest to suitable fails. */
				test: "need" | "age" | "level" | "journey";
				failures: { provisionId: string; rule: RuleFailure }[];
		  }
		| { code: "independent-not-approved" }
		| {
				code: "resources-test";
				extraAnnualCost: number;
				threshold: { absolute: number | null; percent: number | null };
				/** The child's best alternative (null provision: the independent-sector fallback). */
				alternative: { provisionId: string | null; annualCost: number };
		  }
		| {
				code: "no-capacity";
				provisionId: string;
				capacity: number;
				/** Who holds the places: a child of the same borough by its pseudonymous id, a child
				 * of another borough anonymously (null), since the evidence is read by this child's. */
				takenBy: {
					childId: string | null;
					sameBorough: boolean;
					claim: "their own lawful preference" | "lower cost for the round";
				}[];
		  }
		| { code: "side-constraints"; provisionId: string };
}

export interface PreferenceOutcome {
	/** Parental rank of the setting proposed, null when it is not one of the preferences. */
	honouredRank: number | null;
	/** Why the best-ranked preference was not proposed (absent when it was; credit mode). */
	bestRanked?: PreferenceExplanation;
	/** Lawful mode: whether the preference honoured carried the lawful priority. */
	lawful?: boolean;
	/** Lawful mode: each preference ranked above the one honoured, with its one reason. */
	unhonoured?: UnhonouredPreference[];
}

export interface Placement {
	childId: string;
	provisionId: string;
	settingUrn: string;
	miles: number;
	minutes: number;
	outOfBorough: boolean;
	cost: CostBreakdown;
	payers: Payers;
	/** Null when the child has no preferences. */
	preference: PreferenceOutcome | null;
}

export type UnplacedReason =
	| "no-feasible-provision"
	| "capacity-exhausted"
	| "cost-above-unplaced-penalty"
	/** Every published place with room would cost more than the independent-sector fallback. */
	| "fallback-cheaper"
	| "side-constraints";

/** The independent-sector place bought instead (annual £, whole pounds). */
export interface FallbackPlacement {
	phase: string;
	fee: number;
	transport: number;
	valueOfTime: number;
	miles: number;
	minutes: number;
	/** fee + transport + valueOfTime (the objective's figure). */
	total: number;
	/** fee + transport: paid by the home borough. */
	money: number;
}

/** A child not placed in published supply: it falls back to the independent sector, or, when
 * no fallback can serve it (`fallback` null), no placement is found, which is never priced. */
export interface UnplacedChild {
	childId: string;
	reason: UnplacedReason;
	fallback: FallbackPlacement | null;
	/** no-feasible-provision: how many provisions fail each rule first. */
	ruleCounts?: Record<RuleFailure, number>;
	/** capacity-exhausted: the child's feasible provisions, all full, cheapest first. */
	bindingProvisions?: string[];
	preference: PreferenceOutcome | null;
}

export interface ProvisionDual {
	provisionId: string;
	capacity: number;
	used: number;
	/** Annual saving of one more place (≥ 0), exact. */
	shadowPrice: number;
	/** Annual loss from one fewer place (≥ 0), exact; null at capacity 0. */
	lossIfOneFewer: number | null;
	/**
	 * The dearest independent-sector fallback (fee + transport) of the children who could take
	 * a place here: what bounds the shadow price. Null when one of them has no fallback.
	 */
	fallbackCost: number | null;
	/** Lawful mode: priority units of lawful preferences one more place would honour (the
	 * shadow price is then the pounds beside them); 0 otherwise. */
	preferencesGained: number;
}

export interface ChildDual {
	childId: string;
	/** Cost of the child's option plus the price of the place it takes (U if unplaced). */
	dual: number;
}

export interface AllocationSummary {
	objective: number;
	/** Public money: place funding + top-up + fee + transport of every child placed in
	 * published supply, plus fee + transport of every independent-sector fallback. */
	annualCost: number;
	/** The fallbacks' part of annualCost. */
	fallbackCost: number;
	valueOfTime: number;
	preferenceCredit: number;
	/** Σ one-way journey minutes of children placed in published supply. */
	journeyMinutes: number;
	/** Children placed in published supply. */
	placed: number;
	/** Children not placed in published supply: fallback + noPlacementFound. */
	unplaced: number;
	/** Children who fall back to an independent-sector place (priced). */
	fallback: number;
	/** Children whom not even the fallback can serve (never priced as money). */
	noPlacementFound: number;
	outOfBorough: number;
	/** Children placed at their parents' rank-r setting, index r − 1. */
	preferencesHonoured: number[];
	/** Lawful mode: children placed at a preference carrying the lawful priority. */
	lawfulPreferencesHonoured?: number;
	/** Lawful mode: first preferences not honoured, by reason code. */
	firstPreferenceReasons?: Record<string, number>;
}

/** One criterion of the objective, in priority order, and the weight that implements it. */
export interface Criterion {
	order: number;
	criterion: string;
	/** £ of the objective per unit of the criterion (strictly larger than all below together). */
	weight: number;
	unit: string;
}

export interface SideConstraintUsage {
	budgets: { borough: string; cap: number; used: number }[];
	outOfBorough: { borough: string; ceiling: number; used: number }[];
	groups: { childIds: string[]; settingUrns: string[]; together: boolean }[];
	satisfied: boolean;
}

export interface AllocationResult {
	method: Method;
	engine: TransportEngine;
	/** True when the objective is proven minimal (gap 0). */
	optimal: boolean;
	objective: number;
	/** What "optimal" means for this run: the criteria in priority order. */
	criteria: Criterion[];
	/** Proven lower bound on the optimum (null if none could be proven). */
	lowerBound: number | null;
	/** objective − lowerBound, and that as a share of the objective. */
	gap: number | null;
	relativeGap: number | null;
	summary: AllocationSummary;
	placements: Placement[];
	unplaced: UnplacedChild[];
	duals: { provisions: ProvisionDual[]; children: ChildDual[] } | null;
	certificate: OptimalityCertificate | null;
	pruning: { applied: boolean; keptPerChild?: number; rounds?: number; edgesReAdded?: number };
	sideConstraints: SideConstraintUsage | null;
	stats: { children: number; provisions: number; edges: number; augmentations: number };
	/** Rounds over two or more home boroughs: each borough pooled against matching alone. */
	fairShares: FairShares | null;
	warnings: string[];
}

/** One home borough's children in an allocation (pooled, or matching alone). */
export interface BoroughFigures {
	children: number;
	/** Placed in published supply. */
	placed: number;
	/** Fall back to an independent-sector place. */
	fallback: number;
	noPlacementFound: number;
	/** Children placed in published supply at one of their parents' preferences (any rank). */
	preferencesHonoured: number;
	/** Public money of its children's places (every part, as the summary counts it). */
	annualCost: number;
	/** Σ one-way journey minutes of its children placed in published supply. */
	journeyMinutes: number;
	/** What the borough pays: its children's top-ups, fees and transport, and place funding
	 * for every child placed in a setting it hosts. */
	spend: number;
}

export interface BoroughFairShare {
	borough: string;
	/** In this round's allocation. */
	pooled: BoroughFigures;
	/** Its children, its own borough's places only, the same fallback. */
	alone: BoroughFigures;
}

/** Money one borough's children move: the host pays place funding, the home the top-up. */
export interface BoroughFlow {
	home: string;
	host: string;
	children: number;
	placeFunding: number;
	topUp: number;
}

export interface FairShares {
	boroughs: BoroughFairShare[];
	/** Between boroughs, in this round's allocation (alone, none moves). */
	flows: BoroughFlow[];
	/**
	 * Every borough's own round, solved at once (they share no child and no place). In lawful
	 * mode the objective carries the alone round's own priority weight.
	 */
	alone: { objective: number; optimal: boolean; annualCost: number; placed: number };
	guarantee: {
		/** Each borough places at least as many of its children in published supply as alone. */
		on: boolean;
		/** Boroughs that place fewer pooled than alone in the unconstrained optimum. */
		worseOffWithout: string[];
		/**
		 * What London gives up for it against the unconstrained optimum (null when off): the
		 * objective and annual £ it adds, the children it places fewer in published supply
		 * (negative: more), and in lawful mode the lawful preferences it honours fewer.
		 */
		price: {
			objective: number;
			annualCost: number;
			placedFewer: number;
			lawfulPreferencesFewer?: number;
		} | null;
	};
}
