import { describe, expect, it } from "vitest";
import { type Child, type Provision, solveAllocation, solveGreedy } from "../../solver/index";

function provision(id: string, lat: number, capacity: number, topUp: number): Provision {
	return {
		id,
		settingUrn: id,
		borough: "202",
		level: "special_academy",
		needTypes: ["ASD"],
		ageMin: 5,
		ageMax: 16,
		capacity,
		lat,
		lon: 0,
		cost: { placeFunding: 10_000, topUp, fee: 0 },
	};
}
function child(id: string, lat: number, referralOrder?: number): Child {
	return {
		id,
		borough: "202",
		primaryNeed: "ASD",
		age: 12,
		levels: ["special_academy"],
		lat,
		lon: 0,
		referralOrder,
	};
}

describe("greedy baseline", () => {
	it("serves children in referral order, each taking the nearest provision with room", () => {
		const provisions = [provision("NEAR", 51.5, 1, 40_000), provision("FAR", 51.55, 1, 10_000)];
		const children = [child("A", 51.5, 2), child("B", 51.501, 1)];
		const greedy = solveGreedy({ children, provisions });
		expect(greedy.assignments).toEqual([
			{ childId: "A", provisionId: "FAR" },
			{ childId: "B", provisionId: "NEAR" },
		]);
		expect(greedy.summary.placed).toBe(2);
		const optimum = solveAllocation({ children, provisions });
		// B lives nearer FAR, so the optimum swaps them and saves journey time.
		expect(optimum.placements.map((p) => [p.childId, p.provisionId])).toEqual([
			["A", "NEAR"],
			["B", "FAR"],
		]);
		expect(optimum.objective).toBeLessThan(greedy.summary.objective);
		expect(optimum.summary.annualCost).toBeLessThanOrEqual(greedy.summary.annualCost);
	});

	it("falls back to id order when no referral order is given", () => {
		const provisions = [provision("ONLY", 51.5, 1, 10_000)];
		const greedy = solveGreedy({ children: [child("Z", 51.5), child("Y", 51.5)], provisions });
		expect(greedy.assignments).toEqual([
			{ childId: "Y", provisionId: "ONLY" },
			{ childId: "Z", provisionId: null },
		]);
		expect(greedy.summary.unplaced).toBe(1);
	});
});
