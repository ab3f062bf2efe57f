// How a borough's EHC plans of each DfE placement type spread over phases, from the DfE's ages.
import type { PhaseFilter } from "../../../schema/index.js";
import { phaseOfAge, phaseWeightsOfPlacement, type Weighted } from "./dimensions.js";

/** The `placement` of plans_by_age rows that count every placement type together. */
export const ALL_PLACEMENTS = "all";

interface AgeRow {
	boroughCode: string;
	placement: string;
	age: number;
	plans: number;
}
interface PlanRow {
	boroughCode: string;
	placement: string;
	plans: number;
}
type Phases = Map<PhaseFilter, number>;

const add = (m: Phases, phase: PhaseFilter, n: number) => m.set(phase, (m.get(phase) ?? 0) + n);
const sumOf = (m: Phases) => [...m.values()].reduce((a, b) => a + b, 0);

/** Shares of a phase count, in phase-name order (null: nothing to share out). */
function weightsOf(m: Phases | undefined): Weighted | null {
	const total = m ? sumOf(m) : 0;
	if (!m || total <= 0) return null;
	return [...m.entries()]
		.filter(([, n]) => n > 0)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([phase, n]) => [phase, n / total] as const);
}

/**
 * Takes `amount` plans out of the ages left: from its own phases first, in order (an early-years
 * setting's children are of early-years age, or just 4; a college's post-16, or just under), the
 * rest from every phase in proportion to what is left there.
 */
function take(left: Phases, amount: number, own: readonly PhaseFilter[]): Phases {
	const taken: Phases = new Map();
	let rest = amount;
	for (const phase of own) {
		const n = Math.min(rest, left.get(phase) ?? 0);
		add(taken, phase, n);
		left.set(phase, (left.get(phase) ?? 0) - n);
		rest -= n;
	}
	const pool = sumOf(left);
	if (rest <= 0 || pool <= 0) return taken;
	for (const [phase, n] of [...left]) {
		const share = (rest * n) / pool;
		add(taken, phase, share);
		left.set(phase, Math.max(0, n - share));
	}
	return taken;
}

const KINDS = ["early", "college", "school"] as const;
type Kind = (typeof KINDS)[number];
const kindOf = (placement: string): Kind =>
	placement === "early_years" ? "early" : placement.startsWith("fe_") ? "college" : "school";
const OWN_PHASES: Record<Kind, readonly PhaseFilter[]> = {
	early: ["early_years", "primary"],
	college: ["post16", "secondary"],
	school: [],
};

/**
 * The DfE gives ages for the specialist placement types and for all placements together. A type
 * with its own ages spreads by them. The other types share the ages left once those are taken
 * out of the borough's all-placements ages: early-years settings first (early-years ages, then
 * primary), further education next (post-16, then secondary), school placements what remains.
 * So a borough's phases carry its plans of each age exactly. Without the DfE's ages (for the
 * borough, or the type when `plans` is not given), a type's general rule applies instead
 * (phaseWeightsOfPlacement).
 */
export function phaseWeightsFrom(rows: readonly AgeRow[], plans: readonly PlanRow[] = []) {
	const ages = new Map<string, Map<string, Phases>>();
	for (const r of rows) {
		const types = ages.get(r.boroughCode) ?? new Map<string, Phases>();
		const phases = types.get(r.placement) ?? new Map();
		types.set(r.placement, add(phases, phaseOfAge(r.age), r.plans));
		ages.set(r.boroughCode, types);
	}
	const weights = new Map<string, Weighted | null>();
	for (const [borough, types] of ages)
		for (const [placement, phases] of types)
			if (placement !== ALL_PLACEMENTS) weights.set(`${borough}/${placement}`, weightsOf(phases));

	const amounts = new Map<string, Record<Kind, number>>();
	for (const p of plans) {
		if (weights.get(`${p.boroughCode}/${p.placement}`)) continue;
		const a = amounts.get(p.boroughCode) ?? { early: 0, college: 0, school: 0 };
		a[kindOf(p.placement)] += p.plans;
		amounts.set(p.boroughCode, a);
	}
	const shared = new Map<string, Weighted | null>();
	for (const [borough, a] of amounts) {
		const types = ages.get(borough);
		const all = types?.get(ALL_PLACEMENTS);
		if (!types || !all) continue;
		const left: Phases = new Map(all);
		for (const [placement, phases] of types)
			if (placement !== ALL_PLACEMENTS)
				for (const [phase, n] of phases) left.set(phase, Math.max(0, (left.get(phase) ?? 0) - n));
		for (const kind of KINDS)
			shared.set(`${borough}/${kind}`, weightsOf(take(left, a[kind], OWN_PHASES[kind])));
	}

	return (borough: string, placement: string): Weighted =>
		weights.get(`${borough}/${placement}`) ??
		shared.get(`${borough}/${kindOf(placement)}`) ??
		phaseWeightsOfPlacement(placement);
}
