import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type FlowNetwork, NetworkSimplex } from "../../solver/core/simplex/network-simplex";
import { type HighsModule, solveTransportation, type TransportInput } from "../../solver/index";
import { expectTreeIsConsistent } from "./support/simplex-tree";

/**
 * The network simplex on its own: general min-cost flow networks (any supplies, capacities,
 * negative costs) against HiGHS as an independent solver, the spanning tree's bookkeeping
 * after every pivot, and the transportation core's degenerate cases against the network engine.
 */
function networkArb(): fc.Arbitrary<FlowNetwork> {
	return fc
		.record({
			nodeCount: fc.integer({ min: 2, max: 8 }),
			arcs: fc.array(
				fc.record({
					u: fc.nat(),
					v: fc.nat(),
					cost: fc.integer({ min: -6, max: 9 }),
					capacity: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Number.POSITIVE_INFINITY)),
				}),
				{ maxLength: 24 },
			),
			supplies: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 8, maxLength: 8 }),
			root: fc.nat(),
		})
		.map(({ nodeCount, arcs, supplies, root }) => {
			const kept = arcs
				.map((a) => ({ ...a, u: a.u % nodeCount, v: a.v % nodeCount }))
				.filter((a) => a.u !== a.v)
				// An unlimited arc never costs less than 0, so no cycle can be negative and unlimited.
				.map((a) =>
					a.capacity === Number.POSITIVE_INFINITY ? { ...a, cost: Math.abs(a.cost) } : a,
				);
			const supply = supplies.slice(0, nodeCount);
			supply[0] = (supply[0] as number) - supply.reduce((sum, b) => sum + b, 0);
			return {
				nodeCount,
				root: root % nodeCount,
				supply,
				source: Int32Array.from(kept, (a) => a.u),
				target: Int32Array.from(kept, (a) => a.v),
				cost: Float64Array.from(kept, (a) => a.cost),
				capacity: Float64Array.from(kept, (a) => a.capacity),
			};
		});
}

