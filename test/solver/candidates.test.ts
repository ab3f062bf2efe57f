import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	buildCandidates,
	buildInstance,
	type Child,
	defaultParams,
	type Provision,
} from "../../solver/index";
import { instanceArb } from "./support/arbitraries";
import { referenceEdges } from "./support/reference";

describe("candidate edges", () => {
	it("are exactly the pairs the rules allow, with the reference costs and journeys", () => {
		fc.assert(
			fc.property(instanceArb(10, 6), (input) => {
				const instance = buildInstance(input);
				const edges = buildCandidates(instance);
				// Edges to provisions without a free place are kept for shadow prices: compare them
				// with the reference as if those provisions had one place.
				const opened = input.provisions.map((p) => ({ ...p, capacity: Math.max(1, p.capacity) }));
				const expected = referenceEdges(input.children, opened, input.params);
				expect(edges.count).toBe(expected.size);
				for (let e = 0; e < edges.count; e++) {
					const child = instance.children[edges.child[e] as number] as Child;
					const provision = instance.provisions[edges.provision[e] as number] as Provision;
					const ref = expected.get(`${child.id}→${provision.id}`);
					expect(ref).toBeDefined();
					expect(edges.total[e]).toBe(ref?.total);
					expect(edges.miles[e]).toBe(ref?.miles);
					expect(edges.minutes[e]).toBe(ref?.minutes);
					const parts =
						(edges.placeFunding[e] as number) +
						(edges.topUp[e] as number) +
						(edges.fee[e] as number) +
						(edges.transport[e] as number) +
						(edges.valueOfTime[e] as number) -
						(edges.preferenceCredit[e] as number);
					expect(parts).toBe(edges.total[e]);
				}
			}),
			{ numRuns: 150 },
		);
	});

	it("model journeys as great-circle miles × detour at the given speed, plus overhead", () => {
		// 0.1° of latitude is 6.909 great-circle miles.
		const child: Child = {
			id: "C",
			borough: "202",
			primaryNeed: "ASD",
			age: 14,
			levels: ["sen_unit"],
			lat: 51.5,
			lon: 0,
		};
		const provision: Provision = {
			id: "P",
			settingUrn: "1",
			borough: "202",
			level: "sen_unit",
			needTypes: ["ASD"],
			ageMin: 11,
			ageMax: 16,
			capacity: 1,
			lat: 51.6,
			lon: 0,
			cost: { placeFunding: 6_000, topUp: 9_000, fee: 0 },
		};
		const edges = buildCandidates(buildInstance({ children: [child], provisions: [provision] }));
		const miles = 6.909 * 1.3;
		expect(edges.miles[0]).toBeCloseTo(miles, 1);
		expect(edges.minutes[0]).toBeCloseTo((miles / 12) * 60 + 10, 1);
		expect(edges.transport[0]).toBe(Math.round(990 * (edges.miles[0] as number)));
		const primary = buildCandidates(
			buildInstance({
				children: [{ ...child, age: 9 }],
				provisions: [{ ...provision, ageMin: 5 }],
			}),
		);
		expect(primary.count).toBe(0);
	});

	it("take journeys from the travel matrix where given, and apply the transport minimum", () => {
		const child: Child = {
			id: "C",
			borough: "202",
			primaryNeed: "SEMH",
			age: 9,
			levels: ["esta"],
			lat: 51.5,
			lon: 0,
			preferences: ["7"],
		};
		const provision: Provision = {
			id: "P",
			settingUrn: "7",
			borough: "314",
			level: "esta",
			needTypes: ["SEMH"],
			ageMin: 4,
			ageMax: 11,
			capacity: 2,
			lat: 51.4,
			lon: -0.3,
			cost: { placeFunding: 6_000, topUp: 7_000, fee: 0 },
		};
		const edges = buildCandidates(
			buildInstance({
				children: [child],
				provisions: [provision],
				travelMatrix: { C: { P: { miles: 1, minutes: 30 } } },
			}),
		);
		expect(edges.count).toBe(1);
		expect(edges.transport[0]).toBe(defaultParams.cost.transportMinimumAnnual);
		expect(edges.valueOfTime[0]).toBe(30 * defaultParams.cost.valueOfTimePerMinuteAnnual);
		expect(edges.preferenceCredit[0]).toBe(3_000);
		expect(edges.total[0]).toBe(6_000 + 7_000 + 1_500 + 1_200 - 3_000);
	});

	it("reject duplicate ids and negative capacities", () => {
		const child: Child = {
			id: "C",
			borough: "202",
			primaryNeed: "ASD",
			age: 9,
			levels: [],
			lat: 51.5,
			lon: 0,
		};
		expect(() => buildInstance({ children: [child, child], provisions: [] })).toThrow(/duplicate/);
	});
});
