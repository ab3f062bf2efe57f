import { Hono } from "hono";
import { panelStats } from "../../../services/panel-stats.js";
import { BarChart } from "../../components/bar-chart.js";
import type { WebEnv } from "../../env.js";
import { renderPage } from "../../render.js";
import { requireSignIn } from "../../session/session.js";
import { boroughNames, money, panelContext } from "./context.js";

const days = (n: number) => `${n.toFixed(1)} days`;
const count = (n: number) => String(n);
const words = (code: string) => code.replaceAll("_", " ");

/** The panel's figures: each chart with its table beside it; small counts stay suppressed. */
export const figurePages = new Hono<WebEnv>().use(requireSignIn("panel")).get("/", async (c) => {
	const { db, actor } = panelContext(c);
	const [stats, names] = await Promise.all([
		panelStats(db, actor.principal, undefined),
		boroughNames(c),
	]);
	const t = stats.timeliness;
	return renderPage(
		c,
		{ title: "Panel figures", boroughName: names.get(actor.principal.la ?? "") },
		<>
			<h1 class="govuk-heading-l">Panel figures</h1>
			<p class="govuk-body">
				{t.placements.value ?? "Fewer than 5"} placements confirmed for{" "}
				{names.get(stats.scope.borough ?? "") ?? "London"}'s children.
			</p>
			<BarChart
				id="timeliness"
				title="Days from referral to offer, and from offer to start"
				unit={days}
				bars={[
					{ label: "Referral to offer, median", value: t.referralToOffer.medianDays.value },
					{ label: "Referral to offer, 90th pct", value: t.referralToOffer.p90Days.value },
					{ label: "Offer to start, median", value: t.offerToStart.medianDays.value },
					{ label: "Offer to start, 90th pct", value: t.offerToStart.p90Days.value },
				]}
			/>
			<BarChart
				id="where"
				title="Where children are placed"
				unit={count}
				bars={[
					{ label: "In borough", value: stats.placements.inBorough.value },
					{ label: "Out of borough", value: stats.placements.outOfBorough.value },
					{ label: "Independent schools", value: stats.placements.independent.value },
				]}
			/>
			<BarChart
				id="declines"
				title="Declined consultations by reason"
				unit={count}
				bars={stats.declinesByReason.map((d) => ({
					label: words(d.reasonCode),
					value: d.count.value,
				}))}
			/>
			<BarChart
				id="costs"
				title="Average annual cost by level of provision"
				unit={money}
				bars={stats.averageAnnualCostByLevel
					.filter((l) => l.placements.value !== 0)
					.map((l) => ({ label: words(l.level), value: l.average.value }))}
			/>
			<details class="govuk-details">
				<summary class="govuk-details__summary">
					<span class="govuk-details__summary-text">How these figures are counted</span>
				</summary>
				<div class="govuk-details__text">
					{Object.values(stats.method).map((m) => (
						<p class="govuk-body-s">{m}</p>
					))}
				</div>
			</details>
		</>,
	);
});
