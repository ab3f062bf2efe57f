import { solveNetwork } from "./network";
import type { Csr } from "./problem";
import type { FlowState } from "./residual";

export interface PrunedSolve {
	/** The flow expressed on the full graph's CSR positions. */
	flow: FlowState;
	potential: Float64Array;
	augmentations: number;
	rounds: number;
	edgesReAdded: number;
}

/**
 * Solves on each source's cheapest `keep` edges, then prices every left-out edge with the
 * potentials found: an edge i→j with reduced cost w + π(i) − π(j) < 0 could improve the
 * solution, so all such edges are added back and the problem re-solved, until none is left.
 * At that point the potentials satisfy complementary slackness on the full graph, so the
 * allocation is optimal for it (and certify() on the full graph confirms it).
 */
export function solvePruned(full: Csr, keep: number): PrunedSolve {
	const n = full.sourceCount;
	const kept = new Uint8Array(full.sink.length);
	for (let i = 0; i < n; i++) {
		const end = Math.min(full.start[i + 1] as number, (full.start[i] as number) + keep);
		for (let at = full.start[i] as number; at < end; at++) kept[at] = 1;
	}
	let rounds = 0;
	let reAdded = 0;
	let augmentations = 0;
	for (;;) {
		rounds++;
		const sub = subCsr(full, kept);
		const result = solveNetwork(sub.csr);
		augmentations += result.augmentations;
		let added = 0;
		for (let i = 0; i < n; i++) {
			for (let at = full.start[i] as number; at < (full.start[i + 1] as number); at++) {
				if (kept[at] === 1) continue;
				const j = full.sink[at] as number;
				const reduced =
					(full.cost[at] as number) +
					(result.potential[i] as number) -
					(result.potential[n + j] as number);
				if (reduced < 0) {
					kept[at] = 1;
					added++;
				}
			}
		}
		reAdded += added;
		if (added === 0) {
			const assignAt = Int32Array.from(result.assignAt, (at) =>
				at >= 0 ? (sub.position[at] as number) : -1,
			);
			return {
				flow: { assign: result.assign, assignAt, load: result.load },
				potential: result.potential,
				augmentations,
				rounds,
				edgesReAdded: reAdded,
			};
		}
	}
}

/** The kept positions of `full` as a CSR of their own; `position` maps back. */
function subCsr(full: Csr, kept: Uint8Array): { csr: Csr; position: Int32Array } {
	const positions: number[] = [];
	const start = new Int32Array(full.sourceCount + 1);
	for (let i = 0; i < full.sourceCount; i++) {
		start[i] = positions.length;
		for (let at = full.start[i] as number; at < (full.start[i + 1] as number); at++) {
			if (kept[at] === 1) positions.push(at);
		}
	}
	start[full.sourceCount] = positions.length;
	const position = Int32Array.from(positions);
	return {
		csr: {
			...full,
			start,
			sink: Int32Array.from(position, (at) => full.sink[at] as number),
			cost: Float64Array.from(position, (at) => full.cost[at] as number),
			edge: Int32Array.from(position, (at) => full.edge[at] as number),
		},
		position,
	};
}
