import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { marginalValues } from "../../solver/core/duals";
import { buildCsr, type TransportEdge, type TransportInput } from "../../solver/core/problem";
import { WarmTransport } from "../../solver/core/simplex/warm-transport";
import { certify } from "../../solver/core/verify";
import { solveTransportation } from "../../solver/index";

/**
 * Warm re-solves: from the optimal basis after a few changes of capacities, edge costs and
 * children's options, the simplex must reach exactly the objective a cold solve of the changed
 * problem reaches, with a certificate for the changed problem.
 */
type Change =
	| { kind: "capacity"; sink: number; capacity: number }
	| { kind: "cost"; pick: number; cost: number }
	| { kind: "remove"; source: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
	fc.record({
		kind: fc.constant("capacity" as const),
		sink: fc.nat(),
		capacity: fc.integer({ min: 0, max: 5 }),
	}),
	fc.record({
		kind: fc.constant("cost" as const),
		pick: fc.nat(),
		cost: fc.integer({ min: -3, max: 14 }),
	}),
	fc.record({ kind: fc.constant("remove" as const), source: fc.nat() }),
);

function inputArb(): fc.Arbitrary<TransportInput & { edges: TransportEdge[] }> {
	return fc
		.record({
			sourceCount: fc.integer({ min: 1, max: 12 }),
			capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
			unplacedCost: fc.integer({ min: 4, max: 12 }),
			draws: fc.array(
				fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -2, max: 10 })),
				{
					minLength: 60,
					maxLength: 60,
				},
			),
		})
		.map(({ sourceCount, capacities, unplacedCost, draws }) => {
			const edges: TransportEdge[] = [];
			for (let i = 0; i < sourceCount; i++)
				for (let j = 0; j < capacities.length; j++) {
					const [keep, cost] = draws[(i * capacities.length + j) % draws.length] as [
						number,
						number,
					];
					if (keep < 0.6) edges.push({ source: i, sink: j, cost: cost + ((i + j) % 3) });
				}
			return { sourceCount, capacities, edges, unplacedCost };
		});
}

