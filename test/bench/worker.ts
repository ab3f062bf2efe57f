/**
 * One measurement in a fresh process, so that its peak RSS (getrusage maxRSS) belongs to it
 * alone. Prints one JSON line. Run by run.ts; not meant to be called by hand.
 *
 * Jobs: "network" | "simplex" | "lp" | "highs" — the transportation core on one engine
 * (candidates, solve, certificate; duals too for network and simplex); "explained" — the full solveAllocation (explanations,
 * duals, summary); "greedy" — the nearest-place baseline; "dimacs" — writes the
 * transportation core as a DIMACS min-cost flow file to `out` for the native anchor; "warm" —
 * warm re-solves of the simplex after one provision's capacity changes (see warm-job.ts).
 */
import { writeFileSync } from "node:fs";
import loadHighs from "highs";
import { marginalValues } from "../../solver/core/duals";
import { solveCore } from "../../solver/core/transport";
import { withFallback } from "../../solver/fallback";
import { buildCandidates, buildInstance, solveAllocation, solveGreedy } from "../../solver/index";
import { candidateCsr } from "../../solver/solve-allocation";
import { transportDimacs } from "./dimacs";
import { loadInstance } from "./instances";
import { generateLondonLike } from "./london-like";
import { measureWarm } from "./warm-job";

export type Job =
	| "network"
	| "simplex"
	| "lp"
	| "highs"
	| "explained"
	| "greedy"
	| "dimacs"
	| "warm";

interface Request {
	spec: string;
	seed: number;
	job: Job;
	out?: string;
}

const request = JSON.parse(process.argv[2] ?? "{}") as Request;
const input = loadInstance(request.spec, request.seed);
const mb = (bytes: number) => Math.round(bytes / 1e6);
const peakMb = () => mb(process.resourceUsage().maxRSS * 1024);
const rssBefore = process.memoryUsage().rss;
const round = (ms: number) => Math.round(ms * 10) / 10;
const time = <T>(f: () => T): [T, number] => {
	const t = performance.now();
	const value = f();
	return [value, round(performance.now() - t)];
};
const result: Record<string, unknown> = {
	spec: request.spec,
	job: request.job,
	rssBeforeMb: mb(rssBefore),
};

if (request.job === "warm") {
	const base = buildInstance(input);
	const { instance, edges } = withFallback(base, buildCandidates(base));
	const csr = candidateCsr(instance, edges, []);
	// Warm the code up first, as the service's long-lived process would be.
	const small = buildInstance(generateLondonLike({ children: 300, provisions: 100, seed: 1 }));
	measureWarm(candidateCsr(small, buildCandidates(small), []), 5);
	Object.assign(result, measureWarm(csr), { peakRssMb: peakMb() });
} else if (request.job === "dimacs") {
	const base = buildInstance(input);
	const { instance, edges } = withFallback(base, buildCandidates(base));
	const csr = candidateCsr(instance, edges, []);
	writeFileSync(request.out as string, transportDimacs(csr));
	Object.assign(result, { file: request.out, edges: csr.sink.length, peakRssMb: peakMb() });
} else if (request.job === "explained") {
	const [full, fullMs] = time(() => solveAllocation(input));
	Object.assign(result, {
		fullMs,
		objective: full.objective,
		optimal: full.optimal,
		summary: full.summary,
		peakRssMb: peakMb(),
	});
} else if (request.job === "greedy") {
	const [greedy, greedyMs] = time(() => solveGreedy(input));
	Object.assign(result, { greedyMs, summary: greedy.summary, peakRssMb: peakMb() });
} else {
	const engine = request.job;
	let highs: Awaited<ReturnType<typeof loadHighs>> | undefined;
	if (engine === "highs") {
		// Loading compiles the WebAssembly: reported apart from the timed solve.
		const t = performance.now();
		highs = await loadHighs();
		result.loadMs = round(performance.now() - t);
	}
	// The first solve in a process runs unoptimised code (for every engine, JavaScript or
	// WebAssembly): the service's long-lived process pays that once, so it is reported apart,
	// after a small warm-up round.
	const warm = generateLondonLike({ children: 300, provisions: 100, seed: 1 });
	const warmInstance = buildInstance(warm);
	const warmCsr = candidateCsr(warmInstance, buildCandidates(warmInstance), []);
	result.firstCallMs = time(() => solveCore(warmCsr, { engine, highs }))[1];
	const [base, instanceMs] = time(() => buildInstance(input));
	// The model the service solves: the published places plus each borough's fallback sink.
	const [{ instance, edges }, candidatesMs] = time(() => withFallback(base, buildCandidates(base)));
	const csr = candidateCsr(instance, edges, []);
	const cpuBefore = process.cpuUsage();
	const [core, solveMs] = time(() =>
		solveCore(csr, { engine, highs, lpMaxTableauBytes: 20_000_000_000 }),
	);
	const cpu = process.cpuUsage(cpuBefore);
	Object.assign(result, {
		engine,
		children: instance.children.length,
		provisions: base.provisions.length,
		fallbackSinks: instance.provisions.length - base.provisions.length,
		places: base.provisions.reduce((sum, p) => sum + p.capacity, 0),
		edges: edges.count,
		objective: core.objective,
		certified: core.certificate.optimal,
		status: core.certificate.optimal ? "optimal" : "not certified",
		augmentations: core.augmentations,
		...(core.iterations === undefined ? {} : { iterations: core.iterations }),
		...(core.pivots === undefined ? {} : { pivots: core.pivots }),
		prepareMs: round(instanceMs + candidatesMs),
		solveMs,
		solveCpuMs: round((cpu.user + cpu.system) / 1000),
		peakRssAfterSolveMb: peakMb(),
	});
	if (highs) result.wasmMb = mb(highs.memoryBytes);
	if (engine === "network" || engine === "simplex") {
		result.dualsMs = time(() => marginalValues(csr, core.flow, core.potential as Float64Array))[1];
	}
	result.peakRssMb = peakMb();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
