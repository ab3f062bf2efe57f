import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	type AllocationResult,
	type Engine,
	type PreferencePolicy,
	solveAllocation,
} from "../../solver/index";
import { instanceArb, type SmallInstance } from "./support/arbitraries";
import { bruteForceOptimum } from "./support/brute-force";
import { bruteForceWithFloors } from "./support/fair-reference";

/**
 * Fair shares across boroughs: every borough alone (its children, its own places, the same
 * fallback) against the pooled round, and the no-borough-worse-off guarantee, checked against
 * exhaustive enumeration on tiny rounds and between engines on larger ones.
 */
const multiBorough = (instance: SmallInstance) =>
	new Set(instance.children.map((c) => c.borough)).size >= 2;

const POLICY: PreferencePolicy = {
	resourcesTest: { default: { absolute: 5_000, percent: null } },
	nonApprovedIndependentByAgreement: false,
};

const solve = (instance: SmallInstance, engine: Engine = "network", guarantee = true) =>
	solveAllocation({ ...instance, options: { engine, explain: false, guarantee } });

function shares(result: AllocationResult) {
	const fair = result.fairShares;
	if (!fair) throw new Error("no fair shares for a multi-borough round");
	return fair;
}

describe("fair shares across boroughs", () => {
	it("a round of one borough has none, nor one that skips them; skipping changes no optimum", () => {
		fc.assert(
			fc.property(instanceArb(5, 4), (instance) => {
				const one = {
					...instance,
					children: instance.children.map((c) => ({ ...c, borough: "202" })),
				};
				expect(solve(one).fairShares).toBeNull();
				const skipped = solveAllocation({ ...instance, options: { fairShares: false } });
				expect(skipped.fairShares).toBeNull();
				expect(skipped.objective).toBe(solve(instance, "network", false).objective);
			}),
			{ numRuns: 20 },
		);
	});

	it("alone is each borough's own optimum; the guarantee is the optimum with every borough's floor", () => {
		let binding = 0;
		fc.assert(
			fc.property(instanceArb(6, 4).filter(multiBorough), (instance) => {
				const on = solve(instance);
				const off = solve(instance, "network", false);
				const fair = shares(on);
				const boroughs = fair.boroughs.map((b) => b.borough);
				let aloneOptimum = 0;
				for (const b of boroughs) {
					aloneOptimum += bruteForceOptimum(
						instance.children.filter((c) => c.borough === b),
						instance.provisions.filter((p) => p.borough === b),
						instance.params,
					);
				}
				expect(fair.alone.objective).toBe(aloneOptimum);
				expect(fair.alone.optimal).toBe(true);
				expect(off.objective).toBe(
					bruteForceWithFloors(instance.children, instance.provisions, instance.params, new Map()),
				);
				if (fair.guarantee.worseOffWithout.length > 0) binding++;
				const floors = new Map(fair.boroughs.map((b) => [b.borough, b.alone.placed]));
				expect(on.objective).toBe(
					bruteForceWithFloors(instance.children, instance.provisions, instance.params, floors),
				);
				expect(on.optimal).toBe(true);
				for (const b of fair.boroughs)
					expect(b.pooled.placed).toBeGreaterThanOrEqual(b.alone.placed);
				expect(fair.guarantee.price?.objective).toBe(on.objective - off.objective);
				expect(fair.guarantee.price?.objective).toBeGreaterThanOrEqual(0);
				expect(shares(off).guarantee.price).toBeNull();
				expect(shares(off).guarantee.worseOffWithout).toEqual(fair.guarantee.worseOffWithout);
				const worse = shares(off)
					.boroughs.filter((b) => b.pooled.placed < b.alone.placed)
					.map((b) => b.borough);
				expect(fair.guarantee.worseOffWithout).toEqual(worse);
			}),
			// A fixed seed: how many random rounds make the guarantee bind is then a fixed number
			// (with a random one it fell to 3 of 150 at times), and the test still proves it binds.
			{ numRuns: 150, seed: 20261201 },
		);
		expect(binding, "rounds where pooling leaves a borough worse off").toBeGreaterThan(2);
	});

	it("per-borough figures add up to the round's, and the money between boroughs to its placements", () => {
		fc.assert(
			fc.property(instanceArb(8, 5).filter(multiBorough), fc.boolean(), (instance, guarantee) => {
				const result = solveAllocation({ ...instance, options: { guarantee } });
				const fair = shares(result);
				const total = (
					key: "placed" | "fallback" | "noPlacementFound" | "annualCost" | "children",
				) => fair.boroughs.reduce((n, b) => n + b.pooled[key], 0);
				expect(total("children")).toBe(instance.children.length);
				expect(total("placed")).toBe(result.summary.placed);
				expect(total("fallback")).toBe(result.summary.fallback);
				expect(total("noPlacementFound")).toBe(result.summary.noPlacementFound);
				expect(total("annualCost")).toBe(result.summary.annualCost);
				const home = new Map(instance.children.map((c) => [c.id, c.borough]));
				const host = new Map(instance.provisions.map((p) => [p.id, p.borough]));
				// Place funding of a host with no children in the round is that host's spend.
				const listed = new Set(fair.boroughs.map((b) => b.borough));
				const hostOnly = result.placements
					.filter((p) => !listed.has(host.get(p.provisionId) as string))
					.reduce((n, p) => n + p.cost.placeFunding, 0);
				const spend = fair.boroughs.reduce((n, b) => n + b.pooled.spend, 0);
				expect(spend + hostOnly).toBe(result.summary.annualCost);
				for (const b of fair.boroughs) expect(b.alone.spend).toBe(b.alone.annualCost);
				const away = result.placements.filter(
					(p) => home.get(p.childId) !== host.get(p.provisionId),
				);
				expect(fair.flows.reduce((n, f) => n + f.children, 0)).toBe(away.length);
				expect(fair.flows.reduce((n, f) => n + f.topUp, 0)).toBe(
					away.reduce((n, p) => n + p.cost.topUp, 0),
				);
				expect(fair.flows.reduce((n, f) => n + f.placeFunding, 0)).toBe(
					away.reduce((n, p) => n + p.cost.placeFunding, 0),
				);
				for (const b of fair.boroughs) {
					const mine = result.placements.filter((p) => home.get(p.childId) === b.borough);
					expect(b.pooled.placed).toBe(mine.length);
					expect(b.alone.children).toBe(b.pooled.children);
				}
			}),
			{ numRuns: 100 },
		);
	});

	it("with the guarantee on no borough places fewer than alone, and the engines agree, on larger rounds", () => {
		fc.assert(
			fc.property(instanceArb(40, 14, 4).filter(multiBorough), fc.boolean(), (plain, lawful) => {
				const instance = lawful
					? { ...plain, params: { ...plain.params, lawfulPreferences: POLICY } }
					: plain;
				const network = solve(instance, "network");
				const simplex = solve(instance, "simplex");
				expect(simplex.objective).toBe(network.objective);
				expect(network.certificate?.optimal).toBe(true);
				expect(simplex.certificate?.optimal).toBe(true);
				for (const r of [network, simplex]) {
					for (const b of shares(r).boroughs)
						expect(b.pooled.placed).toBeGreaterThanOrEqual(b.alone.placed);
				}
				expect(shares(simplex).alone.objective).toBe(shares(network).alone.objective);
				const off = solve(instance, "network", false);
				expect(network.objective).toBeGreaterThanOrEqual(off.objective);
			}),
			{ numRuns: 60 },
		);
	});
});