/** The same network as an LP for HiGHS: one column per arc, one balance row per node. */
function highsOptimum(highs: HighsModule, net: FlowNetwork): number | null {
	const m = net.source.length;
	const terms = (k: number) => `${net.cost[k]} x${k}`;
	const rows: string[] = [];
	for (let v = 0; v < net.nodeCount; v++) {
		const row: string[] = [];
		for (let k = 0; k < m; k++) {
			if (net.source[k] === v) row.push(`+ x${k}`);
			if (net.target[k] === v) row.push(`- x${k}`);
		}
		rows.push(` n${v}: ${row.length > 0 ? row.join(" ") : "0 x0"} = ${net.supply[v]}`);
	}
	const bounds = Array.from({ length: m }, (_, k) =>
		Number.isFinite(net.capacity[k]) ? ` 0 <= x${k} <= ${net.capacity[k]}` : ` x${k} >= 0`,
	);
	const objective = m > 0 ? Array.from({ length: m }, (_, k) => terms(k)).join(" + ") : "0";
	if (m === 0) return Array.from(net.supply).every((b) => b === 0) ? 0 : null;
	const lp = `Minimize\n obj: ${objective}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
	const solution = highs.solve(lp.replaceAll("+ -", "- "));
	if (solution.Status === "Infeasible") return null;
	expect(solution.Status).toBe("Optimal");
	return Math.round(solution.ObjectiveValue);
}

function flowCost(simplex: NetworkSimplex): number {
	let total = 0;
	for (let e = 0; e < simplex.arcCount; e++)
		total += (simplex.cost[e] as number) * (simplex.flow[e] as number);
	return total;
}

describe("network simplex on general min-cost flow networks", () => {
	let highs: HighsModule;
	beforeAll(async () => {
		highs = await loadHighs();
	});

	it("reaches HiGHS's optimum, or finds no feasible flow exactly when HiGHS finds none", () => {
		let compared = 0;
		fc.assert(
			fc.property(networkArb(), (net) => {
				const simplex = new NetworkSimplex(net);
				const feasible = simplex.solve();
				const optimum = highsOptimum(highs, net);
				expect(feasible).toBe(optimum !== null);
				if (optimum !== null) expect(flowCost(simplex)).toBe(optimum);
				if (optimum !== null && net.source.length > 0) compared++;
			}),
			{ numRuns: 300 },
		);
		// Not vacuous: about one network in six has a feasible flow to compare (50 of 300 typically).
		expect(compared).toBeGreaterThan(20);
	});

	it("keeps the thread, subtree sizes, flows and potentials consistent after every pivot", () => {
		fc.assert(
			fc.property(networkArb(), (net) => {
				const simplex = new NetworkSimplex(net);
				expectTreeIsConsistent(simplex, net);
				while (simplex.step()) expectTreeIsConsistent(simplex, net);
				// Optimal: no arc at a bound prices out.
				for (let e = 0; e < simplex.arcCount; e++) {
					expect((simplex.state[e] as number) * simplex.reducedCost(e)).toBeGreaterThanOrEqual(0);
				}
			}),
			{ numRuns: 200 },
		);
	});

	it("refuses supplies that do not balance, fractional costs and negative capacities", () => {
		const base: FlowNetwork = {
			nodeCount: 2,
			root: 1,
			supply: [1, -1],
			source: Int32Array.of(0),
			target: Int32Array.of(1),
			cost: Float64Array.of(3),
			capacity: Float64Array.of(1),
		};
		expect(() => new NetworkSimplex({ ...base, supply: [1, 0] })).toThrow(/sum to zero/);
		expect(() => new NetworkSimplex({ ...base, cost: Float64Array.of(0.5) })).toThrow(/integer/);
		expect(() => new NetworkSimplex({ ...base, capacity: Float64Array.of(-1) })).toThrow(
			/capacity/,
		);
		expect(() => new NetworkSimplex({ ...base, target: Int32Array.of(7) })).toThrow(/node/);
	});
});

describe("network simplex on the transportation core's degenerate cases", () => {
	const both = (input: TransportInput) => {
		const simplex = solveTransportation(input, { engine: "simplex" });
		const network = solveTransportation(input, { engine: "network" });
		expect(simplex.certificate.optimal).toBe(true);
		expect(simplex.objective).toBe(network.objective);
		return simplex;
	};
	const edges = (n: number, p: number, cost: (i: number, j: number) => number) =>
		Array.from({ length: n * p }, (_, k) => ({
			source: Math.floor(k / p),
			sink: k % p,
			cost: cost(Math.floor(k / p), k % p),
		}));

	it("leaves everyone unplaced when every capacity is zero", () => {
		const result = both({
			sourceCount: 4,
			capacities: [0, 0, 0],
			edges: edges(4, 3, () => 5),
			unplacedCost: 100,
		});
		expect(result.unassigned).toBe(4);
		expect(result.objective).toBe(400);
	});

	it("fills one provision with the children it saves most on", () => {
		const result = both({
			sourceCount: 5,
			capacities: [2],
			edges: edges(5, 1, (i) => 10 * i),
			unplacedCost: 45,
		});
		expect(result.sinkOf).toEqual([0, 0, -1, -1, -1]);
		expect(result.objective).toBe(0 + 10 + 3 * 45);
	});

	it("breaks ties among equal costs and still proves the optimum", () => {
		const result = both({
			sourceCount: 6,
			capacities: [2, 2, 1],
			edges: edges(6, 3, () => 7),
			unplacedCost: 9,
		});
		expect(result.unassigned).toBe(1);
		expect(result.objective).toBe(5 * 7 + 9);
	});

	it("handles negative costs (preference credits above the cost)", () => {
		const result = both({
			sourceCount: 3,
			capacities: [1, 1],
			edges: edges(3, 2, (i, j) => (i === j ? -20 : -5)),
			unplacedCost: 0,
		});
		expect(result.objective).toBe(-40);
	});

	it("leaves children with no edges unplaced, and answers a round with no children", () => {
		const result = both({
			sourceCount: 3,
			capacities: [2],
			edges: [{ source: 1, sink: 0, cost: 4 }],
			unplacedCost: 50,
		});
		expect(result.sinkOf).toEqual([-1, 0, -1]);
		expect(both({ sourceCount: 0, capacities: [3], edges: [], unplacedCost: 50 }).objective).toBe(
			0,
		);
		expect(both({ sourceCount: 2, capacities: [], edges: [], unplacedCost: 50 }).objective).toBe(
			100,
		);
	});
});
