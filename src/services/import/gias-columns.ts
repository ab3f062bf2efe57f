// The GIAS "all establishment data" columns the import reads, and what they mean to us.

import { ApiError } from "../../http/problem.js";
import type { Source } from "./rows.js";

export const COL = {
	urn: "URN",
	name: "EstablishmentName",
	la: "LA (code)",
	type: "TypeOfEstablishment (name)",
	status: "EstablishmentStatus (name)",
	phase: "PhaseOfEducation (name)",
	low: "StatutoryLowAge",
	high: "StatutoryHighAge",
	postcode: "Postcode",
	easting: "Easting",
	northing: "Northing",
	s41: "Section41Approved (name)",
	rpType: "TypeOfResourcedProvision (name)",
	rpCapacity: "ResourcedProvisionCapacity",
	rpOnRoll: "ResourcedProvisionOnRoll",
	unitCapacity: "SenUnitCapacity",
	unitOnRoll: "SenUnitOnRoll",
	closeDate: "CloseDate",
	lastChanged: "LastChangedDate",
	capacity: "SchoolCapacity",
	pupils: "NumberOfPupils",
} as const;
export const SEN_COLUMNS = Array.from({ length: 13 }, (_, i) => `SEN${i + 1} (name)`);
/** Every column the import reads (the other ~110 of a national extract are passed over). */
export const READ_COLUMNS: string[] = [...Object.values(COL), ...SEN_COLUMNS];

/** Columns every GIAS file must have; the rest are optional (and needed only by some rows). */
export const REQUIRED_COLUMNS = [
	COL.urn,
	COL.name,
	COL.la,
	COL.type,
	COL.phase,
	COL.low,
	COL.high,
	COL.postcode,
	COL.rpType,
	"SEN1 (name)",
];

/** GIAS special school types → the level of their one school-wide provision, SS. */
export const SPECIAL_LEVELS: Record<string, string> = {
	"community special school": "special_la_maintained",
	"foundation special school": "special_la_maintained",
	"academy special converter": "special_academy",
	"academy special sponsor led": "special_academy",
	"free schools special": "special_academy",
	"non-maintained special school": "special_non_maintained",
	"other independent special school": "special_independent",
	"special post 16 institution": "special_post16",
};

export interface Hosted {
	code: string;
	level: string;
	/** The column of its places, and of the pupils on its roll. */
	column: string;
	onRoll: string;
	label: string;
}
const RP: Hosted = {
	code: "RP",
	level: "resourced_provision",
	column: COL.rpCapacity,
	onRoll: COL.rpOnRoll,
	label: "resourced provision",
};
const UNIT: Hosted = {
	code: "UNIT",
	level: "sen_unit",
	column: COL.unitCapacity,
	onRoll: COL.unitOnRoll,
	label: "SEN unit",
};
/** GIAS TypeOfResourcedProvision → the provisions a mainstream school hosts. */
export const HOSTED: Record<string, Hosted[]> = {
	"resourced provision": [RP],
	"sen unit": [UNIT],
	"resourced provision and sen unit": [RP, UNIT],
	"not applicable": [],
	"": [],
};

/** 400 naming every required GIAS column the header lacks. */
export function checkGiasHeader(header: string[]): void {
	const have = new Set(header.map((h) => h.toLowerCase()));
	const missing = REQUIRED_COLUMNS.filter((c) => !have.has(c.toLowerCase()));
	if (missing.length)
		throw new ApiError(
			"validation_failed",
			`the CSV lacks required GIAS column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
			{ errors: missing.map((c) => ({ path: `header.${c}`, message: "required column missing" })) },
		);
}

/** A SettingInput/ProvisionInput field → the GIAS column it came from (first match wins). */
const SETTING_FIELDS: [string, string][] = [
	["urn", COL.urn],
	["name", COL.name],
	["borough", COL.la],
	["giasType", COL.type],
	["phase", COL.phase],
	["ageRange.max", COL.high],
	["ageRange", COL.low],
	["postcode", COL.postcode],
	["location", COL.easting],
	["pupilCount", COL.pupils],
	["status", COL.s41],
];

function columnOf(fields: [string, string][], path: string): string | undefined {
	return fields.find(([f]) => path === f || path.startsWith(`${f}.`))?.[1];
}

export function csvSource(row: number, placesColumns: string[]): Source {
	const prefix = `rows[${row}]`;
	return {
		row,
		prefix,
		field(path, provision) {
			const fields: [string, string][] =
				provision === undefined
					? SETTING_FIELDS
					: [
							["places", placesColumns[provision] ?? COL.capacity],
							["needTypes", "SEN1 (name)"],
							["ageRange.max", COL.high],
							["ageRange", COL.low],
							["name", COL.name],
							["level", COL.type],
						];
			const column = columnOf(fields, path);
			return column ? `${prefix}.${column}` : prefix;
		},
	};
}
