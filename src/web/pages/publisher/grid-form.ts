import type { VacancyInputT } from "../../../contracts/registry.js";
import type { FieldError } from "../../../http/problem.js";
import type { FormErrors } from "../../components/error-summary.js";
import { formText } from "../../forms.js";

/** One row of the grid as the form carries it: which slot, what it was, what it is now. */
export interface GridEntry {
	row: number;
	urn: number;
	provision: string;
	yearGroup: string | undefined;
	count: string;
	availableFrom: string;
	changed: boolean;
}

const MAX_ROWS = 2_000;
const COUNT = /^\d{1,4}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const realDay = (d: string) =>
	DAY.test(d) &&
	!Number.isNaN(Date.parse(d)) &&
	new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Reads the grid's rows from the posted form; a slot that does not parse is skipped (not ours to change). */
export function gridEntries(body: Record<string, unknown>): GridEntry[] {
	const out: GridEntry[] = [];
	for (let row = 0; row < MAX_ROWS; row++) {
		const slot = formText(body[`slot-${row}`]);
		if (slot === undefined) break;
		const [urn, provision, yearGroup] = slot.split("|");
		const count = formText(body[`count-${row}`]) ?? "";
		const availableFrom = formText(body[`from-${row}`]) ?? "";
		const was = formText(body[`was-${row}`]) ?? "";
		out.push({
			row,
			urn: Number(urn),
			provision: provision ?? "",
			yearGroup: yearGroup || undefined,
			count,
			availableFrom,
			changed: was !== `${count}|${availableFrom}`,
		});
	}
	return out;
}

/** The changed rows as a batch for the service, or the rows' own errors keyed by their field ids. */
export function batchOf(
	entries: GridEntry[],
): { ok: true; batch: VacancyInputT[]; rows: number[] } | { ok: false; errors: FormErrors } {
	const errors: FormErrors = {};
	const batch: VacancyInputT[] = [];
	const rows: number[] = [];
	for (const e of entries.filter((x) => x.changed)) {
		if (!COUNT.test(e.count))
			errors[`count-${e.row}`] = "Enter the free places as a whole number, 0 or more";
		if (e.availableFrom && !realDay(e.availableFrom))
			errors[`from-${e.row}`] =
				"Enter the date as YYYY-MM-DD, for example 2027-01-04, or leave it empty for now";
		batch.push({
			urn: e.urn,
			provision: e.provision,
			count: Number(e.count),
			...(e.yearGroup ? { yearGroup: e.yearGroup as VacancyInputT["yearGroup"] } : {}),
			...(e.availableFrom ? { availableFrom: e.availableFrom } : {}),
		});
		rows.push(e.row);
	}
	if (batch.length === 0) errors.grid = "Change at least one count or date, then publish";
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, batch, rows };
}

/** The service's errors name batch positions (body[3].count); the page marks the grid row. */
export function rowErrors(errors: FieldError[], rows: number[]): FormErrors {
	const out: FormErrors = {};
	for (const e of errors) {
		const m = /^body\[(\d+)\](?:\.(\w+))?/.exec(e.path);
		const row = m ? rows[Number(m[1])] : undefined;
		const field = m?.[2] === "availableFrom" ? "from" : "count";
		const id = row === undefined ? "grid" : `${field}-${row}`;
		out[id] ??= e.message.charAt(0).toUpperCase() + e.message.slice(1);
	}
	return out;
}
