import { Hono } from "hono";
import {
	AnswerInput,
	type ConsultationT,
	toConsultation,
} from "../../../contracts/consultations.js";
import { ApiError } from "../../../http/problem.js";
import { answerConsultation } from "../../../services/consultation-outcomes.js";
import { readConsultation } from "../../../services/consultations.js";
import { isoDay } from "../../../services/matching/params.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Select } from "../../components/fields.js";
import { Radios, Textarea } from "../../components/radios-textarea.js";
import { SummaryList } from "../../components/summary-list.js";
import { Tag } from "../../components/tag.js";
import type { WebEnv } from "../../env.js";
import { apiFormErrors, formText, pathId, zodFormErrors } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { boroughNames, longDate, panelContext } from "../panel/context.js";
import { DECLINE_CHOICES, declineText } from "./labels.js";

const YES_NO = [
	{ value: "yes", text: "Yes" },
	{ value: "no", text: "No" },
];

interface AnswerForm {
	canMeetNeed?: string | undefined;
	hasCapacity?: string | undefined;
	reasonCode?: string | undefined;
	evidence?: string | undefined;
}

const FIELDS = {
	canMeetNeed: "canMeetNeed",
	hasCapacity: "hasCapacity",
	reasonCode: "reasonCode",
	evidence: "evidence",
};

/** The service's messages start in lower case (they follow a field's path); a page's start a sentence. */
const sentences = (errors: FormErrors): FormErrors =>
	Object.fromEntries(
		Object.entries(errors).map(([k, m]) => [k, m.charAt(0).toUpperCase() + m.slice(1)]),
	);

const yesNo = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);

function AnswerFields({ id, form, errors }: { id: string; form: AnswerForm; errors: FormErrors }) {
	return (
		<form method="post" action={`/school/consultations/${id}/answer`} novalidate>
			<h2 class="govuk-heading-m">Your answer</h2>
			<Radios
				id="canMeetNeed"
				legend="Can the school meet the child's needs?"
				inline
				choices={YES_NO}
				value={form.canMeetNeed}
				error={errors.canMeetNeed}
			/>
			<Radios
				id="hasCapacity"
				legend="Does the school have a place for the child?"
				inline
				choices={YES_NO}
				value={form.hasCapacity}
				error={errors.hasCapacity}
			/>
			<Select
				id="reasonCode"
				label="Reason for declining"
				hint="Only when either answer is no"
				choices={DECLINE_CHOICES}
				value={form.reasonCode ?? ""}
				error={errors.reasonCode}
			/>
			<Textarea
				id="evidence"
				label="Evidence for declining"
				hint="Required when declining: at least 20 characters, what the school has considered and why"
				value={form.evidence}
				error={errors.evidence}
			/>
			<button type="submit" class="govuk-button">
				Send the answer
			</button>
		</form>
	);
}

function Answered({ v }: { v: ConsultationT }) {
	const a = v.answer;
	if (!a)
		return <p class="govuk-body">{`This consultation is ${v.status}; it cannot be answered.`}</p>;
	return (
		<>
			<h2 class="govuk-heading-m">The school's answer</h2>
			<SummaryList
				rows={[
					{ key: "Outcome", value: <Tag status={v.status} /> },
					{ key: "Can meet the needs", value: a.canMeetNeed ? "Yes" : "No" },
					{ key: "Has a place", value: a.hasCapacity ? "Yes" : "No" },
					...(a.reasonCode ? [{ key: "Reason", value: declineText(a.reasonCode) }] : []),
					...(a.evidence ? [{ key: "Evidence", value: a.evidence }] : []),
					{ key: "Answered", value: longDate(a.answeredAt) },
				]}
			/>
		</>
	);
}

