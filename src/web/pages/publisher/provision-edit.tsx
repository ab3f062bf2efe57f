import { Hono } from "hono";
import { NEED_CODES, PROVISION_LEVELS } from "../../../../schema/index.js";
import { ApiError } from "../../../http/problem.js";
import { settingEtag } from "../../../services/access.js";
import { getSetting, latestSettingChange } from "../../../services/registry-read.js";
import { putProvision } from "../../../services/settings-write.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Checkboxes, Select, TextInput } from "../../components/fields.js";
import type { WebEnv } from "../../env.js";
import { formText } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { londonTime } from "../admin/audit-view.js";
import { boroughNames, panelContext } from "../panel/context.js";
import { publisherBorough } from "./borough.js";
import { type Form, formOfProvision, parseProvisionForm, serviceErrors } from "./provision-form.js";

const words = (s: string) => s.replaceAll("_", " ");

/** The setting and provision a path names, of the publisher's own borough; else a 404 or 403 page. */
async function ownProvision(c: PageContext) {
	const { db, actor } = panelContext(c);
	const urnText = c.req.param("urn") ?? "";
	const code = c.req.param("code") ?? "";
	if (!/^\d{6}$/.test(urnText) || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(code))
		throw new ApiError("not_found", "no such provision");
	const found = await getSetting(db, Number(urnText));
	const entry = found?.provisions.find((p) => p.provision.code === code);
	if (!found || !entry) throw new ApiError("not_found", "no such provision");
	if (found.setting.boroughCode !== publisherBorough(actor.principal))
		throw new ApiError(
			"forbidden",
			"This setting is in another borough: you can read it, not change it.",
		);
	return { setting: found.setting, entry };
}

type Found = Awaited<ReturnType<typeof ownProvision>>;

/** Who made the change that made this form stale, and when, from the audit trail. */
async function staleMessage(c: PageContext, urn: number): Promise<string> {
	const change = await latestSettingChange(c.get("deps").db, urn);
	const ask = "Reload the form to see the details as they are now, then make your change again.";
	const changed = "This setting changed since you opened the form, so nothing was saved.";
	if (!change) return `${changed} ${ask}`;
	const names = await boroughNames(c);
	const where = change.boroughCode
		? `, ${names.get(change.boroughCode) ?? change.boroughCode}`
		: "";
	return `${changed} Its latest recorded change: ${change.action} of ${change.entityId} by ${change.actor} (${change.role}${where}) at ${londonTime(change.at)}. ${ask}`;
}

function editPage(
	c: PageContext,
	{ setting, entry }: Found,
	form: Form,
	errors: FormErrors = {},
	status: 200 | 400 | 409 | 422 = 200,
	stale?: string,
) {
	const value = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : undefined);
	const code = entry.provision.code;
	const path = `/publisher/settings/${setting.urn}/provisions/${encodeURIComponent(code)}/edit`;
	const hasErrors = Object.keys(errors).length > 0 || stale !== undefined;
	const money = (id: string, label: string) => (
		<TextInput
			id={id}
			label={label}
			hint="Whole pounds a year"
			width={10}
			inputmode="numeric"
			error={errors[id]}
			value={value(id)}
		/>
	);
	return renderPage(
		c,
		{ title: `Change ${entry.provision.name}`, hasErrors },
		<div class="govuk-grid-row">
			<div class="govuk-grid-column-two-thirds">
				<a href={`/publisher/settings/${setting.urn}`} class="govuk-back-link">
					Back to {setting.name}
				</a>
				{stale ? (
					<div class="govuk-error-summary" data-module="govuk-error-summary">
						<div role="alert">
							<h2 class="govuk-error-summary__title">Someone else changed this setting</h2>
							<div class="govuk-error-summary__body">
								<p class="govuk-body" id="stale">
									{stale}
								</p>
								<ul class="govuk-list govuk-error-summary__list">
									<li>
										<a href={path}>Reload the form</a>
									</li>
								</ul>
							</div>
						</div>
					</div>
				) : (
					<ErrorSummary errors={errors} />
				)}
				<span class="govuk-caption-l">{`${setting.name} · URN ${setting.urn}`}</span>
				<h1 class="govuk-heading-l">{`Change the provision ${code}`}</h1>
				<form method="post" action={path} novalidate>
					<input type="hidden" name="version" value={value("version")} />
					<TextInput id="name" label="Name" error={errors.name} value={value("name")} />
					<Select
						id="level"
						label="Level"
						error={errors.level}
						value={value("level")}
						choices={PROVISION_LEVELS.map((l) => ({ value: l, text: words(l) }))}
					/>
					<Checkboxes
						id="needTypes"
						label="Designated need types"
						legend="Designated need types"
						small
						error={errors.needTypes}
						values={
							Array.isArray(form.needTypes)
								? form.needTypes
								: form.needTypes
									? [form.needTypes]
									: []
						}
						choices={NEED_CODES.map((n) => ({ value: n, text: n }))}
					/>
					<TextInput
						id="ageMin"
						label="Youngest age"
						hint={`The setting takes ages ${setting.ageMin}–${setting.ageMax}`}
						width={2}
						inputmode="numeric"
						error={errors.ageMin}
						value={value("ageMin")}
					/>
					<TextInput
						id="ageMax"
						label="Oldest age"
						width={2}
						inputmode="numeric"
						error={errors.ageMax}
						value={value("ageMax")}
					/>
					<TextInput
						id="places"
						label="Commissioned places"
						width={4}
						inputmode="numeric"
						error={errors.places}
						value={value("places")}
					/>
					{money("placeFunding", "Place funding")}
					{money("topUp", "Top-up")}
					{money("fee", "Fee (independent and non-maintained settings)")}
					<button type="submit" class="govuk-button">
						Save changes
					</button>
				</form>
			</div>
		</div>,
		status,
	);
}

export const provisionEditPages = new Hono<WebEnv>()
	.get("/:urn/provisions/:code/edit", async (c) => {
		const found = await ownProvision(c);
		const { provision, needTypes } = found.entry;
		return editPage(c, found, formOfProvision(provision, needTypes, found.setting.version));
	})
	.post("/:urn/provisions/:code/edit", async (c) => {
		const { db, actor, now } = panelContext(c);
		const found = await ownProvision(c);
		const form = (await c.req.parseBody({ all: true })) as Form;
		const parsed = parseProvisionForm(form);
		if (!parsed.ok) return editPage(c, found, form, parsed.errors, 400);
		const { urn } = found.setting;
		const code = found.entry.provision.code;
		// The form carries the setting's version it was drawn from: the API's If-Match.
		const version = formText(form.version);
		const ifMatch =
			version && /^\d{1,9}$/.test(version) ? settingEtag(urn, Number(version)) : '"?"';
		try {
			await putProvision(db, actor, urn, code, parsed.value, ifMatch, now);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.code === "precondition_failed")
				return editPage(c, found, form, {}, 409, await staleMessage(c, urn));
			if (error.errors?.length) return editPage(c, found, form, serviceErrors(error.errors), 422);
			throw error;
		}
		return c.redirect(`/publisher/settings/${urn}?changed=${encodeURIComponent(code)}`, 303);
	});
