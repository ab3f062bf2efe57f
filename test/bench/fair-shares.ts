// What fair shares add to a solve: the demo's pan-London admin round (the one `npm run
// demo:figures` reports), solved in this process without fair shares, with them (guarantee
// off) and with the guarantee on, alternated; CPU time medians and minimums.
//   npm run -s bench:fair-shares [-- --repeats 5]
import { eq } from "drizzle-orm";
import { matchingRuns } from "../../schema/index.js";
import { type AllocationInput, solveAllocation } from "../../solver/index.js";
import { prepareDatabase } from "../../src/bootstrap.js";
import { loadConfig } from "../../src/config.js";
import { RunRequest } from "../../src/contracts/matching-runs.js";
import { openPglite } from "../../src/db/pglite.js";
import { requestJobWorker } from "../../src/services/jobs/from-app.js";
import { createRun } from "../../src/services/matching/runs.js";

const at = process.argv.indexOf("--repeats");
const repeats = at > 0 ? Number(process.argv[at + 1]) : 5;
const config = loadConfig(process.env);
const database = await openPglite();
const now = new Date();
await prepareDatabase(database, {
	loadDemo: true,
	seed: config.demoSeed,
	children: config.demoChildren,
	now,
});
const actor = {
	principal: { subject: "bench", role: "admin" as const, la: null, urn: null, joint: null },
	requestId: "bench",
};
const { run } = await createRun(database.db, actor, RunRequest.parse({}), now);
await requestJobWorker(database.db, () => now).runSubject(run.id);
const [row] = await database.db.select().from(matchingRuns).where(eq(matchingRuns.id, run.id));
await database.close();
const input = row?.inputs as AllocationInput;

const VARIANTS = {
	"no fair shares": { fairShares: false },
	"fair shares, guarantee off": { guarantee: false },
	"fair shares, guarantee on": { guarantee: true },
} as const;
// One solve of each first, unmeasured: the JIT warms up.
for (const extra of Object.values(VARIANTS))
	solveAllocation({ ...input, options: { ...input.options, ...extra } });
const times = new Map<string, number[]>(Object.keys(VARIANTS).map((k) => [k, []]));
for (let r = 0; r < repeats; r++) {
	for (const [name, extra] of Object.entries(VARIANTS)) {
		const start = process.cpuUsage();
		solveAllocation({ ...input, options: { ...input.options, ...extra } });
		const used = process.cpuUsage(start);
		times.get(name)?.push((used.user + used.system) / 1000);
	}
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
	`${input.children.length} children, ${input.provisions.length} provisions, ${repeats} repeats`,
);
for (const [name, xs] of times)
	console.log(
		`${name}: CPU median ${Math.round(median(xs))} ms, min ${Math.round(Math.min(...xs))} ms`,
	);
