import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationResult, type SideConstraints, solveAllocation } from "../../solver/index";
import { instanceArb, type SmallInstance, sideArb } from "./support/arbitraries";
import { bruteForceOptimum } from "./support/brute-force";
import { meetsSideConstraints, referenceEdges } from "./support/reference";

const tinyWithSide = instanceArb(6, 3, 2).chain((instance) =>
	sideArb(instance).map((side) => ({ instance, side })),
);

function respected(
	instance: SmallInstance,
	side: SideConstraints,
	result: AllocationResult,
): boolean {
	const proposal = new Map(result.placements.map((p) => [p.childId, p.provisionId]));
	const edges = referenceEdges(instance.children, instance.provisions, instance.params);
	return meetsSideConstraints(proposal, instance.children, instance.provisions, edges, side);
}

describe("side constraints", () => {
	it("the integer model finds the brute-force optimum and respects every row", () => {
		fc.assert(
			fc.property(tinyWithSide, ({ instance, side }) => {
				const result = solveAllocation({ ...instance, sideConstraints: side });
				const optimum = bruteForceOptimum(instance.children, instance.provisions, instance.params, {
					side,
				});
				expect(respected(instance, side, result)).toBe(true);
				expect(result.sideConstraints?.satisfied ?? true).toBe(true);
				expect(result.objective).toBe(optimum);
				expect(result.lowerBound).not.toBeNull();
				expect(result.lowerBound as number).toBeLessThanOrEqual(optimum);
			}),
			{ numRuns: 250 },
		);
	});

	it("the Lagrangian path is feasible and brackets the optimum with its bound", () => {
		fc.assert(
			fc.property(tinyWithSide, ({ instance, side }) => {
				const result = solveAllocation({
					...instance,
					sideConstraints: side,
					options: { engine: "network", lagrangianIterations: 15 },
				});
				const optimum = bruteForceOptimum(instance.children, instance.provisions, instance.params, {
					side,
				});
				expect(respected(instance, side, result)).toBe(true);
				const hasRows =
					Object.keys(side.budgetCaps ?? {}).length +
					Object.keys(side.outOfBoroughCeilings ?? {}).length;
				const grouped = (side.sameSettingGroups ?? []).length > 0;
				if (hasRows || grouped) expect(result.method).toBe("lagrangian");
				expect(result.objective).toBeGreaterThanOrEqual(optimum);
				expect(result.lowerBound as number).toBeLessThanOrEqual(optimum);
				expect(result.gap).toBe(result.objective - (result.lowerBound as number));
				expect(result.optimal).toBe(result.gap === 0);
			}),
			{ numRuns: 250 },
		);
	});

	it("without binding rows the side path proves the network optimum", () => {
		fc.assert(
			fc.property(instanceArb(10, 5), (instance) => {
				const free = solveAllocation(instance);
				const capped = solveAllocation({
					...instance,
					sideConstraints: { budgetCaps: { "202": 1e9 }, outOfBoroughCeilings: { "206": 100 } },
					options: { engine: "network" },
				});
				expect(capped.objective).toBe(free.objective);
				expect(capped.optimal).toBe(true);
			}),
			{ numRuns: 50 },
		);
	});

	it("a zero out-of-borough ceiling keeps a borough's children at home or unplaced", () => {
		fc.assert(
			fc.property(instanceArb(12, 6), (instance) => {
				const result = solveAllocation({
					...instance,
					sideConstraints: { outOfBoroughCeilings: { "202": 0 } },
				});
				const home = new Map(instance.children.map((c) => [c.id, c.borough]));
				for (const p of result.placements) {
					if (home.get(p.childId) === "202") expect(p.outOfBorough).toBe(false);
				}
			}),
			{ numRuns: 60 },
		);
	});
});
