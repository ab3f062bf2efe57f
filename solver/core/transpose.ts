import type { Csr } from "./problem";

/** Edges grouped by sink: sources tSource[tStart[j] .. tStart[j+1]) via CSR position tAt. */
export interface Transpose {
	tStart: Int32Array;
	tSource: Int32Array;
	tAt: Int32Array;
}

export function transpose(csr: Csr): Transpose {
	const { start, sink, sinkCount: p, sourceCount: n } = csr;
	const tStart = new Int32Array(p + 1);
	for (const j of sink) tStart[j + 1] = (tStart[j + 1] as number) + 1;
	for (let j = 0; j < p; j++) tStart[j + 1] = (tStart[j + 1] as number) + (tStart[j] as number);
	const fill = tStart.slice(0, p);
	const tSource = new Int32Array(sink.length);
	const tAt = new Int32Array(sink.length);
	for (let i = 0; i < n; i++) {
		for (let at = start[i] as number; at < (start[i + 1] as number); at++) {
			const j = sink[at] as number;
			const k = fill[j] as number;
			fill[j] = k + 1;
			tSource[k] = i;
			tAt[k] = at;
		}
	}
	return { tStart, tSource, tAt };
}
