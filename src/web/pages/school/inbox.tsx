import { Hono } from "hono";
import { type ConsultationT, toConsultation } from "../../../contracts/consultations.js";
import { listConsultations } from "../../../services/consultations.js";
import { isoDay } from "../../../services/matching/params.js";
import { Table } from "../../components/table.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { renderPage } from "../../render.js";
import { longDate, panelContext } from "../panel/context.js";
import { declineText } from "./labels.js";

type View = ConsultationT;

const MAX = 200;
const daysBetween = (from: string, to: string) =>
	Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

const caseLink = (v: View) => (
	<a class="govuk-link" href={`/school/consultations/${v.id}`}>
		{v.child.caseRef}
	</a>
);

function DueCell({ v, today }: { v: View; today: string }) {
	const left = daysBetween(today, v.dueAt);
	return (
		<>
			{longDate(v.dueAt)}{" "}
			{v.overdue ? (
				<Tag status="overdue" text={`overdue by ${-left} ${left === -1 ? "day" : "days"}`} />
			) : (
				<span class="govuk-body-s">{`(${left} ${left === 1 ? "day" : "days"} left)`}</span>
			)}
		</>
	);
}

/** A school's inbox: the consultations to answer, soonest due first, then its past answers. */
export const inboxPage = new Hono<WebEnv>().get("/", async (c) => {
	const { db, actor, now } = panelContext(c);
	const today = isoDay(now);
	const { total, items } = await listConsultations(db, actor, { limit: MAX, offset: 0 }, today);
	const views = items.map((v) => toConsultation(v, "setting", today));
	const open = views.filter((v) => v.status === "open");
	const answered = views
		.filter((v) => v.answer)
		.sort((a, b) => (b.answer?.answeredAt ?? "").localeCompare(a.answer?.answeredAt ?? ""));
	const overdue = open.filter((v) => v.overdue).length;
	const settingName = items[0]?.setting.name ?? `URN ${actor.principal.urn}`;
	return renderPage(
		c,
		{ title: "Consultations to answer", boroughName: settingName },
		<>
			<span class="govuk-caption-l">{settingName}</span>
			<h1 class="govuk-heading-l">Consultations to answer</h1>
			<p class="govuk-body">
				Boroughs consult the school before naming it in a child's plan (Children and Families Act
				2014, s.39). Answer within 15 calendar days: say whether the school can meet the child's
				needs and whether it has a place; a decline needs its reason and evidence.
			</p>
			{overdue > 0 ? (
				<div class="govuk-inset-text">{`${overdue} ${overdue === 1 ? "consultation is" : "consultations are"} past the due date.`}</div>
			) : null}
			<Table
				caption={`${open.length} to answer`}
				rows={open}
				empty="Nothing to answer."
				columns={[
					{ header: "Case reference", rowHeader: true, cell: caseLink },
					{ header: "Year", cell: (v) => v.child.yearGroup },
					{ header: "Primary need", cell: (v) => v.child.primaryNeed },
					{
						header: "Provision",
						cell: (v) => `${v.consulted.provisionName} (${v.consulted.provision})`,
					},
					{ header: "Sent", cell: (v) => longDate(v.sentAt) },
					{ header: "Due", cell: (v) => <DueCell v={v} today={today} /> },
				]}
			/>
			<h2 class="govuk-heading-m">Past answers</h2>
			<Table
				caption={`${answered.length} answered`}
				captionSize="s"
				rows={answered}
				empty="No answers yet."
				columns={[
					{ header: "Case reference", rowHeader: true, cell: caseLink },
					{ header: "Provision", cell: (v) => v.consulted.provision },
					{ header: "Answered", cell: (v) => longDate(v.answer?.answeredAt) },
					{
						header: "Answer",
						cell: (v) => (
							<>
								<Tag status={v.status} />
								{v.answer?.reasonCode ? (
									<p class="govuk-body-s govuk-!-margin-bottom-0">
										{declineText(v.answer.reasonCode)}
									</p>
								) : null}
							</>
						),
					},
				]}
			/>
			{total > MAX ? (
				<p class="govuk-body-s">{`The first ${MAX} of ${total} consultations by due date are shown.`}</p>
			) : null}
		</>,
	);
});
