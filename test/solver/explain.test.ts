import { describe, expect, it } from "vitest";
import { type Child, defaultParams, type Provision, solveAllocation } from "../../solver/index";

const base = { lat: 51.54, lon: -0.1 };
function provision(id: string, over: Partial<Provision> = {}): Provision {
	return {
		id,
		settingUrn: `U-${id}`,
		borough: "206",
		level: "special_academy",
		needTypes: ["ASD"],
		ageMin: 5,
		ageMax: 16,
		capacity: 1,
		...base,
		cost: { placeFunding: 10_000, topUp: 20_000, fee: 0 },
		...over,
	};
}
function child(id: string, over: Partial<Child> = {}): Child {
	return {
		id,
		borough: "206",
		primaryNeed: "ASD",
		age: 9,
		levels: ["special_academy"],
		...base,
		...over,
	};
}

describe("explanations", () => {
	it("splits who pays between home and host borough and flags out-of-borough places", () => {
		const result = solveAllocation({
			children: [child("C1", { borough: "202" })],
			provisions: [provision("P1", { borough: "206" })],
		});
		const [placement] = result.placements;
		expect(placement?.outOfBorough).toBe(true);
		expect(placement?.payers).toEqual({
			homeBorough: "202",
			homePays: 20_000 + defaultParams.cost.transportMinimumAnnual,
			hostBorough: "206",
			hostPays: 10_000,
		});
		expect(placement?.cost.valueOfTime).toBe(
			Math.round(defaultParams.cost.valueOfTimePerMinuteAnnual * 10),
		);
	});

	it("says which rule rules out the first preference", () => {
		const far = provision("FAR", { settingUrn: "999", lat: 51.7 });
		const young = provision("YOUNG", { settingUrn: "998", ageMax: 7 });
		const result = solveAllocation({
			children: [
				child("C1", { preferences: ["999"] }),
				child("C2", { preferences: ["998"] }),
				child("C3", { preferences: ["404"] }),
			],
			provisions: [provision("P1", { capacity: 3 }), far, young],
		});
		const byChild = new Map(result.placements.map((p) => [p.childId, p.preference?.bestRanked]));
		expect(byChild.get("C1")).toMatchObject({
			status: "infeasible",
			failures: [{ provisionId: "FAR", rule: "journey-too-long" }],
		});
		expect(byChild.get("C2")).toMatchObject({
			status: "infeasible",
			failures: [{ provisionId: "YOUNG", rule: "age-out-of-range" }],
		});
		expect(byChild.get("C3")).toEqual({ settingUrn: "404", rank: 1, status: "not-published" });
	});

	it("prices a lost preference exactly when the only way to honour it is a swap", () => {
		// Both children want the one place at S; O, elsewhere, has room for both.
		const wanted = provision("S", {
			settingUrn: "100",
			cost: { placeFunding: 10_000, topUp: 10_000, fee: 0 },
		});
		const other = provision("O", { settingUrn: "200", capacity: 2, lat: 51.56, lon: -0.12 });
		const children = [
			child("C1", { preferences: ["100"] }),
			child("C2", { preferences: ["100"], lat: 51.52 }),
		];
		const result = solveAllocation({ children, provisions: [wanted, other] });
		const loser = result.placements.find((p) => p.provisionId === "O");
		const winner = result.placements.find((p) => p.provisionId === "S");
		const explanation = loser?.preference?.bestRanked;
		expect(explanation).toMatchObject({ status: "feasible-but-lost", provisionId: "S" });
		const cost = (c: string, p: Provision) =>
			solveAllocation({ children: children.filter((x) => x.id === c), provisions: [p] }).objective;
		const swap =
			cost(loser?.childId ?? "", wanted) +
			cost(winner?.childId ?? "", other) -
			cost(winner?.childId ?? "", wanted) -
			cost(loser?.childId ?? "", other);
		expect(swap).toBeGreaterThan(0);
		expect(explanation?.extraCost?.estimate).toBe(swap);
		expect(explanation?.extraCost?.releasedPlaceValue).toBe(0);
	});

	it("names the full provisions that leave a child unplaced, and counts failed rules otherwise", () => {
		const result = solveAllocation({
			children: [child("C1"), child("C2"), child("C3", { primaryNeed: "HI" })],
			provisions: [provision("P1"), provision("P2", { level: "sen_unit" })],
		});
		const unplaced = new Map(result.unplaced.map((u) => [u.childId, u]));
		const capacityBound = [...unplaced.values()].find((u) => u.reason === "capacity-exhausted");
		expect(capacityBound?.bindingProvisions).toEqual(["P1"]);
		expect(unplaced.get("C3")).toMatchObject({
			reason: "no-feasible-provision",
			ruleCounts: { "need-not-designated": 2, "age-out-of-range": 0, "level-not-accepted": 0 },
		});
		expect(
			result.duals?.provisions.find((d) => d.provisionId === "P1")?.shadowPrice,
		).toBeGreaterThan(0);
	});
});
