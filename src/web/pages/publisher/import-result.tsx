import type { FieldError } from "../../../http/problem.js";
import type { importSettings } from "../../../services/import-settings.js";
import { Table } from "../../components/table.js";

export type ImportResult = Awaited<ReturnType<typeof importSettings>>;

export interface RowProblem {
	/** The file's row, counted from 1 (CSV: the data row, the header not counted; JSON: the setting). */
	row: number | undefined;
	column: string;
	message: string;
}

/**
 * The import's error paths as row and column: `rows[3].SEN2 (name)` (CSV, 1-based data rows),
 * `settings[0].provisions[1].places` (JSON, 0-based indices, shown from 1 as a person counts).
 */
export function rowProblems(errors: FieldError[]): RowProblem[] {
	return errors.map((e) => {
		const csv = /^rows\[(\d+)\]\.?(.*)$/.exec(e.path);
		if (csv)
			return { row: Number(csv[1]), column: csv[2] || "(the whole row)", message: e.message };
		const json = /^settings\[(\d+)\]\.?(.*)$/.exec(e.path);
		if (json)
			return {
				row: Number(json[1]) + 1,
				column: json[2] || "(the whole setting)",
				message: e.message,
			};
		return { row: undefined, column: e.path || "(the file)", message: e.message };
	});
}

export function RowErrors({ problems }: { problems: RowProblem[] }) {
	const rows = new Set(problems.map((p) => p.row)).size;
	return (
		<div class="app-table-scroll" id="row-errors" tabindex={-1}>
			<Table
				caption={`${problems.length} ${problems.length === 1 ? "error" : "errors"} in ${rows} ${rows === 1 ? "row" : "rows"}: nothing was imported`}
				rows={problems}
				columns={[
					{
						header: "Row",
						rowHeader: true,
						numeric: true,
						cell: (p) => (p.row === undefined ? "—" : String(p.row)),
					},
					{ header: "Column", cell: (p) => p.column },
					{ header: "Problem", cell: (p) => p.message },
				]}
			/>
		</div>
	);
}

/** What the import did (or, for a check, would do): the counts, then what to look at. */
export function ImportSummary({ result, firstRow }: { result: ImportResult; firstRow: 0 | 1 }) {
	const row = (n: number) => String(n + firstRow);
	const counts = [
		{ what: "Settings created", n: result.created },
		{ what: "Settings updated", n: result.updated },
		{ what: "Settings unchanged", n: result.unchanged },
		{ what: "Rows flagged to check", n: result.flagged },
		{ what: "Settings marked closed", n: result.closed.length },
		{ what: "Rows skipped", n: result.skipped.length },
	];
	return (
		<>
			<Table
				caption={result.dryRun ? "What the import would do" : "What the import did"}
				rows={counts}
				columns={[
					{ header: "What", rowHeader: true, cell: (c) => c.what },
					{ header: "Count", numeric: true, cell: (c) => String(c.n) },
				]}
			/>
			{result.flags.length > 0 ? (
				<Table
					caption="Flagged: check these"
					rows={result.flags}
					columns={[
						{ header: "Row", rowHeader: true, numeric: true, cell: (f) => row(f.row) },
						{ header: "URN", cell: (f) => (f.urn === null ? "—" : String(f.urn)) },
						{ header: "Field", cell: (f) => f.path },
						{ header: "What to check", cell: (f) => f.message },
					]}
				/>
			) : null}
			{result.skipped.length > 0 ? (
				<Table
					caption="Skipped rows"
					rows={result.skipped}
					columns={[
						{ header: "Row", rowHeader: true, numeric: true, cell: (s) => row(s.row) },
						{ header: "URN", cell: (s) => (s.urn === null ? "—" : String(s.urn)) },
						{ header: "Why", cell: (s) => s.reason },
					]}
				/>
			) : null}
			<Table
				caption="Settings in the file"
				rows={result.rows}
				empty="No settings were imported."
				columns={[
					{ header: "Row", rowHeader: true, numeric: true, cell: (r) => row(r.row) },
					{
						header: "URN",
						cell: (r) =>
							result.dryRun || r.outcome === "unchanged" ? (
								String(r.urn)
							) : (
								<a class="govuk-link" href={`/publisher/settings/${r.urn}`}>
									{String(r.urn)}
								</a>
							),
					},
					{ header: "Outcome", cell: (r) => r.outcome },
					{ header: "Provisions", cell: (r) => r.provisions.map((p) => p.code).join(", ") || "—" },
					{ header: "Assumed", cell: (r) => r.assumed.join(", ") || "—" },
				]}
			/>
		</>
	);
}
