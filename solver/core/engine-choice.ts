import type { Csr } from "./problem";

/**
 * Below this many contested places per child the network engine is faster, above it the
 * simplex. Measured (CPU time, medians of 5 alternated solves, 2026-12-01, load average about
 * 20 on 2 cores) after the simplex's pricing blocks shrank to 0.3 √arcs: London-like
 * 5,000 × 1,500 at 0.20 / 0.39 / 0.59 / 0.77 / 1.14 contested places per child, network
 * 38–45 / 50–73 / 74 / 138 / 65 ms, simplex 45–47 / 35–52 / 34 / 40 / 45 ms; 2,000 × 800 at
 * 0.29 / 0.56, network 7 / 13 ms, simplex 6 / 7 ms; the London demo with its fallback sinks
 * (1,000 / 2,000 / 4,000 children, 0.66 / 0.37 / 0.19), network 12–27 / 14–32 / 23–24 ms,
 * simplex 7–15 / 15–17 / 35–37 ms. When places are scarce most children stay unplaced, the
 * row reduction settles nearly all of them, and few shortest-path searches remain; when places
 * are plentiful those searches cross the whole network and the simplex's local pivots win.
 * The crossover now measures near 0.3, but the switch stays at 0.7 for the moment: the demo's
 * admin round (0.4) would move to the simplex, whose optimum there honours 456 preferences
 * where the network engine's honours 455 at the same cost, and the README's demo figures take
 * that count to be the same for every optimal allocation.
 */
export const SIMPLEX_FROM_PLACES_PER_CHILD = 0.7;

/**
 * Contested places per child: the places at sinks that more children could take than they
 * hold. A sink with room for everyone who could go there (the independent-sector fallback of a
 * borough, say) is contested by nobody and changes neither engine's work much.
 */
export function contestedPlacesPerChild(csr: Csr): number {
	const inDegree = new Int32Array(csr.sinkCount);
	for (const j of csr.sink) inDegree[j] = (inDegree[j] as number) + 1;
	let places = 0;
	for (let j = 0; j < csr.sinkCount; j++) {
		const cap = csr.capacity[j] as number;
		if (cap < (inDegree[j] as number)) places += cap;
	}
	return csr.sourceCount === 0 ? 0 : places / csr.sourceCount;
}

/** The faster exact engine for a transportation core without side constraints. */
export function fastestExactEngine(csr: Csr): "network" | "simplex" {
	return contestedPlacesPerChild(csr) >= SIMPLEX_FROM_PLACES_PER_CHILD ? "simplex" : "network";
}
