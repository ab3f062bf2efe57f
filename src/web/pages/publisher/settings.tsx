import { Hono } from "hono";
import { NEED_CODES, PROVISION_LEVELS } from "../../../../schema/index.js";
import { SettingListQuery } from "../../../contracts/settings.js";
import { ApiError } from "../../../http/problem.js";
import { isoDay } from "../../../services/matching/params.js";
import { getSetting, listSettings } from "../../../services/registry-read.js";
import { ErrorSummary } from "../../components/error-summary.js";
import { Select } from "../../components/fields.js";
import { SummaryList } from "../../components/summary-list.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { zodFormErrors } from "../../forms.js";
import { renderPage } from "../../render.js";
import { boroughNames, longDate, money, panelContext } from "../panel/context.js";
import { publisherBorough } from "./borough.js";
import { provisionEditPages } from "./provision-edit.js";

const words = (s: string) => s.replaceAll("_", " ");
const costOf = (p: { placeFunding: number; topUp: number; fee: number }) =>
	money(p.placeFunding + p.topUp + p.fee);
const any = (values: readonly string[], text: (v: string) => string = (v) => v) => [
	{ value: "", text: "Any" },
	...values.map((v) => ({ value: v, text: text(v) })),
];

const list = new Hono<WebEnv>().get("/", async (c) => {
	const { db, actor, now } = panelContext(c);
	const borough = publisherBorough(actor.principal);
	const raw: Record<string, string> = {};
	for (const k of ["need", "level"] as const) {
		const v = c.req.query(k);
		if (v) raw[k] = v;
	}
	const parsed = SettingListQuery.safeParse({ ...raw, borough, limit: "200" });
	const errors = parsed.success ? {} : zodFormErrors(parsed.error);
	const query = parsed.success ? parsed.data : { borough, limit: 200, offset: 0 };
	const { total, items } = await listSettings(db, { ...query, today: isoDay(now) });
	const names = await boroughNames(c);
	const hasErrors = !parsed.success;
	return renderPage(
		c,
		{ title: "Settings and provisions", hasErrors },
		<>
			<ErrorSummary errors={errors} />
			<span class="govuk-caption-l">{names.get(borough)}</span>
			<h1 class="govuk-heading-l">Settings and provisions</h1>
			<p class="govuk-body">
				<a class="govuk-link" href="/publisher/vacancies">
					Update vacancies
				</a>
			</p>
			<form method="get" action="/publisher/settings" novalidate class="govuk-!-margin-bottom-6">
				<div class="govuk-grid-row">
					<div class="govuk-grid-column-one-third">
						<Select
							id="need"
							label="Designated need"
							error={errors.need}
							value={raw.need}
							choices={any(NEED_CODES)}
						/>
					</div>
					<div class="govuk-grid-column-one-third">
						<Select
							id="level"
							label="Level"
							error={errors.level}
							value={raw.level}
							choices={any(PROVISION_LEVELS, words)}
						/>
					</div>
				</div>
				<button type="submit" class="govuk-button govuk-button--secondary">
					Apply filters
				</button>
			</form>
			<Table
				caption={`${total} ${total === 1 ? "setting" : "settings"}`}
				rows={items}
				empty="No settings match these filters."
				columns={[
					{
						header: "Setting",
						rowHeader: true,
						cell: (i) => (
							<a class="govuk-link" href={`/publisher/settings/${i.setting.urn}`}>
								{i.setting.name}
							</a>
						),
					},
					{ header: "URN", cell: (i) => String(i.setting.urn) },
					{ header: "Levels", cell: (i) => (i.summary?.levels ?? []).map(words).join(", ") },
					{ header: "Needs", cell: (i) => (i.summary?.needTypes ?? []).join(", ") },
					{ header: "Provisions", numeric: true, cell: (i) => String(i.summary?.provisions ?? 0) },
					{ header: "Places", numeric: true, cell: (i) => String(i.summary?.places ?? 0) },
					{ header: "Free now", numeric: true, cell: (i) => String(i.summary?.vacant ?? 0) },
				]}
			/>
		</>,
		hasErrors ? 400 : 200,
	);
});

