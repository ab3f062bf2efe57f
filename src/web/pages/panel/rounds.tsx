import { Hono } from "hono";
import { RunRequest } from "../../../contracts/matching-runs.js";
import { ApiError } from "../../../http/problem.js";
import { listPartnerships } from "../../../queries/reference.js";
import { listRuns } from "../../../services/matching/run-list.js";
import { createRun, getRun } from "../../../services/matching/runs.js";
import { Checkboxes } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { errorPage } from "../../errors.js";
import { formList, pathId } from "../../forms.js";
import { renderPage } from "../../render.js";
import { requireSignIn } from "../../session/session.js";
import { boroughNames, longDate, panelContext } from "./context.js";
import { roundResultRoutes } from "./round-result.js";

export const runIdOf = (value: string) => pathId(value, "round");

const index = new Hono<WebEnv>().get("/", async (c) => {
	const principal = c.get("principal");
	const { db } = panelContext(c);
	const [runs, names, partnerships] = await Promise.all([
		listRuns(db, principal, 20),
		boroughNames(c),
		principal.joint ? listPartnerships(db) : Promise.resolve([]),
	]);
	const joint = partnerships.find((p) => p.id === principal.joint);
	return renderPage(
		c,
		{ title: "Rounds", boroughName: names.get(principal.la ?? "") },
		<>
			<h1 class="govuk-heading-l">Matching rounds</h1>
			<p class="govuk-body">
				A round matches every child awaiting a place
				{principal.joint
					? " in the joint panel's boroughs"
					: ` in ${names.get(principal.la ?? "")}`}{" "}
				to the published places at once: the allocation with the least cost to the public and
				journey time, proven optimal, beside what allocating child by child would give. A round
				changes no vacancy; accepting a proposal sends a consultation.
			</p>
			<form method="post" action="/panel/rounds">
				{joint ? (
					<Checkboxes
						id="boroughs"
						label="Boroughs"
						legend={`Boroughs of the joint panel (${joint.name})`}
						hint="Each borough's panel sees the proposals for its own children only"
						small
						values={joint.members}
						choices={joint.members.map((b) => ({ value: b, text: names.get(b) ?? b }))}
					/>
				) : null}
				<button type="submit" class="govuk-button">
					Start a round
				</button>
			</form>
			<Table
				caption="Recent rounds"
				rows={runs}
				empty="No rounds yet."
				columns={[
					{
						header: "Started",
						rowHeader: true,
						cell: (r) => (
							<a class="govuk-link" href={`/panel/rounds/${r.id}`}>
								{longDate(r.createdAt.toISOString())}, {r.createdAt.toISOString().slice(11, 16)} UTC
							</a>
						),
					},
					{
						header: "Boroughs",
						cell: (r) => r.scopeBoroughs.map((b) => names.get(b) ?? b).join(", "),
					},
					{ header: "Status", cell: (r) => <Tag status={r.status} /> },
				]}
			/>
		</>,
	);
});

const start = new Hono<WebEnv>().post("/", async (c) => {
	const { db, actor, now } = panelContext(c);
	const principal = c.get("principal");
	const body = await c.req.parseBody({ all: true });
	const boroughs = formList(body.boroughs);
	const request = RunRequest.safeParse(
		principal.joint && boroughs.length ? { scope: { boroughs } } : {},
	);
	if (!request.success) return errorPage(c, 400, "Choose boroughs of your joint panel.");
	let created: Awaited<ReturnType<typeof createRun>>;
	try {
		created = await createRun(db, actor, request.data, now);
	} catch (error) {
		if (error instanceof ApiError && (error.status === 403 || error.status === 422))
			return errorPage(c, error.status, error.message);
		throw error;
	}
	// Always solved after the answer, so the page can show its progress while it runs.
	const deps = c.get("deps");
	deps.defer(async () => void (await deps.jobs.runSubject(created.run.id)));
	return c.redirect(`/panel/rounds/${created.run.id}`, 303);
});

/** A round's progress as JSON for the page's own script (the page works without it). */
const progress = new Hono<WebEnv>().get("/:id/progress", async (c) => {
	const run = await getRun(c.get("deps").db, c.get("principal"), runIdOf(c.req.param("id")));
	c.header("Cache-Control", "no-store");
	return c.json({ status: run.status, progress: run.progress });
});

export const roundPages = new Hono<WebEnv>()
	.use(requireSignIn("panel"))
	.route("/", index)
	.route("/", start)
	.route("/", progress)
	.route("/", roundResultRoutes);
