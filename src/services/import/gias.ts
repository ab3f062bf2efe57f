// GIAS "all establishment data" rows → settings and provisions (see ../../../../shared/DOMAIN.md).

import type { CsvRecord } from "./csv.js";
import { defaultCost, type ImportDefaults, normaliseLabel } from "./defaults.js";
import { bngToWgs84, onGrid } from "./geo.js";
import { COL, csvSource, HOSTED, SEN_COLUMNS, SPECIAL_LEVELS } from "./gias-columns.js";
import type { Candidate, ImportError, Skipped } from "./rows.js";

/** Reads one GIAS row; a mainstream school with no SEN provision, or a closed one, is skipped. */
export function giasCandidate(
	record: CsvRecord,
	header: string[],
	d: ImportDefaults,
): Candidate | Skipped {
	const cell = (column: string) => record.values.get(column.toLowerCase()) ?? "";
	const at = (column: string) => `rows[${record.row}].${column}`;
	const errors: ImportError[] = [];
	const int = (column: string, required: boolean): number | undefined => {
		const text = cell(column);
		if (text === "") {
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
		const message = `has ${record.fieldCount} fields; the header has ${header.length}`;
		const only = [{ path: source.prefix, message }];
		return {
			source,
			urn,
			setting: {},
			provisions: [],
			assumed: [],
			errors: only,
			unreadable: true,
		};
	}
	const skip = (reason: string): Skipped => ({ row: record.row, urn: urn ?? null, reason });
	if (cell(COL.status).toLowerCase() === "closed") return skip("closed establishment");
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

	const needTypes = new Set<string>();
	let unknownLabel = false;
	for (const column of SEN_COLUMNS) {
		const label = cell(column);
		if (label === "" || normaliseLabel(label) === "notapplicable") continue;
		const code = d.needByLabel.get(normaliseLabel(label));
		if (code) needTypes.add(code);
		else {
			unknownLabel = true;
			errors.push({
				path: at(column),
				message: `unknown GIAS need label "${label}"; expected one of ${d.giasLabels.map((l) => `"${l}"`).join(", ")} or "Not Applicable"`,
			});
		}
	}
	if (needTypes.size === 0 && !unknownLabel)
		errors.push({
			path: at("SEN1 (name)"),
			message: "a specialist provision needs at least one designated need (SEN1 … SEN13)",
		});

	const assumed: string[] = [];
	const ageRange = { min: int(COL.low, true), max: int(COL.high, true) };
	const pupilCount = int(COL.pupils, false);
	const easting = int(COL.easting, false);
	const northing = int(COL.northing, false);
	let location: { lat: number; lon: number } | undefined;
	if (easting && northing) {
		if (onGrid(easting, northing)) location = bngToWgs84(easting, northing);
		else errors.push({ path: at(COL.easting), message: "lies off the British National Grid" });
	} else if (easting || northing)
		errors.push({
			path: at(easting ? COL.northing : COL.easting),
			message: "give both Easting and Northing, or neither",
		});
	if (!location) assumed.push("location");

	const name = cell(COL.name);
	const plan = special
		? [{ code: "SS", level: special, column: COL.capacity as string, label: "" }]
		: (hosted ?? []);
	const placesColumns: string[] = [];
	const provisions = plan.map((p) => {
		let places = int(p.column, false);
		let column = p.column;
		if (places === undefined && p.code === "SS" && pupilCount !== undefined) {
			places = pupilCount;
			column = COL.pupils;
			assumed.push("provisions.SS.places");
		}
		if (places === undefined && cell(p.column) === "")
			errors.push({
				path: at(p.column),
				message: `is empty; the places of the ${p.label || "school"} are needed${p.code === "SS" ? " (or NumberOfPupils)" : ""}`,
			});
		placesColumns.push(column);
		const cost = defaultCost(d, p.level);
		assumed.push(...cost.assumed.map((a) => `provisions.${p.code}.${a}`));
		const input = {
			name: (p.label ? `${name} ${p.label}` : name).slice(0, 200),
			level: p.level,
			needTypes: [...needTypes],
			ageRange,
			places,
			annualCost: cost.annualCost,
		};
		return { code: p.code, input };
	});

	const status =
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
			status,
		},
		provisions,
		assumed,
		errors,
	};
}
