import fc from "fast-check";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import {
	type AllocationResult,
	type Child,
	defaultParams,
	type Params,
	type PreferencePolicy,
	type Provision,
	solveAllocation,
} from "../../solver/index";
import { instanceArb, type SmallInstance } from "./support/arbitraries";
import { bruteForceLexicographic, referencePriority } from "./support/lawful-reference";
import { referenceEdges, referenceUnplacedCost } from "./support/reference";

const policyArb: fc.Arbitrary<PreferencePolicy> = fc.record({
	resourcesTest: fc.record({
		default: fc.record({
			absolute: fc.constantFrom(null, 0, 5_000, 20_000),
			percent: fc.constantFrom(null, 10, 50),
		}),
	}),
	nonApprovedIndependentByAgreement: fc.boolean(),
});

/** Some special academies become independent schools, on the s.41 list or not. */
const lawfulArb = (children: number, provisions: number) =>
	fc
		.tuple(
			instanceArb(children, provisions),
			policyArb,
			fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
		)
		.map(
			([instance, policy, flags]): SmallInstance => ({
				children: instance.children.map((c) =>
					c.levels.includes("special_academy")
						? { ...c, levels: [...c.levels, "special_independent"] }
						: c,
				),
				provisions: instance.provisions.map((p, k) =>
					p.level === "special_academy" && flags[k]
						? { ...p, level: "special_independent", s41Approved: flags[(k + 5) % 12] }
						: p,
				),
				params: { ...instance.params, lawfulPreferences: policy },
			}),
		);

/**
 * Each child's best alternative's public money: of its options that are not preferences (the
 * fallback among them), the cheapest at the prices (shadow prices) of the round solved on cost
 * alone; ties to the cheaper, then the lower id, the fallback last.
 */
function costOnlyAlternatives(instance: SmallInstance): Map<string, number | null> {
	const { lawfulPreferences: _, ...params } = instance.params;
	const plain = { ...params, cost: { ...params.cost, preferenceCredit: [0] } };
	const solved = solveAllocation({ ...instance, params: plain });
	const price = new Map(solved.duals?.provisions.map((d) => [d.provisionId, d.shadowPrice]));
	const edges = referenceEdges(instance.children, instance.provisions, plain);
	const ids = instance.provisions.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	return new Map(
		instance.children.map((c) => {
			const options = ids.flatMap((id) => {
				const p = instance.provisions.find((x) => x.id === id) as Provision;
				const e = edges.get(`${c.id}→${id}`);
				if (!e || (c.preferences ?? []).includes(p.settingUrn)) return [];
				if (e.total >= plain.cost.unplacedPenalty) return [];
				return [{ value: e.total + (price.get(id) ?? 0), total: e.total, money: e.money }];
			});
			const fallback = referenceUnplacedCost(c, plain);
			if (fallback < plain.cost.unplacedPenalty) {
				const time = Math.round(
					plain.cost.valueOfTimePerMinuteAnnual * (plain.fallback?.journey.minutes ?? 0),
				);
				options.push({ value: fallback, total: fallback, money: fallback - time });
			}
			const best = options.reduce<(typeof options)[number] | null>(
				(a, o) =>
					a === null || o.value < a.value || (o.value === a.value && o.total < a.total) ? o : a,
				null,
			);
			return [c.id, best?.money ?? null] as const;
		}),
	);
}

function priorityUnits(instance: SmallInstance, result: AllocationResult): number {
	const edges = referenceEdges(instance.children, instance.provisions, instance.params);
	const alternatives = costOnlyAlternatives(instance);
	const maxRank = Math.max(0, ...instance.children.map((c) => c.preferences?.length ?? 0));
	const child = new Map(instance.children.map((c) => [c.id, c]));
	const provision = new Map(instance.provisions.map((p) => [p.id, p]));
	return result.placements.reduce(
		(sum, p) =>
			sum +
			referencePriority(
				child.get(p.childId) as Child,
				provision.get(p.provisionId) as Provision,
				edges,
				alternatives,
				instance.params,
				maxRank,
			),
		0,
	);
}

function costWithoutPriority(result: AllocationResult): number {
	return result.summary.objective + result.summary.preferenceCredit;
}