const detail = new Hono<WebEnv>().get("/:urn", async (c) => {
	const { db, actor } = panelContext(c);
	const urnText = c.req.param("urn");
	if (!/^\d{6}$/.test(urnText)) throw new ApiError("not_found", "no such setting");
	const found = await getSetting(db, Number(urnText));
	if (!found) throw new ApiError("not_found", "no such setting");
	const { setting, provisions } = found;
	const names = await boroughNames(c);
	const own = setting.boroughCode === publisherBorough(actor.principal);
	const changed = provisions.find((p) => p.provision.code === c.req.query("changed"));
	return renderPage(
		c,
		{ title: setting.name },
		<>
			<a href="/publisher/settings" class="govuk-back-link">
				Back to settings
			</a>
			{changed ? (
				<div
					class="govuk-notification-banner govuk-notification-banner--success"
					role="alert"
					aria-labelledby="changed-title"
					data-module="govuk-notification-banner"
				>
					<div class="govuk-notification-banner__header">
						<h2 class="govuk-notification-banner__title" id="changed-title">
							Success
						</h2>
					</div>
					<div class="govuk-notification-banner__content">
						<p class="govuk-notification-banner__heading">{`Provision ${changed.provision.name} (${changed.provision.code}) saved`}</p>
					</div>
				</div>
			) : null}
			<span class="govuk-caption-l">{`URN ${setting.urn} · ${names.get(setting.boroughCode) ?? setting.boroughCode}`}</span>
			<h1 class="govuk-heading-l">{setting.name}</h1>
			<SummaryList
				rows={[
					{ key: "Type", value: setting.giasType },
					{ key: "Phase", value: setting.phase },
					{ key: "Ages", value: `${setting.ageMin}–${setting.ageMax}` },
					{ key: "Postcode", value: setting.postcode ?? "—" },
					{ key: "Last changed", value: longDate(setting.updatedAt.toISOString()) },
				]}
			/>
			{own ? null : (
				<p class="govuk-inset-text">
					This setting is in another borough: you can read it, not change it.
				</p>
			)}
			<Table
				caption={`${provisions.length} ${provisions.length === 1 ? "provision" : "provisions"}`}
				rows={provisions}
				columns={[
					{
						header: "Provision",
						rowHeader: true,
						cell: (p) => `${p.provision.name} (${p.provision.code})`,
					},
					{ header: "Level", cell: (p) => words(p.provision.level) },
					{ header: "Needs", cell: (p) => p.needTypes.join(", ") },
					{ header: "Ages", cell: (p) => `${p.provision.ageMin}–${p.provision.ageMax}` },
					{ header: "Places", numeric: true, cell: (p) => String(p.provision.places) },
					{ header: "Annual cost", numeric: true, cell: (p) => costOf(p.provision) },
					{
						header: "Vacancies",
						cell: (p) =>
							p.vacancies.length === 0
								? "None published"
								: p.vacancies
										.map(
											(v) =>
												`${v.count}${v.yearGroup ? ` in ${v.yearGroup}` : ""}${v.availableFrom ? ` from ${longDate(v.availableFrom)}` : " now"}`,
										)
										.join("; "),
					},
					...(own
						? [
								{
									header: "Change",
									cell: (p: (typeof provisions)[number]) => (
										<a
											class="govuk-link"
											href={`/publisher/settings/${setting.urn}/provisions/${encodeURIComponent(p.provision.code)}/edit`}
										>
											Change<span class="govuk-visually-hidden">{` ${p.provision.name}`}</span>
										</a>
									),
								},
							]
						: []),
				]}
			/>
		</>,
	);
});

export const settingPages = new Hono<WebEnv>()
	.route("/", list)
	.route("/", provisionEditPages)
	.route("/", detail);
