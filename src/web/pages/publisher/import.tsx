import { Hono } from "hono";
import { ApiError } from "../../../http/problem.js";
import { bytesSource } from "../../../services/import/encoding.js";
import { type ImportBody, importSettings } from "../../../services/import-settings.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { ErrorMessage } from "../../components/fields.js";
import type { WebEnv } from "../../env.js";
import { type PageContext, renderPage } from "../../render.js";
import { panelContext } from "../panel/context.js";
import { publisherBorough } from "./borough.js";
import {
	type ImportResult,
	ImportSummary,
	RowErrors,
	type RowProblem,
	rowProblems,
} from "./import-result.js";

/** A size as a person reads it, rounded down (so "at most" stays true). */
const sizeOf = (bytes: number) =>
	bytes >= 1_048_576 ? `${Math.floor(bytes / 1_048_576)} MB` : `${Math.floor(bytes / 1024)} KB`;

interface View {
	errors?: FormErrors;
	problems?: RowProblem[];
	result?: ImportResult;
	dryRun?: boolean;
	name?: string;
	/** JSON counts rows from 0 (the index in `settings`): shown from 1, as a person counts. */
	fromJson?: boolean;
}

function importPage(c: PageContext, view: View, status: 200 | 400 | 403 | 409 | 413 | 422 = 200) {
	const errors = view.errors ?? {};
	const max = c.get("web").importMaxBytes;
	const { result } = view;
	const hasErrors = Object.keys(errors).length > 0 || (view.problems?.length ?? 0) > 0;
	return renderPage(
		c,
		{ title: "Upload settings and provisions", hasErrors, wide: true },
		<>
			<ErrorSummary
				errors={
					view.problems?.length
						? {
								"row-errors": `The file has ${view.problems.length === 1 ? "an error" : `${view.problems.length} errors`}: nothing was imported. Correct the rows listed, then upload it again.`,
							}
						: errors
				}
			/>
			{result ? (
				<div
					class="govuk-notification-banner govuk-notification-banner--success"
					role="alert"
					aria-labelledby="imported-title"
					data-module="govuk-notification-banner"
				>
					<div class="govuk-notification-banner__header">
						<h2 class="govuk-notification-banner__title" id="imported-title">
							{result.dryRun ? "Checked" : "Success"}
						</h2>
					</div>
					<div class="govuk-notification-banner__content">
						<p class="govuk-notification-banner__heading">
							{result.dryRun
								? `Every row of ${view.name ?? "the file"} is valid. This was a check: nothing was saved.`
								: `${view.name ?? "The file"} imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.flagged} flagged.`}
						</p>
					</div>
				</div>
			) : null}
			<h1 class="govuk-heading-l">Upload settings and provisions</h1>
			{result ? <ImportSummary result={result} firstRow={view.fromJson ? 1 : 0} /> : null}
			{view.problems?.length ? <RowErrors problems={view.problems} /> : null}
			<p class="govuk-body">
				A CSV in the columns of the GIAS <i>all establishment data</i> download (as DfE publishes
				it, Windows-1252 or UTF-8), or a JSON file <code>{'{ "settings": [ … ] }'}</code> as{" "}
				<code>POST /settings/import</code> takes. Every row is checked first: if one has an error,
				nothing is saved and every error is listed with its row and column.
			</p>
			<form method="post" action="/publisher/import" enctype="multipart/form-data" novalidate>
				<div class={`govuk-form-group${errors.file ? " govuk-form-group--error" : ""}`}>
					<label class="govuk-label govuk-label--m" for="file">
						The file
					</label>
					<div id="file-hint" class="govuk-hint">{`CSV or JSON, at most ${sizeOf(max)}`}</div>
					<ErrorMessage id="file" error={errors.file} />
					<input
						class={`govuk-file-upload${errors.file ? " govuk-file-upload--error" : ""}`}
						id="file"
						name="file"
						type="file"
						accept=".csv,.json,text/csv,application/json"
						aria-describedby={`file-hint${errors.file ? " file-error" : ""}`}
					/>
				</div>
				<div class="govuk-form-group">
					<div class="govuk-checkboxes govuk-checkboxes--small">
						<div class="govuk-checkboxes__item">
							<input
								class="govuk-checkboxes__input"
								id="dryRun"
								name="dryRun"
								type="checkbox"
								value="true"
								checked={result ? false : (view.dryRun ?? false)}
							/>
							<label class="govuk-label govuk-checkboxes__label" for="dryRun">
								Only check the file: save nothing
							</label>
						</div>
					</div>
				</div>
				<button type="submit" class="govuk-button">
					Upload
				</button>
			</form>
		</>,
		status,
	);
}

/** The uploaded file as the import's body: JSON by its name or type, else a register CSV. */
async function bodyOf(file: File): Promise<ImportBody> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (/\.json$/i.test(file.name) || file.type === "application/json") {
		try {
			return { kind: "json", value: JSON.parse(new TextDecoder().decode(bytes)) };
		} catch {
			throw new ApiError("bad_request", "The JSON file cannot be read: it is not valid JSON");
		}
	}
	return { kind: "file", source: bytesSource(bytes), name: file.name };
}

const statusOf = (e: ApiError) =>
	e.status === 403 || e.status === 409 || e.status === 413
		? e.status
		: e.status === 400
			? 400
			: 422;

export const importPages = new Hono<WebEnv>()
	.get("/", (c) => {
		publisherBorough(c.get("principal"));
		return importPage(c, {});
	})
	.post("/", async (c) => {
		const { db, actor, now } = panelContext(c);
		publisherBorough(actor.principal);
		const form = await c.req.parseBody();
		const dryRun = form.dryRun === "true";
		const file = form.file;
		if (!(file instanceof File) || file.size === 0)
			return importPage(
				c,
				{ dryRun, errors: { file: "Choose a CSV or JSON file to upload" } },
				400,
			);
		const max = c.get("web").importMaxBytes;
		if (file.size > max)
			return importPage(
				c,
				{ dryRun, errors: { file: `The file must be at most ${sizeOf(max)}` } },
				413,
			);
		const name = file.name || undefined;
		try {
			const body = await bodyOf(file);
			const result = await importSettings(db, actor, body, now, { dryRun });
			return importPage(c, { result, dryRun, name, fromJson: body.kind === "json" });
		} catch (error) {
			if (!(error instanceof ApiError) || error.status >= 500) throw error;
			// A file that cannot be read at all (its quoting, its columns) is the file field's error.
			const rowLevel = error.errors?.some((e) => /^(rows|settings)\[/.test(e.path));
			if (rowLevel && error.errors)
				return importPage(
					c,
					{ dryRun, name, problems: rowProblems(error.errors) },
					statusOf(error),
				);
			return importPage(c, { dryRun, name, errors: { file: error.message } }, statusOf(error));
		}
	});
