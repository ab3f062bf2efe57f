import { Hono } from "hono";
import { NEED_CODES, PROVISION_LEVELS } from "../../../../schema/index.js";
import { ApiError } from "../../../http/problem.js";
import { whatIf } from "../../../services/what-if.js";
import { discloseWhatIf, type suppressWhatIfRows } from "../../../services/what-if-suppress.js";
import { ErrorSummary, type FormErrors } from "../../components/error-summary.js";
import { Checkboxes, Select, TextInput } from "../../components/fields.js";
import { Table } from "../../components/table.js";
import type { WebEnv } from "../../env.js";
import { boroughNames } from "../../reference.js";
import { type PageContext, renderPage } from "../../render.js";
import { formatCount, formatPounds } from "./format.js";
import { type WhatIfForm, whatIfRequestOf } from "./what-if-form.js";

type Result = ReturnType<typeof discloseWhatIf>;
type Row = ReturnType<typeof suppressWhatIfRows>[number];

const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const signed = (n: number | null | undefined, f: (n: number) => string) =>
	n === null || n === undefined ? "hidden" : n > 0 ? `+${f(n)}` : f(n);
const minutes = (n: number) =>
	`${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(n)} min`;

const orHidden = (f: (n: number) => string) => (n: number | null) => (n === null ? "hidden" : f(n));

function Answer({ result, rows }: { result: Result; rows: Row[] }) {
	const totals = [
		{ label: "Annual cost to the public", key: "annualCost" as const, f: orHidden(formatPounds) },
		{
			label: "Journey minutes (one way, all children)",
			key: "journeyMinutes" as const,
			f: orHidden(minutes),
		},
		{ label: "Children placed", key: "placed" as const, f: orHidden(formatCount) },
		{
			label: "Falling back to the independent sector",
			key: "fallback" as const,
			f: orHidden(formatCount),
		},
	];
	return (
		<>
			<h2 class="govuk-heading-m" id="answer">
				The answer
			</h2>
			<Table
				caption={`Across London (${result.children ?? "a hidden number of"} waiting children matched)`}
				rows={totals}
				columns={[
					{ header: "Measure", rowHeader: true, cell: (t) => t.label },
					{ header: "Baseline", numeric: true, cell: (t) => t.f(result.baseline[t.key]) },
					{
						header: "With the change",
						numeric: true,
						cell: (t) => t.f(result.scenario[t.key]),
					},
					{
						header: "Change",
						numeric: true,
						cell: (t) => signed(result.change[t.key], (n) => t.f(n)),
					},
				]}
			/>
			<div class="app-table-scroll">
				<Table
					caption="By the children's home borough"
					captionSize="s"
					rows={rows.filter(
						(r) =>
							r.change.annualCost !== 0 || r.change.placed !== 0 || r.change.journeyMinutes !== 0,
					)}
					empty="No borough's figures change."
					columns={[
						{ header: "Borough", rowHeader: true, cell: (r) => r.name },
						{
							header: "Annual cost: baseline",
							numeric: true,
							cell: (r) => formatPounds(r.baseline.annualCost),
						},
						{
							header: "with the change",
							numeric: true,
							cell: (r) => formatPounds(r.scenario.annualCost),
						},
						{
							header: "Journey minutes: change",
							numeric: true,
							cell: (r) => signed(r.change.journeyMinutes, minutes),
						},
						{
							header: "Placed: baseline",
							numeric: true,
							cell: (r) => formatCount(r.baseline.placed),
						},
						{
							header: "with the change",
							numeric: true,
							cell: (r) => formatCount(r.scenario.placed),
						},
					]}
				/>
			</div>
			<p class="govuk-body-s">{result.method}</p>
		</>
	);
}

