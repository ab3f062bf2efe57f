import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
	type AllocationResult,
	type Child,
	type HighsModule,
	solveAllocation,
	solveGreedy,
} from "../../solver/index";
import { instanceArb, type SmallInstance } from "./support/arbitraries";
import { bruteForceOptimum } from "./support/brute-force";
import { referenceEdges, referenceUnplacedCost } from "./support/reference";

function checkInvariants(instance: SmallInstance, result: AllocationResult): void {
	const edges = referenceEdges(instance.children, instance.provisions, instance.params);
	const U = instance.params.cost.unplacedPenalty;
	const seen = new Set<string>();
	const used = new Map<string, number>();
	let objective = 0;
	for (const placement of result.placements) {
		expect(seen.has(placement.childId)).toBe(false);
		seen.add(placement.childId);
		used.set(placement.provisionId, (used.get(placement.provisionId) ?? 0) + 1);
		const edge = edges.get(`${placement.childId}→${placement.provisionId}`);
		expect(edge, "only feasible edges are used").toBeDefined();
		const c = placement.cost;
		expect(c.total).toBe(
			c.placeFunding + c.topUp + c.fee + c.transport + c.valueOfTime - c.preferenceCredit,
		);
		expect(c.total).toBe(edge?.total);
		expect(placement.payers.homePays + placement.payers.hostPays).toBe(edge?.money);
		objective += c.total;
	}
	const childById = new Map(instance.children.map((c) => [c.id, c]));
	let fallbackMoney = 0;
	for (const u of result.unplaced) {
		expect(seen.has(u.childId)).toBe(false);
		seen.add(u.childId);
		const cost = referenceUnplacedCost(childById.get(u.childId) as Child, instance.params);
		expect(u.fallback?.total ?? U).toBe(cost);
		if (u.fallback) expect(u.fallback.money).toBe(u.fallback.fee + u.fallback.transport);
		fallbackMoney += u.fallback?.money ?? 0;
		objective += cost;
	}
	const publishedMoney = result.placements.reduce(
		(sum, p) => sum + p.payers.homePays + p.payers.hostPays,
		0,
	);
	expect(result.summary.fallbackCost).toBe(fallbackMoney);
	expect(result.summary.annualCost).toBe(publishedMoney + fallbackMoney);
	expect(result.summary.fallback + result.summary.noPlacementFound).toBe(result.summary.unplaced);
	expect(result.summary.fallback).toBe(result.unplaced.filter((u) => u.fallback).length);
	expect(seen.size).toBe(instance.children.length);
	for (const p of instance.provisions) expect(used.get(p.id) ?? 0).toBeLessThanOrEqual(p.capacity);
	expect(result.objective).toBe(objective);
	expect(result.summary.objective).toBe(objective);
	expect(result.summary.placed + result.summary.unplaced).toBe(instance.children.length);
}

describe("solveAllocation", () => {
	let highs: HighsModule;
	beforeAll(async () => {
		highs = await loadHighs();
	});

	it("respects capacity, places each child at most once, on feasible edges, with consistent costs", () => {
		fc.assert(
			fc.property(instanceArb(12, 6), (instance) => {
				const result = solveAllocation(instance);
				checkInvariants(instance, result);
				expect(["network-exact", "simplex-exact"]).toContain(result.method);
				expect(result.optimal).toBe(true);
				expect(result.certificate?.optimal).toBe(true);
			}),
			{ numRuns: 150 },
		);
	});

	it("matches brute force on tiny rounds (≤ 6 children × 3 provisions)", () => {
		fc.assert(
			fc.property(instanceArb(6, 3, 2), (instance) => {
				const expected = bruteForceOptimum(instance.children, instance.provisions, instance.params);
				expect(solveAllocation(instance).objective).toBe(expected);
			}),
			{ numRuns: 300 },
		);
	});

	it("is never worse than the greedy nearest-place baseline", () => {
		fc.assert(
			fc.property(instanceArb(15, 6), (instance) => {
				const optimum = solveAllocation(instance).objective;
				expect(optimum).toBeLessThanOrEqual(solveGreedy(instance).summary.objective);
			}),
			{ numRuns: 100 },
		);
	});

	it("reaches the same optimum with every engine (network, simplex, auto, lp, HiGHS) and with pruning", () => {
		fc.assert(
			fc.property(instanceArb(20, 8), (instance) => {
				const network = solveAllocation({ ...instance, options: { engine: "network" } });
				const simplex = solveAllocation({ ...instance, options: { engine: "simplex" } });
				const auto = solveAllocation(instance);
				const lp = solveAllocation({ ...instance, options: { engine: "lp" } });
				const viaHighs = solveAllocation({ ...instance, options: { engine: "highs", highs } });
				const pruned = solveAllocation({ ...instance, options: { pruneK: 1 } });
				expect(network.method).toBe("network-exact");
				expect(simplex.method).toBe("simplex-exact");
				expect(simplex.certificate?.optimal).toBe(true);
				checkInvariants(instance, simplex);
				expect(simplex.objective).toBe(network.objective);
				expect(auto.objective).toBe(network.objective);
				expect(lp.method).toBe("lp-exact");
				expect(lp.certificate?.optimal).toBe(true);
				expect(viaHighs.method).toBe("highs-exact");
				expect(viaHighs.certificate?.optimal).toBe(true);
				expect(viaHighs.warnings).toEqual([]);
				checkInvariants(instance, lp);
				checkInvariants(instance, viaHighs);
				checkInvariants(instance, pruned);
				expect(lp.objective).toBe(network.objective);
				expect(viaHighs.objective).toBe(network.objective);
				expect(pruned.objective).toBe(network.objective);
				expect(pruned.pruning.applied).toBe(true);
			}),
			{ numRuns: 60 },
		);
	});

	it("falls back to the network engine, with a warning, when HiGHS cannot be used", () => {
		const round = fc.sample(instanceArb(8, 4), { numRuns: 1, seed: 7 })[0] as SmallInstance;
		const network = solveAllocation(round);
		const withoutModule = solveAllocation({ ...round, options: { engine: "highs" } });
		expect(withoutModule.method).toBe("network-exact");
		expect(withoutModule.warnings.join(" ")).toMatch(/without the loaded module/);
		const withSide = solveAllocation({
			...round,
			sideConstraints: { outOfBoroughCeilings: { "202": 0 } },
			options: { engine: "highs", highs },
		});
		expect(withSide.warnings.join(" ")).toMatch(/without side constraints only/);
		expect(withoutModule.objective).toBe(network.objective);
	});

	it("answers an empty round", () => {
		const result = solveAllocation({ children: [], provisions: [] });
		expect(result.objective).toBe(0);
		expect(result.placements).toEqual([]);
	});
});
