import { Hono } from "hono";
import { ApiError } from "../../../http/problem.js";
import { publishVacancies } from "../../../services/publish-vacancies.js";
import { type GridRow, vacancyGrid } from "../../../services/vacancy-grid.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import type { WebEnv } from "../../env.js";
import { formText } from "../../forms.js";
import { type PageContext, renderPage } from "../../render.js";
import { boroughNames, longDate, panelContext } from "../panel/context.js";
import { publisherBorough } from "./borough.js";
import { batchOf, type GridEntry, gridEntries, KEY, rowErrors } from "./grid-form.js";

const slotText = (r: GridRow) =>
	`${r.settingName} ${r.provision}${r.yearGroup ? ` ${r.yearGroup}` : ""}`;

function Cell(props: {
	id: string;
	label: string;
	value: string;
	error?: string | undefined;
	width: number;
}) {
	return (
		<div
			class={`govuk-form-group govuk-!-margin-bottom-0${props.error ? " govuk-form-group--error" : ""}`}
		>
			<label class="govuk-label govuk-visually-hidden" for={props.id}>
				{props.label}
			</label>
			{props.error ? (
				<p id={`${props.id}-error`} class="govuk-error-message">
					<span class="govuk-visually-hidden">Error:</span> {props.error}
				</p>
			) : null}
			<input
				class={`govuk-input govuk-input--width-${props.width}${props.error ? " govuk-input--error" : ""}`}
				id={props.id}
				name={props.id}
				type="text"
				inputmode={props.width === 3 ? "numeric" : undefined}
				value={props.value}
				aria-describedby={props.error ? `${props.id}-error` : undefined}
				spellcheck={false}
			/>
		</div>
	);
}

/** The borough's vacancies as one form: every slot a row, changed rows published as one batch. */
async function gridPage(
	c: PageContext,
	posted?: GridEntry[],
	errors: FormErrors = {},
	status: 200 | 400 | 422 = 200,
) {
	const { db, actor } = panelContext(c);
	const borough = publisherBorough(actor.principal);
	const rows = await vacancyGrid(db, borough);
	const names = await boroughNames(c);
	const hasErrors = Object.keys(errors).length > 0;
	const published = c.req.query("published");
	return renderPage(
		c,
		{ title: "Vacancies", hasErrors, wide: true },
		<>
			<ErrorSummary errors={errors} />
			{published && /^\d{1,4}$/.test(published) && !hasErrors ? (
				<div
					class="govuk-notification-banner govuk-notification-banner--success"
					role="alert"
					aria-labelledby="published-title"
					data-module="govuk-notification-banner"
				>
					<div class="govuk-notification-banner__header">
						<h2 class="govuk-notification-banner__title" id="published-title">
							Success
						</h2>
					</div>
					<div class="govuk-notification-banner__content">
						<p class="govuk-notification-banner__heading">{`${published} ${published === "1" ? "vacancy" : "vacancies"} published together`}</p>
					</div>
				</div>
			) : null}
			<span class="govuk-caption-l">{names.get(borough)}</span>
			<h1 class="govuk-heading-l">Vacancies</h1>
			<p class="govuk-body">
				Change the free places (and from when, if not now) in as many rows as you need, then publish
				them together: all are published, or none if one is wrong. Sending the same form twice
				publishes it once.
			</p>
			<form method="post" action="/publisher/vacancies" novalidate>
				<input type="hidden" name="idempotencyKey" value={crypto.randomUUID()} />
				<div class="app-table-scroll" id="grid" tabindex={-1}>
					<table class="govuk-table">
						<caption class="govuk-table__caption govuk-table__caption--m">{`${rows.length} vacancy rows at ${new Set(rows.map((r) => r.urn)).size} settings`}</caption>
						<thead class="govuk-table__head">
							<tr class="govuk-table__row">
								<th scope="col" class="govuk-table__header">
									Setting and provision
								</th>
								<th scope="col" class="govuk-table__header">
									Year group
								</th>
								<th scope="col" class="govuk-table__header govuk-table__header--numeric">
									Places
								</th>
								<th scope="col" class="govuk-table__header">
									Free places
								</th>
								<th scope="col" class="govuk-table__header">
									Free from (empty: now)
								</th>
								<th scope="col" class="govuk-table__header">
									Last published
								</th>
							</tr>
						</thead>
						<tbody class="govuk-table__body">
							{rows.map((r, i) => {
								const p = posted?.[i];
								const count = p ? p.count : String(r.count);
								const from = p ? p.availableFrom : (r.availableFrom ?? "");
								return (
									<tr class="govuk-table__row">
										<th scope="row" class="govuk-table__header">
											<a class="govuk-link" href={`/publisher/settings/${r.urn}`}>
												{r.settingName}
											</a>
											<span class="govuk-body-s govuk-!-display-block">{`${r.provisionName} (${r.provision}, ${r.level.replaceAll("_", " ")})`}</span>
											<input
												type="hidden"
												name={`slot-${i}`}
												value={`${r.urn}|${r.provision}|${r.yearGroup ?? ""}`}
											/>
											<input
												type="hidden"
												name={`was-${i}`}
												value={`${r.count}|${r.availableFrom ?? ""}`}
											/>
										</th>
										<td class="govuk-table__cell">{r.yearGroup ?? "Any"}</td>
										<td class="govuk-table__cell govuk-table__cell--numeric">{r.places}</td>
										<td class="govuk-table__cell">
											<Cell
												id={`count-${i}`}
												label={`Free places, ${slotText(r)}`}
												value={count}
												error={errors[`count-${i}`]}
												width={3}
											/>
										</td>
										<td class="govuk-table__cell">
											<Cell
												id={`from-${i}`}
												label={`Free from, ${slotText(r)}`}
												value={from}
												error={errors[`from-${i}`]}
												width={10}
											/>
										</td>
										<td class="govuk-table__cell govuk-body-s">
											{r.updatedAt
												? `${longDate(r.updatedAt.toISOString())} by ${r.updatedBy}`
												: "Never"}
										</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</div>
				<button type="submit" class="govuk-button">
					Publish the changes
				</button>
			</form>
		</>,
		status,
	);
}

export const vacancyPages = new Hono<WebEnv>()
	.get("/", (c) => gridPage(c))
	.post("/", async (c) => {
		const body = await c.req.parseBody();
		const entries = gridEntries(body);
		const key = formText(body.idempotencyKey) ?? "";
		if (!KEY.test(key))
			return gridPage(
				c,
				entries,
				{ grid: "The form is damaged: reload the page and try again" },
				400,
			);
		const parsed = batchOf(entries);
		if (!parsed.ok) return gridPage(c, entries, parsed.errors, 400);
		const { db, actor, now } = panelContext(c);
		try {
			const answer = await publishVacancies(db, actor, parsed.batch, key, now);
			const count = (answer.body as { published: number }).published;
			return c.redirect(`/publisher/vacancies?published=${count}`, 303);
		} catch (error) {
			if (error instanceof ApiError && (error.status === 422 || error.status === 400))
				return gridPage(
					c,
					entries,
					rowErrors(error.errors ?? [{ path: "grid", message: error.message }], parsed.rows),
					422,
				);
			throw error;
		}
	});
