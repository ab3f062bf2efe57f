import { ApiError } from "../../http/problem.js";
import type { ValidRow } from "./rows.js";
import type { RowError } from "./validate.js";

/** How many errors the problem's `detail` spells out (all of them are in `errors`). */
const DETAIL_ERRORS = 5;

/** All errors, in row order: 403 when every one is a borough-permission error, else 422. */
export function rejection(errors: RowError[]): ApiError {
	const sorted = errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i);
	const list = sorted.map(({ e }) => ({ path: e.path, message: e.message }));
	const rows = new Set(errors.map((e) => e.row)).size;
	const forbidden = errors.every((e) => e.forbidden);
	const head = list
		.slice(0, DETAIL_ERRORS)
		.map((e) => `${e.path}: ${e.message}`)
		.join("; ");
	const more = list.length > DETAIL_ERRORS ? `; and ${list.length - DETAIL_ERRORS} more` : "";
	const what = forbidden
		? `${rows} row${rows > 1 ? "s" : ""} belong${rows > 1 ? "" : "s"} to another borough`
		: `${list.length} error${list.length > 1 ? "s" : ""} in ${rows} row${rows > 1 ? "s" : ""}`;
	return new ApiError(
		forbidden ? "forbidden" : "unprocessable",
		`${what}; nothing was imported. ${head}${more}`,
		{ errors: list },
	);
}

/** A write refused inside the transaction, re-thrown with the row's paths (it rolls back). */
export function atRow(error: unknown, row: ValidRow, provision: number | undefined): unknown {
	const code = (error as { code?: unknown; cause?: { code?: unknown } } | null) ?? {};
	if (code.code === "23505" || code.cause?.code === "23505")
		return new ApiError(
			"conflict",
			`${row.source.prefix}: setting ${row.urn} was written by another request meanwhile; nothing was imported, retry`,
		);
	if (!(error instanceof ApiError)) return error;
	const errors = (error.errors ?? [{ path: "", message: error.message }]).map((e) => ({
		path: row.source.field(e.path.replace(/^body\.?/, ""), provision),
		message: e.message,
	}));
	return new ApiError(error.code, `${row.source.prefix}: ${error.message}`, {
		errors,
		...(error.headers ? { headers: error.headers } : {}),
	});
}
