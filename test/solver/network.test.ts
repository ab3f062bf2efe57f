import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
	type HighsModule,
	solveTransportation,
	type TransportEdge,
	type TransportInput,
} from "../../solver/index";

/**
 * The geography-free core on random transportation problems with tiny integer costs: many
 * ties, full sinks, sinks with no places and sources better left unplaced — the cases the
 * warm start's row reduction and the searches' edge ordering must get exactly right.
 */
function transportArb(maxSources: number, maxSinks: number): fc.Arbitrary<TransportInput> {
	return fc
		.record({
			sourceCount: fc.integer({ min: 1, max: maxSources }),
			capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: maxSinks }),
			unplacedCost: fc.integer({ min: 1, max: 12 }),
			density: fc.double({ min: 0.2, max: 1, noNaN: true }),
			seed: fc.integer(),
		})
		.chain(({ sourceCount, capacities, unplacedCost, density }) => {
			const pairs: [number, number][] = [];
			for (let i = 0; i < sourceCount; i++)
				for (let j = 0; j < capacities.length; j++) pairs.push([i, j]);
			return fc
				.array(
					fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -2, max: 10 })),
					{
						minLength: pairs.length,
						maxLength: pairs.length,
					},
				)
				.map((draws) => {
					const edges: TransportEdge[] = [];
					draws.forEach(([keep, cost], k) => {
						const [source, sink] = pairs[k] as [number, number];
						if (keep < density) edges.push({ source, sink, cost });
					});
					return { sourceCount, capacities, edges, unplacedCost };
				});
		});
}

/** Every source tries every sink with room, or stays unassigned. */
function bruteForce(input: TransportInput): number {
	const bySource = new Map<number, TransportEdge[]>();
	for (const e of input.edges as TransportEdge[]) {
		bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
	}
	const room = Array.from(input.capacities);
	let best = Number.POSITIVE_INFINITY;
	const visit = (i: number, cost: number): void => {
		if (i === input.sourceCount) {
			best = Math.min(best, cost);
			return;
		}
		for (const e of bySource.get(i) ?? []) {
			if ((room[e.sink] as number) <= 0) continue;
			room[e.sink] = (room[e.sink] as number) - 1;
			visit(i + 1, cost + e.cost);
			room[e.sink] = (room[e.sink] as number) + 1;
		}
		visit(i + 1, cost + input.unplacedCost);
	};
	visit(0, 0);
	return best;
}

describe("transportation core", () => {
	let highs: HighsModule;
	beforeAll(async () => {
		highs = await loadHighs();
	});

	it("matches brute force on tiny problems full of ties", () => {
		fc.assert(
			fc.property(transportArb(6, 3), (input) => {
				const best = bruteForce(input);
				for (const engine of ["network", "simplex"] as const) {
					const result = solveTransportation(input, { engine });
					expect(result.certificate.optimal).toBe(true);
					expect(result.objective).toBe(best);
				}
			}),
			{ numRuns: 400 },
		);
	});

	it("network, simplex, javascript-lp-solver and HiGHS agree, each certified", () => {
		fc.assert(
			fc.property(transportArb(40, 10), (input) => {
				const network = solveTransportation(input);
				const simplex = solveTransportation(input, { engine: "simplex" });
				const lp = solveTransportation(input, { engine: "lp" });
				const viaHighs = solveTransportation(input, { engine: "highs", highs });
				for (const result of [network, simplex, lp, viaHighs])
					expect(result.certificate.optimal).toBe(true);
				expect(simplex.objective).toBe(network.objective);
				expect(lp.objective).toBe(network.objective);
				expect(viaHighs.objective).toBe(network.objective);
			}),
			{ numRuns: 150 },
		);
	});
});
