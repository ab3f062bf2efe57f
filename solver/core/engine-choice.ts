import type { Csr } from "./problem";

/**
 * Below this many usable places per child the network engine is faster, above it the simplex
 * (measured on London-like rounds of 2,000 × 800 and 5,000 × 1,500 with 0.2 to 1.2 places per
 * child: see README, The matcher). When places are scarce most children stay unplaced, the row
 * reduction settles nearly all of them, and few shortest-path searches remain; when places are
 * plentiful those searches cross the whole network and the simplex's local pivots win.
 */
export const SIMPLEX_FROM_PLACES_PER_CHILD = 0.6;

/** The faster exact engine for a transportation core without side constraints. */
export function fastestExactEngine(csr: Csr): "network" | "simplex" {
	const inDegree = new Int32Array(csr.sinkCount);
	for (const j of csr.sink) inDegree[j] = (inDegree[j] as number) + 1;
	let usable = 0;
	for (let j = 0; j < csr.sinkCount; j++) {
		usable += Math.min(csr.capacity[j] as number, inDegree[j] as number);
	}
	return usable >= SIMPLEX_FROM_PLACES_PER_CHILD * csr.sourceCount ? "simplex" : "network";
}
