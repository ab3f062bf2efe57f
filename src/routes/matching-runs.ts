import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import {
	Proposal,
	Run,
	RunId,
	RunList,
	RunListQuery,
	RunReplay,
	RunRequest,
} from "../contracts/matching-runs.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { runReplay } from "../services/matching/replay.js";
import { showRun } from "../services/matching/run-disclosure.js";
import { pageOfRuns } from "../services/matching/run-list.js";
import { proposalsCsv, toProposal } from "../services/matching/run-view.js";
import { createRun, getRun, listProposals, waitForRunEnd } from "../services/matching/runs.js";

const tags = ["Matching"];

const createRunRoute = createRoute({
	method: "post",
	path: "/matching-runs",
	operationId: "startMatchingRun",
	tags,
	summary: "Run the matcher over a round of children",
	description:
		"Rounds of up to 500 children (configurable) answer at once (201); larger ones answer 202 and report progress at the run's URL. A run proposes; it never changes vacancies. A commissioner (or an admin) starts a named planning run with kind planning: over the boroughs it plans for (its own and its partnerships' members; a pan-London commissioner any), aggregates only, no proposals to accept; shadow prices default to the latest one.",
	security: bearerSecurity,
	middleware: [requireRole("panel", "admin", "commissioner")] as const,
	request: { body: jsonBody(RunRequest) },
	responses: {
		201: { ...jsonContent(Run, "Solved"), headers: z.object({ Location: z.string() }) },
		202: {
			...jsonContent(Run, "Accepted: poll the Location"),
			headers: z.object({ Location: z.string() }),
		},
		...authResponses,
		...problemResponses(400, 404, 413, 415, 422),
	},
});

const getRunRoute = createRoute({
	method: "get",
	path: "/matching-runs/{id}",
	operationId: "getMatchingRun",
	tags,
	summary: "A run's status, progress, engine, objective and figures",
	security: bearerSecurity,
	middleware: [requireRole("panel", "admin", "commissioner")] as const,
	request: { params: z.object({ id: RunId }) },
	responses: { 200: jsonContent(Run, "The run"), ...authResponses, ...problemResponses(400, 404) },
});

const listRunsRoute = createRoute({
	method: "get",
	path: "/matching-runs",
	operationId: "listMatchingRuns",
	tags,
	summary: "The runs you may see, newest first, a page at a time",
	description:
		"A panel sees the runs that cover its borough's children; a commissioner and an admin every run. Pages follow `nextCursor` (limit 1–100, default 20); `kind=planning` lists the named planning runs. Each run's child count is disclosed as its own view discloses it.",
	security: bearerSecurity,
	middleware: [requireRole("panel", "admin", "commissioner")] as const,
	request: { query: RunListQuery },
	responses: {
		200: jsonContent(RunList, "A page of runs"),
		...authResponses,
		...problemResponses(400),
	},
});

const replayRoute = createRoute({
	method: "get",
	path: "/matching-runs/{id}/replay",
	operationId: "getMatchingRunReplay",
	tags,
	summary: "The exact instance a run solved, with its hash and the stored objective and allocation",
	description:
		"For the home borough's panel (a round of its own children) or an admin: the instance is child-level data (pseudonymous). Save the body and run `npm run replay -- file.json` to solve it again offline: it prints the objective and the allocation's hash and exits non-zero if they differ from the stored ones. A run you may not see is 404; one you may see but not replay (a commissioner, a borough in a joint round) is 403; a run not yet done is 409.",
	security: bearerSecurity,
	middleware: [requireRole("panel", "admin", "commissioner")] as const,
	request: { params: z.object({ id: RunId }) },
	responses: {
		200: jsonContent(RunReplay, "The run's instance"),
		...authResponses,
		...problemResponses(400, 404, 409),
	},
});

const proposalsRoute = createRoute({
	method: "get",
	path: "/matching-runs/{id}/proposals",
	operationId: "listProposals",
	tags,
	summary: "Per-child proposals with explanations (JSON, or CSV with format=csv)",
	security: bearerSecurity,
	middleware: [requireRole("panel", "admin")] as const,
	request: {
		params: z.object({ id: RunId }),
		query: z.object({ format: z.enum(["json", "csv"]).default("json") }).strict(),
	},
	responses: {
		200: {
			description: "The run's proposals for the caller's children",
			content: {
				"application/json": {
					schema: z.object({ runId: z.uuid(), status: z.string(), items: z.array(Proposal) }),
				},
				"text/csv": { schema: z.string() },
			},
		},
		...authResponses,
		...problemResponses(400, 404, 409),
	},
});

export const matchingRunRoutes = createRouter()
	.openapi(createRunRoute, async (c) => {
		const { db, now, defer, syncRunLimit, jobs } = c.get("deps");
		const principal = c.get("principal");
		const { run, childCount } = await createRun(db, actorOf(c), c.req.valid("json"), now());
		c.header("Location", `/matching-runs/${run.id}`);
		// A large round runs after the answer; one another worker claimed first is running there.
		if (childCount > syncRunLimit) {
			defer(async () => void (await jobs.runSubject(run.id)));
			return c.json(await showRun(db, principal, run, childCount), 202);
		}
		const done = (await jobs.runSubject(run.id))
			? await getRun(db, principal, run.id)
			: await waitForRunEnd(db, principal, run.id, 60_000);
		return done
			? c.json(await showRun(db, principal, done, childCount), 201)
			: c.json(await showRun(db, principal, run, childCount), 202);
	})
	.openapi(listRunsRoute, async (c) => {
		const page = await pageOfRuns(c.get("deps").db, c.get("principal"), c.req.valid("query"));
		return c.json(page, 200);
	})
	.openapi(replayRoute, async (c) => {
		const body = await runReplay(c.get("deps").db, actorOf(c), c.req.valid("param").id);
		return c.json(body, 200);
	})
	.openapi(getRunRoute, async (c) => {
		const { db } = c.get("deps");
		const run = await getRun(db, c.get("principal"), c.req.valid("param").id);
		return c.json(await showRun(db, c.get("principal"), run), 200);
	})
	.openapi(proposalsRoute, async (c) => {
		const { run, rows } = await listProposals(
			c.get("deps").db,
			actorOf(c),
			c.req.valid("param").id,
		);
		const items = rows.map(toProposal);
		if (c.req.valid("query").format === "csv" || c.req.header("accept")?.includes("text/csv")) {
			return c.body(proposalsCsv(items), 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": `attachment; filename="proposals-${run.id}.csv"`,
			});
		}
		return c.json({ runId: run.id, status: run.status, items }, 200);
	});