/** One consultation: what the borough shares of the child (never more than the API shares), and the answer form. */
async function renderConsultation(
	c: PageContext,
	id: string,
	form: AnswerForm = {},
	errors: FormErrors = {},
	status: 200 | 400 | 422 = 200,
) {
	const { db, actor, now } = panelContext(c);
	const today = isoDay(now);
	const v = toConsultation(await readConsultation(db, actor, id), "setting", today);
	const names = await boroughNames(c);
	const hasErrors = Object.keys(errors).length > 0;
	const borough = (code: string) => `${names.get(code) ?? code} (${code})`;
	return renderPage(
		c,
		{
			title: `Consultation for ${v.child.caseRef}`,
			hasErrors,
			boroughName: v.consulted.settingName,
		},
		<>
			<a href="/school/consultations" class="govuk-back-link">
				Back to consultations
			</a>
			<ErrorSummary errors={errors} />
			<span class="govuk-caption-l">{`${v.consulted.settingName} · ${v.consulted.provisionName}`}</span>
			<h1 class="govuk-heading-l">{`Consultation for ${v.child.caseRef}`}</h1>
			<SummaryList
				rows={[
					{ key: "Case reference", value: v.child.caseRef },
					{ key: "Year group", value: `${v.child.yearGroup} (age ${v.child.age})` },
					{ key: "Primary need", value: v.child.primaryNeed },
					{ key: "Secondary needs", value: v.child.secondaryNeeds.join(", ") || "None" },
					{ key: "Provision the plan calls for", value: v.child.planLevel.replaceAll("_", " ") },
					{
						key: "Provision consulted",
						value: `${v.consulted.provisionName} (${v.consulted.provision}, ${v.consulted.level.replaceAll("_", " ")})`,
					},
					{ key: "Home borough", value: borough(v.homeBorough) },
					...(v.consulted.maintainingBorough
						? [
								{
									key: "Also consulted",
									value: `${borough(v.consulted.maintainingBorough)}, the maintaining borough`,
								},
							]
						: []),
					{ key: "Sent", value: longDate(v.sentAt) },
					{
						key: "Answer due",
						value: (
							<>
								{longDate(v.dueAt)} {v.overdue ? <Tag status="overdue" /> : null}
							</>
						),
					},
				]}
			/>
			<p class="govuk-body-s">
				The borough shares the child's case reference and needs only; it keeps the child's identity
				and home.
			</p>
			{v.status === "open" ? (
				<AnswerFields id={v.id} form={form} errors={errors} />
			) : (
				<Answered v={v} />
			)}
		</>,
		status,
	);
}

const idOf = (value: string) => pathId(value, "consultation");

export const consultationPage = new Hono<WebEnv>()
	.get("/:id", (c) => renderConsultation(c, idOf(c.req.param("id"))))
	.post("/:id/answer", async (c) => {
		const id = idOf(c.req.param("id"));
		const body = await c.req.parseBody();
		const form: AnswerForm = {
			canMeetNeed: formText(body.canMeetNeed),
			hasCapacity: formText(body.hasCapacity),
			reasonCode: formText(body.reasonCode),
			evidence: formText(body.evidence),
		};
		const errors: FormErrors = {};
		const canMeetNeed = yesNo(form.canMeetNeed);
		const hasCapacity = yesNo(form.hasCapacity);
		if (canMeetNeed === undefined)
			errors.canMeetNeed = "Select whether the school can meet the child's needs";
		if (hasCapacity === undefined)
			errors.hasCapacity = "Select whether the school has a place for the child";
		const parsed = AnswerInput.safeParse({
			canMeetNeed: canMeetNeed ?? false,
			hasCapacity: hasCapacity ?? false,
			...(form.reasonCode ? { reasonCode: form.reasonCode } : {}),
			...(form.evidence ? { evidence: form.evidence } : {}),
		});
		if (!parsed.success)
			for (const [field, message] of Object.entries(zodFormErrors(parsed.error, FIELDS)))
				errors[field] ??= message;
		if (Object.keys(errors).length > 0 || !parsed.success)
			return renderConsultation(c, id, form, sentences(errors), 400);
		const { db, actor, now } = panelContext(c);
		try {
			await answerConsultation(db, actor, id, parsed.data, now);
		} catch (error) {
			if (error instanceof ApiError && error.status === 422 && error.errors)
				return renderConsultation(c, id, form, sentences(apiFormErrors(error.errors, FIELDS)), 422);
			throw error;
		}
		return c.redirect(`/school/consultations/${id}`, 303);
	});
