import { Hono } from "hono";
import { ApiError } from "../../../http/problem.js";
import { openConsultation } from "../../../services/consultations.js";
import { rankOptions } from "../../../services/matching/options.js";
import { BoroughMap } from "../../components/map.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { errorPage } from "../../errors.js";
import { formText } from "../../forms.js";
import { renderPage } from "../../render.js";
import { childIdOf } from "./child.js";
import { boroughNames, money, panelContext } from "./context.js";

type Ranked = Awaited<ReturnType<typeof rankOptions>>;
type Option = Ranked["options"][number];

const SHOWN = 10;

function vacancyText(o: Option): string {
	if (o.vacancy.state === "free") return `${o.vacancy.freeNow} free now`;
	if (o.vacancy.state === "from") return `Free from ${o.vacancy.availableFrom}`;
	return `None; waiting position ${o.vacancy.waitingPosition}`;
}

function ConsultButton({ childId, o }: { childId: string; o: Option }) {
	return (
		<form method="post" action={`/panel/children/${childId}/options/consult`}>
			<input type="hidden" name="urn" value={String(o.urn)} />
			<input type="hidden" name="provision" value={o.provision} />
			<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
				Consult <span class="govuk-visually-hidden">{`${o.settingName} (${o.provision})`}</span>
			</button>
		</form>
	);
}

export const optionRoutes = new Hono<WebEnv>()
	.get("/:id/options", async (c) => {
		const { db, actor, now } = panelContext(c);
		const id = childIdOf(c.req.param("id"));
		const ranked = await rankOptions(db, actor, id, SHOWN, now);
		const names = await boroughNames(c);
		const name = (code: string) => names.get(code) ?? code;
		const { child, options } = ranked;
		const preferred = options.filter((o) => o.preferenceRank !== null);
		return renderPage(
			c,
			{ title: `Options for ${child.caseRef}`, boroughName: name(child.boroughCode), wide: true },
			<>
				<a href={`/panel/children/${child.id}`} class="govuk-back-link">
					Back to {child.caseRef}
				</a>
				<span class="govuk-caption-l">{child.caseRef}</span>
				<h1 class="govuk-heading-l">Options</h1>
				<p class="govuk-body">
					{ranked.total} suitable provisions within {child.maxJourneyMinutes} minutes; the best{" "}
					{Math.min(SHOWN, ranked.total)} by annual cost to the public plus journey time, and every
					parental preference.
				</p>
				<BoroughMap
					title={`Map of the options for ${child.caseRef}`}
					description={`The child's home in ${name(child.boroughCode)} and ${options.length} options, numbered by rank; the table below lists the same.`}
					home={{ lat: child.homeLat, lon: child.homeLon, borough: child.boroughCode }}
					points={options.map((o) => ({
						lat: o.location.lat,
						lon: o.location.lon,
						label: String(o.rank),
					}))}
				/>
				<section
					class="app-table-scroll"
					tabindex={0}
					aria-label="Ranked options, scrolls sideways"
				>
					<Table
						caption="Ranked options"
						rows={options}
						columns={[
							{ header: "Rank", numeric: true, cell: (o) => String(o.rank) },
							{
								header: "Setting and provision",
								rowHeader: true,
								cell: (o) => (
									<>
										{o.settingName}{" "}
										<span class="govuk-body-s">
											({o.provision}, URN {o.urn})
										</span>
										<br />
										<span class="govuk-body-s">
											{name(o.borough)}
											{o.preferenceRank ? ` · parents' preference ${o.preferenceRank}` : ""}
										</span>
										<p class="govuk-body-s govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
											<span class="govuk-visually-hidden">Why this rank: </span>
											{o.reason}
										</p>
									</>
								),
							},
							{ header: "Level", cell: (o) => o.level.replaceAll("_", " ") },
							{ header: "Needs met", cell: (o) => o.needsMet.join(", ") },
							{
								header: "Journey",
								cell: (o) =>
									`${Math.round(o.journey.minutes)} min, ${o.journey.miles.toFixed(1)} mi`,
							},
							{ header: "Vacancy", cell: vacancyText },
							{ header: "Place funding", numeric: true, cell: (o) => money(o.cost.placeFunding) },
							{
								header: "Top-up or fee",
								numeric: true,
								cell: (o) => money(o.cost.topUp + o.cost.fee),
							},
							{ header: "Transport", numeric: true, cell: (o) => money(o.cost.transport) },
							{ header: "Total a year", numeric: true, cell: (o) => money(o.cost.publicTotal) },
							{
								header: "Who pays",
								cell: (o) =>
									o.payers.homeBorough === o.payers.hostBorough ? (
										`${name(o.payers.homeBorough)}: all`
									) : (
										<>
											{`${name(o.payers.homeBorough)}: ${money(o.payers.homePays)}`}
											<br />
											{`${name(o.payers.hostBorough)}: ${money(o.payers.hostPays)}`}
										</>
									),
							},
							{ header: "Action", cell: (o) => <ConsultButton childId={child.id} o={o} /> },
						]}
					/>
				</section>
				<h2 class="govuk-heading-m">Parents' preferences</h2>
				<Table
					caption="Preferences that are suitable"
					captionSize="s"
					rows={preferred}
					empty="No suitable preference among the options."
					columns={[
						{ header: "Preference", numeric: true, cell: (o) => String(o.preferenceRank) },
						{
							header: "Setting",
							rowHeader: true,
							cell: (o) => `${o.settingName} (${o.provision})`,
						},
						{ header: "Rank", numeric: true, cell: (o) => String(o.rank) },
						{
							header: "Extra a year over the top option",
							numeric: true,
							cell: (o) =>
								money(Math.max(0, o.cost.publicTotal - (options[0]?.cost.publicTotal ?? 0))),
						},
					]}
				/>
				<Table
					caption="Preferences that are not suitable, and why"
					captionSize="s"
					rows={ranked.unsuitablePreferences}
					empty="Every preference is suitable."
					columns={[
						{ header: "URN", rowHeader: true, cell: (u) => String(u.urn) },
						{ header: "Setting", cell: (u) => u.settingName ?? "Not a registered setting" },
						{ header: "Reason", cell: (u) => u.reason },
					]}
				/>
			</>,
		);
	})
	.post("/:id/options/consult", async (c) => {
		const { db, actor, now } = panelContext(c);
		const id = childIdOf(c.req.param("id"));
		const body = await c.req.parseBody();
		const urn = Number(formText(body.urn));
		const provision = formText(body.provision) ?? "";
		if (!Number.isInteger(urn) || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(provision)) {
			return errorPage(c, 400, "Choose an option from the table.");
		}
		try {
			await openConsultation(db, actor, { childId: id, urn, provision }, now);
		} catch (error) {
			if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
				return errorPage(c, error.status, error.message);
			}
			throw error;
		}
		return c.redirect(`/panel/consultations?child=${id}`, 303);
	});
