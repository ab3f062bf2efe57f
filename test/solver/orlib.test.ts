import { readFileSync } from "node:fs";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type HighsModule, solveTransportation, type TransportEdge } from "../../solver/index";

/** OR-Library assign100 (Beasley 1990): published optimum 305 — see test/fixtures/orlib/SOURCES.md. */
function loadAssign(name: string): { n: number; edges: TransportEdge[] } {
	const url = new URL(`../fixtures/orlib/${name}`, import.meta.url);
	const numbers = readFileSync(url, "utf8").trim().split(/\s+/).map(Number);
	const n = numbers[0] as number;
	const edges: TransportEdge[] = [];
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++)
			edges.push({ source: i, sink: j, cost: numbers[1 + i * n + j] as number });
	}
	expect(numbers.length).toBe(1 + n * n);
	return { n, edges };
}

describe("OR-Library assign100", () => {
	const { n, edges } = loadAssign("assign100.txt");
	const input = {
		sourceCount: n,
		capacities: new Array<number>(n).fill(1),
		edges,
		unplacedCost: 1_000_000,
	};

	let highs: HighsModule;
	beforeAll(async () => {
		highs = await loadHighs();
	});

	it.each(["network", "simplex", "lp", "highs"] as const)(
		"the %s engine reaches the published optimum 305",
		(engine) => {
			const result = solveTransportation(input, { engine, highs });
			expect(result.objective).toBe(305);
			expect(result.unassigned).toBe(0);
			expect(result.certificate.optimal).toBe(true);
			expect(new Set(result.sinkOf).size).toBe(n);
			const total = result.edgeOf.reduce((sum, e) => sum + (edges[e]?.cost ?? Number.NaN), 0);
			expect(total).toBe(305);
		},
	);
});

describe("solveTransportation", () => {
	it("keeps the cheapest of parallel edges and leaves a source unassigned when that is cheaper", () => {
		const result = solveTransportation({
			sourceCount: 3,
			capacities: [1, 1],
			edges: [
				{ source: 0, sink: 0, cost: 9 },
				{ source: 0, sink: 0, cost: 4 },
				{ source: 1, sink: 0, cost: 5 },
				{ source: 1, sink: 1, cost: 7 },
				{ source: 2, sink: 1, cost: 200 },
			],
			unplacedCost: 100,
		});
		expect(result.sinkOf).toEqual([0, 1, -1]);
		expect(result.edgeOf).toEqual([1, 3, -1]);
		expect(result.objective).toBe(4 + 7 + 100);
	});

	it("rejects non-integer costs and bad capacities", () => {
		const edges = [{ source: 0, sink: 0, cost: 1.5 }];
		expect(() =>
			solveTransportation({ sourceCount: 1, capacities: [1], edges, unplacedCost: 10 }),
		).toThrow();
		expect(() =>
			solveTransportation({ sourceCount: 1, capacities: [-1], edges: [], unplacedCost: 10 }),
		).toThrow();
	});
});
