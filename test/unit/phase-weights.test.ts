import { describe, expect, it } from "vitest";
import { phaseWeightsFrom } from "../../src/services/sufficiency/facts.js";

const row = (placement: string, age: number, plans: number) => ({
	boroughCode: "314",
	placement,
	age,
	plans,
});

describe("phaseWeightsFrom", () => {
	it("spreads a placement type's plans over phases by the DfE ages", () => {
		const weights = phaseWeightsFrom([
			row("special_academy_free", 5, 30),
			row("special_academy_free", 12, 50),
			row("special_academy_free", 17, 20),
		]);
		expect(weights("314", "special_academy_free")).toEqual([
			["post16", 0.2],
			["primary", 0.3],
			["secondary", 0.5],
		]);
	});

	it("falls back to the placement type's rule where the borough has no ages for it", () => {
		const weights = phaseWeightsFrom([row("special_academy_free", 5, 30)]);
		expect(weights("318", "special_academy_free")).toEqual([
			["primary", 7 / 12],
			["secondary", 5 / 12],
		]);
		expect(weights("314", "fe_specialist_post16")).toEqual([["post16", 1]]);
	});
});
