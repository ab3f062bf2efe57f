import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Provision, planPlaces, solveAllocation } from "../../solver/index";
import { instanceArb } from "./support/arbitraries";

/**
 * Planning new places: after every step the plan's optimum must be exactly what a cold solve
 * of the round with the places added so far reaches, each step's saving must be the largest
 * one more eligible place could make, and no ineligible provision may get one.
 */
describe("planPlaces", () => {
	it("steps through optima a cold solve confirms, each the largest saving available", () => {
		fc.assert(
			fc.property(instanceArb(12, 5), fc.integer({ min: 1, max: 4 }), (drawn, places) => {
				// Given out of id order: the plan must follow provisions by id, not by position.
				const instance = { ...drawn, provisions: [...drawn.provisions].reverse() };
				const eligible = (p: Provision) => p.needTypes.includes("ASD");
				const plan = planPlaces(instance, eligible, places);
				const withAdded = (added: Map<string, number>) =>
					instance.provisions.map((p) => ({ ...p, capacity: p.capacity + (added.get(p.id) ?? 0) }));
				const added = new Map<string, number>();
				let objective = plan.objective;
				expect(solveAllocation(instance).objective).toBe(objective);
				for (const step of plan.steps) {
					const at = instance.provisions.find((p) => p.id === step.provisionId) as Provision;
					expect(eligible(at)).toBe(true);
					// No other eligible provision's next place would have saved more.
					for (const p of instance.provisions.filter(eligible)) {
						const trial = new Map(added).set(p.id, (added.get(p.id) ?? 0) + 1);
						const alt = solveAllocation({ ...instance, provisions: withAdded(trial) }).objective;
						expect(objective - alt).toBeLessThanOrEqual(step.saving);
					}
					added.set(at.id, (added.get(at.id) ?? 0) + 1);
					const cold = solveAllocation({ ...instance, provisions: withAdded(added) });
					expect(step.objective).toBe(cold.objective);
					expect(step.saving).toBe(objective - cold.objective);
					expect(step.saving).toBeGreaterThan(0);
					objective = step.objective;
				}
				expect(plan.stoppedEarly).toBe(plan.steps.length < places);
			}),
			{ numRuns: 80 },
		);
	});
});
