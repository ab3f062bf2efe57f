import type { Csr } from "./problem";

/**
 * Below this many contested places per child the network engine is faster, above it the
 * simplex (measured on London-like rounds of 2,000 × 800 and 5,000 × 1,500 with 0.2 to 1.2
 * places per child, with and without the independent-sector fallback: see README, The matcher). When places are scarce most children stay unplaced, the row
 * reduction settles nearly all of them, and few shortest-path searches remain; when places are
 * plentiful those searches cross the whole network and the simplex's local pivots win.
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