async function whatIfPage(
	c: PageContext,
	form: WhatIfForm = {},
	errors: FormErrors = {},
	answer?: { result: Result; rows: Row[] },
	status: 200 | 400 | 422 = 200,
) {
	const names = await boroughNames(c);
	const v = (k: string) => str(form[k]);
	const newOne = form.kind === "new-provision" || form.kind === undefined;
	return renderPage(
		c,
		{ title: "What if", hasErrors: Object.keys(errors).length > 0, wide: true },
		<>
			<ErrorSummary errors={errors} />
			<h1 class="govuk-heading-l">What if</h1>
			<p class="govuk-body">
				Open a new provision, or add or remove places at one, and see the matching re-run on a copy:
				live data is untouched.
			</p>
			{answer ? <Answer {...answer} /> : null}
			<div class="govuk-grid-row">
				<div class="govuk-grid-column-one-half">
					<form method="post" action="/commissioner/what-if" novalidate>
						<input type="hidden" name="kind" value="new-provision" />
						<h2 class="govuk-heading-m">Open a new provision</h2>
						<Select
							id="borough"
							label="Borough"
							value={(newOne && v("borough")) || "306"}
							error={newOne ? errors.borough : undefined}
							choices={[...names].map(([code, name]) => ({ value: code, text: name }))}
						/>
						<TextInput
							id="postcode"
							label="Postcode"
							hint="Placed at its district's centroid"
							width={10}
							value={newOne ? v("postcode") : ""}
							error={newOne ? errors.postcode : undefined}
						/>
						<Checkboxes
							id="needTypes"
							label="Need types"
							legend="Need types"
							small
							values={newOne ? ((form.needTypes as string[] | undefined) ?? ["ASD"]) : ["ASD"]}
							error={newOne ? errors.needTypes : undefined}
							choices={NEED_CODES.map((n) => ({ value: n, text: n }))}
						/>
						<Select
							id="level"
							label="Level"
							value={(newOne && v("level")) || "special_academy"}
							error={newOne ? errors.level : undefined}
							choices={PROVISION_LEVELS.map((l) => ({ value: l, text: l.replaceAll("_", " ") }))}
						/>
						<TextInput
							id="ageMin"
							label="Youngest age"
							width={2}
							inputmode="numeric"
							value={(newOne && v("ageMin")) || "11"}
							error={newOne ? errors.ageMin : undefined}
						/>
						<TextInput
							id="ageMax"
							label="Oldest age"
							width={2}
							inputmode="numeric"
							value={(newOne && v("ageMax")) || "18"}
							error={newOne ? errors.ageMax : undefined}
						/>
						<TextInput
							id="places"
							label="Places"
							width={4}
							inputmode="numeric"
							value={newOne ? v("places") : ""}
							error={newOne ? errors.places : undefined}
						/>
						<TextInput
							id="placeFunding"
							label="Place funding (£ a year)"
							width={10}
							inputmode="numeric"
							value={(newOne && v("placeFunding")) || "10000"}
							error={newOne ? errors.placeFunding : undefined}
						/>
						<TextInput
							id="topUp"
							label="Top-up (£ a year)"
							width={10}
							inputmode="numeric"
							value={(newOne && v("topUp")) || "17000"}
							error={newOne ? errors.topUp : undefined}
						/>
						<button type="submit" class="govuk-button">
							Run the new provision
						</button>
					</form>
				</div>
				<div class="govuk-grid-column-one-half">
					<form method="post" action="/commissioner/what-if" novalidate>
						<input type="hidden" name="kind" value="change-places" />
						<h2 class="govuk-heading-m">Add or remove places</h2>
						<TextInput
							id="urn"
							label="Setting URN"
							width={10}
							inputmode="numeric"
							value={newOne ? "" : v("urn")}
							error={newOne ? undefined : errors.urn}
						/>
						<TextInput
							id="provision"
							label="Provision code"
							hint="As on the setting's page, for example SS or ASD-RP"
							width={10}
							value={newOne ? "" : v("provision")}
							error={newOne ? undefined : errors.provision}
						/>
						<TextInput
							id="change-places"
							name="places"
							label="Places to add (negative to remove)"
							width={4}
							value={newOne ? "" : v("places")}
							error={newOne ? undefined : errors["change-places"]}
						/>
						<button type="submit" class="govuk-button govuk-button--secondary">
							Run the change
						</button>
					</form>
				</div>
			</div>
		</>,
		status,
	);
}

export const whatIfPages = new Hono<WebEnv>()
	.get("/", (c) => whatIfPage(c))
	.post("/", async (c) => {
		const { db, now } = c.get("deps");
		const { form, request, errors } = await whatIfRequestOf(
			db,
			await c.req.parseBody({ all: true }),
		);
		if (!request) return whatIfPage(c, form, errors, undefined, 400);
		try {
			const result = discloseWhatIf(await whatIf(db, c.get("principal"), request, now()));
			return whatIfPage(c, form, {}, { result, rows: result.byBorough });
		} catch (error) {
			if (error instanceof ApiError && error.status === 422) {
				const field = form.kind === "change-places" ? "provision" : "places";
				// e.g. no such provision at that URN, or removing more places than it has
				// e.g. no such provision at the URN, or removing more places than it has
				return whatIfPage(
					c,
					form,
					{ [field]: error.message.charAt(0).toUpperCase() + error.message.slice(1) },
					undefined,
					422,
				);
			}
			throw error;
		}
	});