describe("lawful preferences (s.39) and the stated objective", () => {
	it("a lower criterion never buys a higher one: the most lawful preferences, then the least cost (brute force)", () => {
		fc.assert(
			fc.property(lawfulArb(6, 3), (instance) => {
				const result = solveAllocation(instance);
				const best = bruteForceLexicographic(
					instance.children,
					instance.provisions,
					instance.params,
					costOnlyAlternatives(instance),
				);
				expect(result.optimal).toBe(true);
				expect(priorityUnits(instance, result)).toBe(best.units);
				expect(costWithoutPriority(result)).toBe(best.cost);
				expect(result.criteria.map((c) => c.order)).toEqual([1, 2]);
				const [first, second] = result.criteria;
				// Strict: one priority unit outweighs every cost difference of the round (the brute
				// force above is the proof; the weight is what the run reports).
				expect(Number.isSafeInteger(first?.weight)).toBe(true);
				expect(second?.weight).toBe(1);
			}),
			{ numRuns: 300 },
		);
	});

	it("honours a lawful preference however much dearer, and gives it up for a cheaper place only when the resources test says so", () => {
		const child = (id: string, prefs: string[]): Child => ({
			id,
			borough: "202",
			primaryNeed: "ASD",
			age: 9,
			levels: ["special_academy"],
			lat: 51.54,
			lon: -0.1,
			maxJourneyMinutes: 60,
			preferences: prefs,
		});
		const provision = (id: string, fee: number, capacity = 1): Provision => ({
			id,
			settingUrn: `U${id}`,
			borough: "202",
			level: "special_academy",
			needTypes: ["ASD"],
			ageMin: 4,
			ageMax: 18,
			capacity,
			lat: 51.541,
			lon: -0.1,
			cost: { placeFunding: 10_000, topUp: 0, fee },
		});
		const params = (absolute: number | null): Params => ({
			...defaultParams,
			lawfulPreferences: {
				resourcesTest: { default: { absolute, percent: null } },
				nonApprovedIndependentByAgreement: false,
			},
		});
		// A's preference costs £400,000 more than the alternative; honouring it leaves B, who
		// prefers nothing, on the dear place too. Without the test's limit it is still honoured.
		const children = [child("A", ["UDEAR"]), child("B", [])];
		const provisions = [provision("DEAR", 400_000), provision("CHEAP", 0, 2)];
		const open = solveAllocation({ children, provisions, params: params(null) });
		expect(open.placements.find((p) => p.childId === "A")?.provisionId).toBe("DEAR");
		expect(open.placements.find((p) => p.childId === "A")?.preference?.lawful).toBe(true);
		const limited = solveAllocation({ children, provisions, params: params(10_000) });
		const a = limited.placements.find((p) => p.childId === "A");
		expect(a?.provisionId).toBe("CHEAP");
		expect(a?.preference?.unhonoured).toEqual([
			{
				settingUrn: "UDEAR",
				rank: 1,
				reason: {
					code: "resources-test",
					extraAnnualCost: 400_000,
					threshold: { absolute: 10_000, percent: null },
					alternative: { provisionId: "CHEAP", annualCost: 11_500 },
				},
			},
		]);
	});

	it("gives every preference above the one honoured exactly one reason, with its evidence", () => {
		fc.assert(
			fc.property(lawfulArb(12, 6), (instance) => {
				const result = solveAllocation(instance);
				const capacity = new Map(instance.provisions.map((p) => [p.id, p.capacity]));
				const held = new Map<string, string[]>();
				for (const p of result.placements)
					held.set(p.provisionId, [...(held.get(p.provisionId) ?? []), p.childId]);
				for (const x of [...result.placements, ...result.unplaced]) {
					const child = instance.children.find((c) => c.id === x.childId) as Child;
					const prefs = child.preferences ?? [];
					if (prefs.length === 0) continue;
					const honoured = x.preference?.honouredRank ?? null;
					const listed = x.preference?.unhonoured ?? [];
					expect(listed.map((u) => u.rank)).toEqual(
						prefs.map((_, k) => k + 1).filter((r) => honoured === null || r < honoured),
					);
					for (const u of listed) {
						const r = u.reason;
						if (r.code === "no-capacity") {
							const holders = held.get(r.provisionId) ?? [];
							const own = holders.filter(
								(h) => instance.children.find((c) => c.id === h)?.borough === child.borough,
							);
							// Another borough's child is anonymous: only this borough's own are named.
							expect(r.takenBy.flatMap((t) => (t.childId ? [t.childId] : [])).sort()).toEqual(
								own.sort(),
							);
							expect(r.takenBy.filter((t) => t.childId === null && !t.sameBorough)).toHaveLength(
								holders.length - own.length,
							);
							expect(r.takenBy).toHaveLength(capacity.get(r.provisionId) ?? -1);
						}
						if (r.code === "resources-test") {
							const t = r.threshold;
							const over =
								(t.absolute !== null && r.extraAnnualCost > t.absolute) ||
								(t.percent !== null &&
									r.extraAnnualCost > (t.percent / 100) * r.alternative.annualCost);
							expect(over).toBe(true);
						}
						if (r.code === "unsuitable") expect(r.failures.length).toBeGreaterThan(0);
					}
				}
			}),
			{ numRuns: 200 },
		);
	});

	it("every engine reaches the same lexicographic optimum, and shadow prices split exactly into preferences and pounds", async () => {
		const highs = await loadHighs();
		fc.assert(
			fc.property(lawfulArb(10, 5), fc.nat(), (instance, pick) => {
				const network = solveAllocation(instance);
				for (const engine of ["lp", "highs"] as const) {
					const other = solveAllocation({ ...instance, options: { engine, highs } });
					expect(other.objective).toBe(network.objective);
					expect(other.certificate?.optimal).toBe(true);
				}
				const duals = network.duals?.provisions ?? [];
				const sample = duals[pick % Math.max(1, duals.length)];
				// With a resources-test limit, one more place can change a child's best alternative
				// and so which preferences are lawful: the marginal value holds the model fixed.
				const test = instance.params.lawfulPreferences?.resourcesTest.default;
				if (!sample || test?.absolute !== null || test?.percent !== null) return;
				const more = solveAllocation({
					...instance,
					provisions: instance.provisions.map((p) =>
						p.id === sample.provisionId ? { ...p, capacity: p.capacity + 1 } : p,
					),
				});
				const weight = network.criteria[0]?.weight as number;
				expect(sample.preferencesGained * weight + sample.shadowPrice).toBe(
					network.objective - more.objective,
				);
				expect(Math.abs(sample.shadowPrice)).toBeLessThan(weight / 2);
			}),
			{ numRuns: 150 },
		);
	});
});