describe("warm re-solve of the simplex", () => {
	it("matches a cold solve's objective exactly after changes of capacities, costs and children", () => {
		fc.assert(
			fc.property(
				inputArb(),
				fc.array(changeArb, { minLength: 1, maxLength: 4 }),
				(input, changes) => {
					const csr = buildCsr(input);
					const warm = new WarmTransport(csr);
					const capacities = Array.from(input.capacities);
					const edges = input.edges.map((e) => ({ ...e }));
					for (const change of changes) {
						if (change.kind === "capacity") {
							const j = change.sink % capacities.length;
							capacities[j] = change.capacity;
							warm.setCapacity(j, change.capacity);
						} else if (change.kind === "cost" && csr.sink.length > 0) {
							const at = change.pick % csr.sink.length;
							(edges[csr.edge[at] as number] as TransportEdge).cost = change.cost;
							warm.setEdgeCost(at, change.cost);
						} else if (change.kind === "remove") {
							const i = change.source % input.sourceCount;
							for (const e of edges) if (e.source === i) e.cost = input.unplacedCost + 1;
							warm.removeOptions(i);
						}
					}
					const { flow, objective } = warm.resolve();
					const cold = solveTransportation({ ...input, capacities, edges }, { engine: "network" });
					expect(objective).toBe(cold.objective);
					expect(certify(warm.csr, flow, flow.potential).optimal).toBe(true);
				},
			),
			{ numRuns: 400 },
		);
	});

	it("adds and removes children warm: the objective is a cold solve's over the children present", () => {
		let compared = 0;
		fc.assert(
			fc.property(
				inputArb(),
				fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
				fc.array(
					fc.oneof(
						fc.record({ kind: fc.constant("toggle" as const), source: fc.nat() }),
						changeArb,
					),
					{ minLength: 1, maxLength: 5 },
				),
				(input, startsAbsent, changes) => {
					const csr = buildCsr(input);
					const present = Array.from({ length: input.sourceCount }, (_, i) => !startsAbsent[i]);
					const absent = present.flatMap((here, i) => (here ? [] : [i]));
					const warm = new WarmTransport(csr, { absent });
					expect(warm.absentCount).toBe(absent.length);
					const capacities = Array.from(input.capacities);
					const edges = input.edges.map((e) => ({ ...e }));
					for (const change of changes) {
						if (change.kind === "toggle") {
							const i = change.source % input.sourceCount;
							if (present[i]) warm.removeChild(i);
							else warm.addChild(i);
							present[i] = !present[i];
							expect(warm.isPresent(i)).toBe(present[i]);
						} else if (change.kind === "capacity") {
							const j = change.sink % capacities.length;
							capacities[j] = change.capacity;
							warm.setCapacity(j, change.capacity);
						} else if (change.kind === "cost" && csr.sink.length > 0) {
							// Also on an absent child's edge: it applies once the child is back.
							const at = change.pick % csr.sink.length;
							(edges[csr.edge[at] as number] as TransportEdge).cost = change.cost;
							warm.setEdgeCost(at, change.cost);
						}
					}
					const { flow, objective } = warm.resolve();
					// Cold: the present children alone, renumbered.
					const number = new Map<number, number>();
					present.forEach((here, i) => {
						if (here) number.set(i, number.size);
					});
					const cold = solveTransportation(
						{
							sourceCount: number.size,
							capacities,
							edges: edges
								.filter((e) => number.has(e.source))
								.map((e) => ({ ...e, source: number.get(e.source) as number })),
							unplacedCost: input.unplacedCost,
						},
						{ engine: "network" },
					);
					expect(objective).toBe(cold.objective);
					expect(certify(warm.csr, flow, flow.potential).optimal).toBe(true);
					present.forEach((here, i) => {
						if (!here) expect(flow.assign[i]).toBe(-1);
					});
					if (changes.some((c) => c.kind === "toggle")) compared++;
				},
			),
			{ numRuns: 400 },
		);
		expect(compared).toBeGreaterThan(100);
	});

	it("refuses to add a child already in the round or remove one already absent", () => {
		const warm = new WarmTransport(
			buildCsr({
				sourceCount: 2,
				capacities: [1],
				edges: [
					{ source: 0, sink: 0, cost: 1 },
					{ source: 1, sink: 0, cost: 2 },
				],
				unplacedCost: 10,
			}),
			{ absent: [1] },
		);
		expect(warm.resolve().objective).toBe(1);
		expect(() => warm.addChild(0)).toThrow(/already in the round/);
		expect(() => warm.removeChild(1)).toThrow(/already absent/);
		expect(() => warm.addChild(2)).toThrow(/no child/);
		warm.addChild(1);
		expect(warm.resolve().objective).toBe(1 + 10);
		warm.removeChild(0);
		expect(warm.resolve().objective).toBe(2);
	});

	it("solves afresh, still exactly, when a new cost outgrows a small network's artificial arcs", () => {
		// fast-check's counterexample: the artificial price follows the network's own small costs.
		const input: TransportInput = {
			sourceCount: 1,
			capacities: [0],
			edges: [{ source: 0, sink: 0, cost: 0 }],
			unplacedCost: 4,
		};
		const warm = new WarmTransport(buildCsr(input));
		warm.setEdgeCost(0, 13);
		warm.removeOptions(0);
		const cold = solveTransportation(
			{ ...input, edges: [{ source: 0, sink: 0, cost: 5 }] },
			{ engine: "network" },
		);
		const { flow, objective } = warm.resolve();
		expect(objective).toBe(cold.objective);
		expect(objective).toBe(4);
		expect(certify(warm.csr, flow, flow.potential).optimal).toBe(true);
		expect(warm.warmPivots).toBeGreaterThanOrEqual(0);
	});

	it("checks each shadow price: one more place saves exactly the marginal value computed before", () => {
		fc.assert(
			fc.property(inputArb(), fc.nat(), (input, pick) => {
				const warm = new WarmTransport(buildCsr(input));
				const before = warm.resolve();
				const j = pick % input.capacities.length;
				const gain = marginalValues(warm.csr, before.flow, before.flow.potential).gain[j] as number;
				warm.setCapacity(j, (warm.csr.capacity[j] as number) + 1);
				expect(before.objective - warm.resolve().objective).toBe(gain);
			}),
			{ numRuns: 300 },
		);
	});

	it("closes a full provision: its children move to their next options or stay unplaced", () => {
		const input = {
			sourceCount: 3,
			capacities: [2, 1],
			edges: [
				{ source: 0, sink: 0, cost: 1 },
				{ source: 1, sink: 0, cost: 1 },
				{ source: 1, sink: 1, cost: 4 },
				{ source: 2, sink: 0, cost: 2 },
			],
			unplacedCost: 10,
		};
		const warm = new WarmTransport(buildCsr(input));
		expect(warm.resolve().objective).toBe(1 + 2 + 4);
		warm.setCapacity(0, 0);
		const closed = warm.resolve();
		expect(closed.objective).toBe(10 + 4 + 10);
		expect(certify(warm.csr, closed.flow, closed.flow.potential).optimal).toBe(true);
		warm.setCapacity(0, 3);
		expect(warm.resolve().objective).toBe(1 + 1 + 2);
	});

	it("refuses a sink or an edge that does not exist, and a negative capacity", () => {
		const warm = new WarmTransport(
			buildCsr({
				sourceCount: 1,
				capacities: [1],
				edges: [{ source: 0, sink: 0, cost: 1 }],
				unplacedCost: 5,
			}),
		);
		expect(() => warm.setCapacity(3, 1)).toThrow(/no sink/);
		expect(() => warm.setCapacity(0, -1)).toThrow(/capacity/);
		expect(() => warm.setEdgeCost(9, 1)).toThrow(/no edge/);
		expect(warm.resolve().objective).toBe(1);
	});
});
