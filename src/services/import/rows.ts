import type { ZodError } from "zod";
import type { ProvisionInputT, SettingInputT } from "../../contracts/registry.js";
import type { FieldError } from "../../http/problem.js";

/** Where a row came from, and how to name one of its fields in an error. */
export interface Source {
	/** CSV: the 1-based data row (header not counted); JSON: the 0-based index in `settings`. */
	row: number;
	/** `rows[3]` or `settings[2]`. */
	prefix: string;
	/**
	 * The path of a SettingInput field (dot notation, e.g. `ageRange.max`), or of a field of the
	 * row's provision number `provision`, as the caller sent it (a GIAS column for CSV).
	 */
	field(path: string, provision?: number): string;
}

/** A row error; `forbidden` marks a borough-permission error (all of them → 403, else 422). */
export interface ImportError extends FieldError {
	forbidden?: boolean;
}

/** Something imported that a person should look at (places not published, no designation…). */
export interface Flag {
	row: number;
	urn: number | null;
	path: string;
	message: string;
}

/** A register row of a closed establishment: a stored setting is marked closed, not deleted. */
export interface ClosedRow {
	row: number;
	urn: number | null;
	closedOn: string;
}

/** A row as read from the body, before its shape is checked. */
export interface Candidate {
	source: Source;
	urn: unknown;
	setting: unknown;
	/** `onRoll`: pupils on the provision's roll, when the register gives it. */
	provisions: { code: unknown; input: unknown; onRoll?: number }[];
	flags?: Flag[];
	/** Fields filled in by the import rather than given by the caller. */
	assumed: string[];
	errors: ImportError[];
	/** The row could not be read at all (e.g. misaligned cells): report only its own errors. */
	unreadable?: boolean;
}

/** A row whose shape is valid; domain checks come next. */
export interface ValidRow {
	source: Source;
	urn: number;
	setting: SettingInputT;
	provisions: { code: string; input: ProvisionInputT; onRoll?: number }[];
	assumed: string[];
	flags: Flag[];
}

/** A row that was read but not imported (e.g. a GIAS mainstream school with no SEN provision). */
export interface Skipped {
	row: number;
	urn: number | null;
	reason: string;
}

/** `["provisions", 0, "places"]` → `provisions[0].places`. */
export function joinPath(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
		.join("");
}

/** Zod issues as row errors, each path named through `name` (which gets the dot path). */
export function issuesAt(error: ZodError, name: (path: string) => string): ImportError[] {
	return error.issues.flatMap((issue) => {
		const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
		return keys.map((key) => ({
			path: name(
				[...issue.path, ...(key === undefined ? [] : [key])].map((p) => String(p)).join("."),
			),
			message: key === undefined ? issue.message : "unknown field",
		}));
	});
}

/** The first error of each path (a bad GIAS cell must not also be reported as "required"). */
export function firstPerPath(errors: ImportError[]): ImportError[] {
	const seen = new Set<string>();
	return errors.filter((e) => {
		if (seen.has(e.path)) return false;
		seen.add(e.path);
		return true;
	});
}
