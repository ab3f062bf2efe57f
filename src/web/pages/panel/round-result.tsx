import { Hono } from "hono";
import { ApiError } from "../../../http/problem.js";
import { openConsultation } from "../../../services/consultations.js";
import type { FairSharesView } from "../../../services/matching/fair-shares-view.js";
import { showRun } from "../../../services/matching/run-disclosure.js";
import { proposalsCsv, toProposal } from "../../../services/matching/run-view.js";
import { getRun, listProposals } from "../../../services/matching/runs.js";
import { SummaryList } from "../../components/summary-list.js";
import { type Column, Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { errorPage } from "../../errors.js";
import { formText, UUID } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { boroughNames, money, panelContext } from "./context.js";
import { FairSharesTable } from "./fair-shares.js";
import { runIdOf } from "./rounds.js";

type Proposal = ReturnType<typeof toProposal>;
interface Summary {
	optimal?: boolean;
	relativeGap?: number | null;
	placed?: number | null;
	unplaced?: number | null;
	annualCost?: number;
	journeyMinutes?: number;
	solveMs?: number;
}
interface Greedy {
	placed: number | null;
	annualCost: number;
	journeyMinutes: number;
	savings: { annualCost: number; journeyMinutesPerDay: number; extraChildrenPlaced: number | null };
}
/** A count another borough's small part hides (a joint round). */
const count = (n: number | null | undefined) => (n === null ? "hidden" : String(n ?? 0));

/** The optimum against allocation by hand, in words that stay true when a figure is negative. */
function versusByHand(s: Greedy["savings"]): string {
	const signed = (n: number, words: [string, string, string], unit: (x: number) => string) =>
		n === 0 ? words[2] : `${unit(Math.abs(n))} ${n > 0 ? words[0] : words[1]}`;
	const minutes = (x: number) => String(Math.round(x));
	return [
		s.extraChildrenPlaced === null
			? "children placed: hidden"
			: signed(
					s.extraChildrenPlaced,
					["more children placed", "fewer children placed", "as many children placed"],
					String,
				),
		signed(s.annualCost, ["a year saved", "a year more spent", "the same cost"], money),
		signed(
			s.journeyMinutesPerDay,
			["fewer journey minutes a day", "more journey minutes a day", "the same journey time"],
			minutes,
		),
	].join("; ");
}

const childColumn: Column<Proposal> = {
	header: "Child",
	rowHeader: true,
	cell: (p) => (
		<a class="govuk-link" href={`/panel/children/${p.childId}`}>
			{p.caseRef}
		</a>
	),
};

const UNPLACED: Record<string, string> = {
	"no-feasible-provision": "No published provision meets the need, age, level and journey limit",
	"capacity-exhausted": "Every suitable provision is full",
	"cost-above-unplaced-penalty":
		"Every suitable place costs more than buying one from the independent sector",
	"side-constraints": "Held back by a budget or out-of-borough limit",
};

function InProgress({ c, run }: { c: PageContext; run: Awaited<ReturnType<typeof getRun>> }) {
	return (
		<>
			<h1 class="govuk-heading-l">The round is solving</h1>
			<label class="govuk-label" for="run-progress">
				Progress
			</label>
			<progress
				id="run-progress"
				class="app-progress"
				max="100"
				value={String(run.progress)}
				data-run-progress={`/panel/rounds/${run.id}/progress`}
			>
				{run.progress}%
			</progress>
			<p class="govuk-body" aria-live="polite" data-run-status="">
				{run.progress}% ({run.status})
			</p>
			<p class="govuk-body">
				<a class="govuk-link" href={c.req.path}>
					Refresh this page
				</a>{" "}
				to see the result once it is done.
			</p>
		</>
	);
}

export const roundResultRoutes = new Hono<WebEnv>()
	.get("/:id", async (c) => {
		const { db, actor } = panelContext(c);
		const run = await getRun(db, actor.principal, runIdOf(c.req.param("id")));
		const names = await boroughNames(c);
		const name = (b: string | null) => (b ? (names.get(b) ?? b) : "—");
		if (run.status === "queued" || run.status === "running")
			return renderPage(c, { title: "Round in progress" }, <InProgress c={c} run={run} />);
		if (run.status === "failed")
			return errorPage(
				c,
				500,
				`The round failed: ${run.error ?? "no reason recorded"}. Start another.`,
			);
		const { rows } = await listProposals(db, actor, run.id);
		const items = rows.map(toProposal);
		const placed = items.filter((p) => p.placed);
		const unplaced = items.filter((p) => !p.placed);
		// A joint round's figures hide another borough's counts of 1–4, as the API does.
		const shown = await showRun(db, actor.principal, run);
		const f = (shown.figures ?? {}) as Summary;
		const g = shown.greedy as Greedy | null;
		const seen = shown.figures as Partial<FairSharesView> | null;
		const fair = seen?.boroughs && seen.guarantee ? (seen as FairSharesView) : null;
		return renderPage(
			c,
			{ title: "Round result" },
			<>
				<a href="/panel/rounds" class="govuk-back-link">
					All rounds
				</a>
				<h1 class="govuk-heading-l">Round result</h1>
				<SummaryList
					rows={[
						{ key: "Boroughs", value: run.scopeBoroughs.map(name).join(", ") },
						{
							key: "Solution",
							value: f.optimal
								? "Proven optimal"
								: `Best found; gap to the bound ${((f.relativeGap ?? 0) * 100).toFixed(2)}%`,
						},
						{
							key: "Children placed",
							value: `${count(f.placed)} (by hand, child by child: ${g ? count(g.placed) : "—"})`,
						},
						{
							key: "Annual cost of the placed",
							value: `${money(f.annualCost)} (by hand: ${money(g?.annualCost)})`,
						},
						{
							key: "Journey minutes, one way, all placed",
							value: `${Math.round(f.journeyMinutes ?? 0)} (by hand: ${Math.round(g?.journeyMinutes ?? 0)})`,
						},
						{
							key: "Against allocation by hand",
							value: g ? versusByHand(g.savings) : "—",
						},
					]}
				/>
				{fair ? <FairSharesTable fair={fair} name={name} /> : null}
				<p class="govuk-body">
					<a class="govuk-link" href={`/panel/rounds/${run.id}/proposals.csv`} download="">
						Download the proposals (CSV)
					</a>
				</p>
				<Table<Proposal>
					caption={`Proposals for your children (${placed.length})`}
					rows={placed}
					columns={[
						childColumn,
						{
							header: "Setting",
							cell: (p) => `${p.settingName} (${p.provision}), ${name(p.borough)}`,
						},
						{ header: "Annual cost", numeric: true, cell: (p) => money(p.annualCost) },
						{
							header: "Journey",
							numeric: true,
							cell: (p) => `${Math.round(p.journeyMinutes ?? 0)} min`,
						},
						{
							header: "Action",
							cell: (p) =>
								p.accepted ? (
									"Accepted"
								) : (
									<form method="post" action={`/panel/rounds/${run.id}/accept`}>
										<input type="hidden" name="proposalId" value={p.proposalId} />
										<button
											type="submit"
											class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
										>
											Accept{" "}
											<span class="govuk-visually-hidden">{`the proposal for ${p.caseRef}`}</span>
										</button>
									</form>
								),
						},
					]}
				/>
				<Table<Proposal>
					caption={`Not placed by this round (${unplaced.length})`}
					captionSize="s"
					rows={unplaced}
					empty="Every child in the round has a proposal."
					columns={[
						childColumn,
						{
							header: "Why",
							cell: (p) => UNPLACED[(p.explanation as { reason?: string }).reason ?? ""] ?? "—",
						},
					]}
				/>
			</>,
		);
	})
	.get("/:id/proposals.csv", async (c) => {
		const { db, actor } = panelContext(c);
		const { run, rows } = await listProposals(db, actor, runIdOf(c.req.param("id")));
		return c.body(proposalsCsv(rows.map(toProposal)), 200, {
			"content-type": "text/csv; charset=utf-8",
			"content-disposition": `attachment; filename="proposals-${run.id}.csv"`,
			"cache-control": "no-store",
		});
	})
	.post("/:id/accept", async (c) => {
		const { db, actor, now } = panelContext(c);
		runIdOf(c.req.param("id"));
		const proposalId = formText((await c.req.parseBody()).proposalId) ?? "";
		if (!UUID.test(proposalId)) return errorPage(c, 400, "Choose a proposal to accept.");
		try {
			await openConsultation(db, actor, { proposalId }, now);
		} catch (error) {
			if (error instanceof ApiError && (error.status === 409 || error.status === 422))
				return errorPage(c, error.status, error.message);
			throw error;
		}
		return c.redirect("/panel/consultations", 303);
	});
