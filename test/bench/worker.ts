/**
 * One measurement in a fresh process, so that its peak RSS (getrusage maxRSS) belongs to it
 * alone. Prints one JSON line. Run by run.ts; not meant to be called by hand.
 */

import { marginalValues } from "../../solver/core/duals";
import { solveCore } from "../../solver/core/transport";
import { buildCandidates, buildInstance, solveAllocation, solveGreedy } from "../../solver/index";
import { candidateCsr } from "../../solver/solve-allocation";
import { loadInstance } from "./instances";

interface Job {
	spec: string;
	seed: number;
	engine: "network" | "lp";
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const input = loadInstance(job.spec, job.seed);
const mb = (bytes: number) => Math.round(bytes / 1e6);
const rssBefore = process.memoryUsage().rss;
const time = <T>(f: () => T): [T, number] => {
	const t = performance.now();
	const value = f();
	return [value, Math.round((performance.now() - t) * 10) / 10];
};

const [instance, instanceMs] = time(() => buildInstance(input));
const [edges, candidatesMs] = time(() => buildCandidates(instance));
const csr = candidateCsr(instance, edges, []);
const [core, solveMs] = time(() =>
	solveCore(csr, { engine: job.engine, lpMaxTableauBytes: 20_000_000_000 }),
);
const peakAfterSolve = process.resourceUsage().maxRSS * 1024;
const result: Record<string, unknown> = {
	spec: job.spec,
	engine: job.engine,
	children: instance.children.length,
	provisions: instance.provisions.length,
	places: instance.provisions.reduce((sum, p) => sum + p.capacity, 0),
	edges: edges.count,
	objective: core.objective,
	certified: core.certificate.optimal,
	augmentations: core.augmentations,
	prepareMs: Math.round((instanceMs + candidatesMs) * 10) / 10,
	solveMs,
	rssBeforeMb: mb(rssBefore),
	peakRssAfterSolveMb: mb(peakAfterSolve),
};
if (job.engine === "network") {
	const [, dualsMs] = time(() => marginalValues(csr, core.flow, core.potential as Float64Array));
	const [full, fullMs] = time(() => solveAllocation(input));
	const [greedy, greedyMs] = time(() => solveGreedy(input));
	Object.assign(result, {
		dualsMs,
		fullMs,
		greedyMs,
		summary: full.summary,
		greedy: greedy.summary,
		peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
	});
}
process.stdout.write(`${JSON.stringify(result)}\n`);
