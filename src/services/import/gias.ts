// GIAS "all establishment data" rows → settings and provisions (see ../../../../shared/DOMAIN.md).

import type { CsvRecord } from "./csv.js";
import { defaultCost, type ImportDefaults } from "./defaults.js";
import { bngToWgs84, onGrid } from "./geo.js";
import { COL, csvSource, HOSTED, type Hosted, SPECIAL_LEVELS } from "./gias-columns.js";
import { giasNeeds } from "./gias-needs.js";
import { giasDate } from "./gias-read.js";
import type { Candidate, ClosedRow, Flag, ImportError, Skipped } from "./rows.js";

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;
const NOT_APPLICABLE = /^not applicable$/i;
/** GIAS statuses of a school that takes pupils now. */
const OPEN = new Set(["", "open", "open, but proposed to close"]);

/**
 * Reads one GIAS row. A mainstream school with no SEN provision, or one not open yet, is skipped;
 * a closed one is a ClosedRow (marked closed if stored). What the register leaves blank is
 * filled in, listed in `assumed`, and flagged when it matters (places unknown, no designation).
 */
export function giasCandidate(
	record: CsvRecord,
	header: string[],
	d: ImportDefaults,
	fileDate: string,
): Candidate | Skipped | ClosedRow {
	const cell = (column: string) => record.values.get(column.toLowerCase()) ?? "";
	const at = (column: string) => `rows[${record.row}].${column}`;
	const errors: ImportError[] = [];
	const flags: Flag[] = [];
	const int = (column: string, required: boolean): number | undefined => {
		const text = cell(column);
		if (text === "" || NOT_APPLICABLE.test(text)) {
			if (required) errors.push({ path: at(column), message: "is empty" });
			return undefined;
		}
		// GIAS writes whole numbers, sometimes as "249.0".
		if (/^-?\d+(\.0+)?$/.test(text)) return Number(text);
		errors.push({ path: at(column), message: `must be a whole number, not "${text}"` });
		return undefined;
	};
	const urn = int(COL.urn, true);
	const source = csvSource(record.row, []);
	if (record.fieldCount !== header.length) {
		// The cells are misaligned: anything else said about this row would be noise.
		const message = `has ${record.fieldCount} fields; the header has ${header.length}${record.fieldCount < header.length ? " (a file cut short ends like this)" : ""}`;
		const only = [{ path: source.prefix, message }];
		return {
			source,
			urn,
			setting: {},
			provisions: [],
			assumed: [],
			errors: only,
			flags,
			unreadable: true,
		};
	}
	const status = cell(COL.status).toLowerCase();
	if (status === "closed")
		return {
			row: record.row,
			urn: urn ?? null,
			closedOn: giasDate(cell(COL.closeDate)) ?? fileDate,
		};
	const skip = (reason: string): Skipped => ({ row: record.row, urn: urn ?? null, reason });
	if (!OPEN.has(status)) return skip(`not open (${cell(COL.status)})`);
	const giasType = cell(COL.type);
	const special = SPECIAL_LEVELS[giasType.toLowerCase()];
	const hosted = special ? [] : HOSTED[cell(COL.rpType).toLowerCase()];
	if (hosted?.length === 0 && !special)
		return skip("not a special school, and no resourced provision or SEN unit");
	if (!hosted)
		errors.push({
			path: at(COL.rpType),
			message: `must be "Resourced provision", "SEN unit", "Resourced provision and SEN unit" or "Not applicable"`,
		});

	const name = cell(COL.name);
	for (const column of [COL.name, COL.postcode])
		if (FORMULA.test(cell(column)))
			errors.push({
				path: at(column),
				message: `starts with "${cell(column)[0]}", as a spreadsheet formula does; a register name never does, so the file has been altered`,
			});
	const needTypes = giasNeeds(cell, d, at, errors);
	const assumed: string[] = [];
	const ageRange = { min: int(COL.low, true), max: int(COL.high, true) };
	const pupilCount = int(COL.pupils, false);
	const location = place(int(COL.easting, false), int(COL.northing, false), at, errors);
	if (!location) assumed.push("location");

	const plan: Hosted[] = special
		? [{ code: "SS", level: special, column: COL.capacity, onRoll: COL.pupils, label: "" }]
		: (hosted ?? []);
	if (needTypes.length === 0 && plan.length && !errors.length)
		flags.push({
			row: record.row,
			urn: urn ?? null,
			path: at("SEN1 (name)"),
			message: `no designated need in SEN1 … SEN13: the setting is kept, its ${plan.map((p) => p.code).join(" and ")} provision is not created until a designation is published`,
		});
	const placesColumns: string[] = [];
	const provisions = (needTypes.length ? plan : []).map((p) => {
		const capacity = int(p.column, false);
		const onRoll = int(p.onRoll, false);
		let places = capacity;
		let column = p.column;
		if (places === undefined) {
			places = onRoll ?? 0;
			if (onRoll !== undefined) column = p.onRoll;
			assumed.push(`provisions.${p.code}.places`);
			flags.push({
				row: record.row,
				urn: urn ?? null,
				path: at(p.column),
				message: `no capacity published for the ${p.label || "school"}: places set to ${onRoll === undefined ? "0" : `the ${onRoll} on roll (${p.onRoll})`} until it is`,
			});
		} else if (onRoll !== undefined && onRoll > places)
			flags.push({
				row: record.row,
				urn: urn ?? null,
				path: at(p.onRoll),
				message: `${onRoll} on roll is above the ${capacity} places of ${p.column}`,
			});
		placesColumns.push(column);
		if (p.code !== "SS") assumed.push(`provisions.${p.code}.ageRange`);
		const cost = defaultCost(d, p.level);
		assumed.push(...cost.assumed.map((a) => `provisions.${p.code}.${a}`));
		const input = {
			name: (p.label ? `${name} ${p.label}` : name).slice(0, 200),
			level: p.level,
			needTypes,
			ageRange,
			places,
			annualCost: cost.annualCost,
		};
		return { code: p.code, input, onRoll: p.code === "SS" ? undefined : onRoll };
	});

	const s41 =
		special === "special_non_maintained"
			? "s342-approved"
			: special === "special_independent" && cell(COL.s41).toLowerCase() === "approved"
				? "s41-approved"
				: undefined;
	return {
		source: csvSource(record.row, placesColumns),
		urn,
		setting: {
			name,
			borough: cell(COL.la),
			giasType,
			phase: cell(COL.phase),
			ageRange,
			postcode: cell(COL.postcode) || undefined,
			location,
			pupilCount,
			status: s41,
		},
		provisions,
		assumed,
		errors,
		flags,
	};
}

/** Easting/Northing → WGS84; none (blank or 0, as GIAS writes an unplaced school) → undefined. */
function place(
	easting: number | undefined,
	northing: number | undefined,
	at: (column: string) => string,
	errors: ImportError[],
): { lat: number; lon: number } | undefined {
	if (easting && northing) {
		if (onGrid(easting, northing)) return bngToWgs84(easting, northing);
		errors.push({ path: at(COL.easting), message: "lies off the British National Grid" });
	} else if (easting || northing)
		errors.push({
			path: at(easting ? COL.northing : COL.easting),
			message: "give both Easting and Northing, or neither",
		});
	return undefined;
}
