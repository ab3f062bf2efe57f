import fc from "fast-check";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { type HighsModule, solveAllocation } from "../../solver/index";
import { instanceArb, type SmallInstance } from "./support/arbitraries";
import { referenceEdges, referenceUnplacedCost } from "./support/reference";

function withCapacity(instance: SmallInstance, provisionId: string, delta: number): SmallInstance {
	return {
		...instance,
		provisions: instance.provisions.map((p) =>
			p.id === provisionId ? { ...p, capacity: p.capacity + delta } : p,
		),
	};
}

describe("shadow prices", () => {
	it("equal the exact saving of one more place and the loss of one fewer (re-solve)", () => {
		fc.assert(
			fc.property(instanceArb(14, 6), fc.nat(), (instance, pick) => {
				const base = solveAllocation(instance);
				const duals = base.duals?.provisions ?? [];
				expect(duals).toHaveLength(instance.provisions.length);
				const sample = duals[pick % duals.length];
				if (!sample) return;
				const more = solveAllocation(withCapacity(instance, sample.provisionId, 1));
				expect(sample.shadowPrice).toBe(base.objective - more.objective);
				if (sample.capacity > 0) {
					const fewer = solveAllocation(withCapacity(instance, sample.provisionId, -1));
					expect(sample.lossIfOneFewer).toBe(fewer.objective - base.objective);
				} else {
					expect(sample.lossIfOneFewer).toBeNull();
				}
			}),
			{ numRuns: 200 },
		);
	});

	it("are non-negative, zero where places are left, and price each child consistently", () => {
		fc.assert(
			fc.property(instanceArb(14, 6), (instance) => {
				const result = solveAllocation(instance);
				const byId = new Map(result.duals?.provisions.map((d) => [d.provisionId, d]));
				for (const d of byId.values()) {
					expect(d.shadowPrice).toBeGreaterThanOrEqual(0);
					if (d.used < d.capacity) expect(d.shadowPrice).toBe(0);
					if (d.lossIfOneFewer !== null)
						expect(d.lossIfOneFewer).toBeGreaterThanOrEqual(d.shadowPrice);
				}
				const childDual = new Map(result.duals?.children.map((c) => [c.childId, c.dual]));
				for (const p of result.placements) {
					expect(childDual.get(p.childId)).toBe(
						p.cost.total + (byId.get(p.provisionId)?.shadowPrice ?? Number.NaN),
					);
				}
				for (const u of result.unplaced) {
					expect(childDual.get(u.childId)).toBe(
						u.fallback?.total ?? instance.params.cost.unplacedPenalty,
					);
				}
			}),
			{ numRuns: 150 },
		);
	});

	it("are bounded by the fallback: one more place saves at most what a child's fallback costs over that place", () => {
		fc.assert(
			fc.property(instanceArb(14, 6), (instance) => {
				const result = solveAllocation(instance);
				const edges = referenceEdges(instance.children, instance.provisions, instance.params);
				for (const d of result.duals?.provisions ?? []) {
					if (d.capacity === 0) continue;
					const takers = instance.children.flatMap((c) => {
						const edge = edges.get(`${c.id}→${d.provisionId}`);
						return edge ? [{ edge, unplaced: referenceUnplacedCost(c, instance.params) }] : [];
					});
					const bound = Math.max(0, ...takers.map((t) => t.unplaced - t.edge.total));
					expect(d.shadowPrice).toBeLessThanOrEqual(bound);
					const allHaveFallback =
						takers.length > 0 &&
						takers.every((t) => t.unplaced < instance.params.cost.unplacedPenalty);
					if (!allHaveFallback) expect(d.fallbackCost).toBeNull();
					else expect(d.fallbackCost).not.toBeNull();
				}
			}),
			{ numRuns: 150 },
		);
	});

	it("are the same from the simplex engine's potentials or an LP solution (javascript-lp-solver or HiGHS)", async () => {
		const highs: HighsModule = await loadHighs();
		fc.assert(
			fc.property(instanceArb(14, 6), (instance) => {
				const network = solveAllocation({ ...instance, options: { engine: "network" } });
				const prices = network.duals?.provisions.map((d) => d.shadowPrice);
				const losses = network.duals?.provisions.map((d) => d.lossIfOneFewer);
				const childDuals = network.duals?.children.map((c) => c.dual);
				const simplex = solveAllocation({ ...instance, options: { engine: "simplex" } });
				expect(simplex.duals?.provisions.map((d) => d.shadowPrice)).toEqual(prices);
				expect(simplex.duals?.provisions.map((d) => d.lossIfOneFewer)).toEqual(losses);
				expect(simplex.duals?.children.map((c) => c.dual)).toEqual(childDuals);
				const lp = solveAllocation({ ...instance, options: { engine: "lp" } });
				const viaHighs = solveAllocation({ ...instance, options: { engine: "highs", highs } });
				expect(lp.duals?.provisions.map((d) => d.shadowPrice)).toEqual(prices);
				expect(viaHighs.duals?.provisions.map((d) => d.shadowPrice)).toEqual(prices);
			}),
			{ numRuns: 50 },
		);
	});
});
