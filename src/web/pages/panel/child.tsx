import { Hono } from "hono";
import { ChildId } from "../../../contracts/children.js";
import { ApiError } from "../../../http/problem.js";
import { daysSince } from "../../../services/child-dates.js";
import { childTimeline, type TimelineEvent } from "../../../services/child-timeline.js";
import { SummaryList } from "../../components/summary-list.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { renderPage } from "../../render.js";
import { childEditRoutes } from "./child-edit.js";
import { boroughNames, longDate, panelContext } from "./context.js";
import { optionRoutes } from "./options.js";

/** A path's child id, or the same 404 as another borough's child (existence must not leak). */
export function childIdOf(value: string): string {
	const parsed = ChildId.safeParse(value);
	if (!parsed.success) throw new ApiError("not_found", "no such child");
	return parsed.data;
}

const TONES: Record<NonNullable<TimelineEvent["tone"]>, string> = {
	overdue: "overdue",
	declined: "declined",
	agreed: "agreed",
	placed: "active",
};

function Timeline({ events }: { events: TimelineEvent[] }) {
	return (
		<ol class="govuk-list app-timeline">
			{events.map((e) => (
				<li class="govuk-!-margin-bottom-4">
					<h3 class="govuk-heading-s govuk-!-margin-bottom-1">
						{e.tone ? <Tag status={TONES[e.tone]} text={e.tone} /> : null} {e.title}
					</h3>
					<p class="govuk-body-s govuk-!-margin-bottom-1">
						<time datetime={e.at}>{longDate(e.at)}</time>
						{e.by ? ` · by ${e.by}` : ""}
					</p>
					{e.detail ? <p class="govuk-body-s govuk-!-margin-bottom-0">{e.detail}</p> : null}
				</li>
			))}
		</ol>
	);
}

const detail = new Hono<WebEnv>().get("/:id", async (c) => {
	const { db, actor, now } = panelContext(c);
	const { child, events, preferences } = await childTimeline(
		db,
		actor,
		childIdOf(c.req.param("id")),
		now,
	);
	const names = await boroughNames(c);
	return renderPage(
		c,
		{ title: `Child ${child.caseRef}`, boroughName: names.get(child.boroughCode) },
		<>
			<a href="/panel/children" class="govuk-back-link">
				All children
			</a>
			<span class="govuk-caption-l">Child</span>
			<h1 class="govuk-heading-l">
				{child.caseRef} <Tag status={child.status} />
			</h1>
			<div class="govuk-button-group">
				<a class="govuk-button" href={`/panel/children/${child.id}/options`}>
					Compare options
				</a>
				<a class="govuk-button govuk-button--secondary" href={`/panel/children/${child.id}/edit`}>
					Change details
				</a>
			</div>
			<h2 class="govuk-heading-m">Plan</h2>
			<SummaryList
				rows={[
					{ key: "Year group", value: `${child.yearGroup} (age ${child.age})` },
					{ key: "Primary need", value: child.primaryNeed },
					{ key: "Secondary needs", value: child.secondaryNeeds.join(", ") || "None" },
					{ key: "Level of provision", value: child.planLevel.replaceAll("_", " ") },
					{ key: "Journey limit", value: `${child.maxJourneyMinutes} minutes each way` },
					{ key: "Home", value: `${child.homeDistrict ?? "Rounded location"} (to about 100 m)` },
					{
						key: "Parents' preferences",
						value: preferences.length ? (
							<ol class="govuk-list govuk-list--number">
								{preferences.map((p) => (
									<li>{`${p.name ?? "Unknown setting"} (URN ${p.urn})`}</li>
								))}
							</ol>
						) : (
							"None"
						),
					},
					{ key: "Plan finalised", value: longDate(child.planFinalisedOn) },
					{
						key: "Search started",
						value: child.searchStartedOn
							? `${longDate(child.searchStartedOn)} (${daysSince(child.searchStartedOn, now)} days ago)`
							: "—",
					},
					{
						key: "Out of education",
						value: child.outOfEducationSince
							? `Since ${longDate(child.outOfEducationSince)} (${daysSince(child.outOfEducationSince, now)} days)`
							: "No",
					},
				]}
			/>
			<h2 class="govuk-heading-m">Timeline</h2>
			<Timeline events={events} />
		</>,
	);
});

export const childrenRoutes = new Hono<WebEnv>()
	.route("/", detail)
	.route("/", childEditRoutes)
	.route("/", optionRoutes);
