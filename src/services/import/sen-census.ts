// The DfE "Special educational needs in England" school-level underlying data file
// (sen_school_level_underlying_data.csv, Explore Education Statistics): one row per school.

import { NEED_CODES } from "../../../schema/index.js";
import { nulError } from "../../http/nul-bytes.js";
import { ApiError } from "../../http/problem.js";
import { cellsOf, formulaErrors, requireColumns, urnCell } from "./census-cells.js";
import { streamCsv } from "./csv-stream.js";
import type { ByteSource, Encoding } from "./encoding.js";
import type { RowError } from "./validate.js";

/** The file's own spellings: `Prov_SPLD` … `Prov_SEMH`, then `prov_slcn` … `prov_oth`. */
export const PROVISION_COLUMNS: Record<string, string> = {
	SPLD: "Prov_SPLD",
	MLD: "Prov_MLD",
	SLD: "Prov_SLD",
	PMLD: "Prov_PMLD",
	SEMH: "Prov_SEMH",
	SLCN: "prov_slcn",
	HI: "prov_hi",
	VI: "prov_vi",
	MSI: "prov_msi",
	PD: "prov_pd",
	ASD: "prov_asd",
	OTH: "prov_oth",
};
export const EHC_COLUMNS: Record<string, string> = Object.fromEntries(
	NEED_CODES.map((code) => [code, `EHC_Primary_need_${code.toLowerCase()}`]),
);
/** "No specialist assessment of need": in the file, not one of the twelve need types. */
const EHC_NSA = "EHC_Primary_need_nsa";
export const SEN_REQUIRED = [
	"URN",
	"SEN_Unit",
	"RP_Unit",
	...Object.values(PROVISION_COLUMNS),
	...Object.values(EHC_COLUMNS),
];

export interface CensusRow {
	row: number;
	urn: number;
	period: string | null;
	totalPupils: number | null;
	senSupport: number | null;
	ehcPlans: number | null;
	ehcByNeed: Record<string, number | null>;
	senUnit: boolean | null;
	resourcedProvision: boolean | null;
	designations: string[];
}

/** `202324` → `2023/24`; anything else as written (or null). */
function periodOf(text: string): string | null {
	const m = /^(\d{4})(\d{2})$/.exec(text);
	return m ? `${m[1]}/${m[2]}` : text || null;
}

/**
 * Reads every row (a national file has about 24,000 schools), checking each cell; a repeated
 * URN, a misaligned row (a file cut short) and a bad cell are errors with their row and column.
 */
export async function readSenCensus(
	source: ByteSource,
	encoding: Encoding,
	onProgress?: (bytes: number) => void,
): Promise<{ records: number; rows: CensusRow[]; errors: RowError[] }> {
	const errors: RowError[] = [];
	const nul: string[] = [];
	const rows: CensusRow[] = [];
	const seen = new Map<number, number>();
	let header: string[] = [];
	let at = new Map<string, number>();
	const { records } = await streamCsv(source, encoding, {
		onHeader(names) {
			if (names.some((n) => n.includes("\u0000"))) throw nulError(["header"]);
			requireColumns("school-level SEN census", names, SEN_REQUIRED);
			header = names;
			at = new Map(names.map((n, i) => [n.toLowerCase(), i]));
		},
		onRecord({ row, fields }) {
			for (const [k, v] of fields.entries())
				if (v.includes("\u0000")) nul.push(`rows[${row}].${header[k] ?? `column ${k + 1}`}`);
			if (fields.length !== header.length) {
				errors.push({
					row,
					path: `rows[${row}]`,
					message: `has ${fields.length} fields; the header has ${header.length}${fields.length < header.length ? " (a file cut short ends like this)" : ""}`,
				});
				return;
			}
			const cells = cellsOf(row, fields, at);
			formulaErrors(cells, header);
			const urn = urnCell(cells, "URN");
			const optional = (column: string) =>
				at.has(column.toLowerCase()) ? cells.count(column) : null;
			const ehcByNeed: Record<string, number | null> = {};
			for (const [code, column] of Object.entries(EHC_COLUMNS))
				ehcByNeed[code] = cells.count(column);
			if (at.has(EHC_NSA.toLowerCase())) ehcByNeed.NSA = cells.count(EHC_NSA);
			const designations = Object.entries(PROVISION_COLUMNS)
				.filter(([, column]) => cells.flag(column) === true)
				.map(([code]) => code);
			const read: Omit<CensusRow, "urn"> = {
				row,
				period: periodOf(cells.text("time_period")),
				totalPupils: optional("Total pupils"),
				senSupport: optional("SEN support"),
				ehcPlans: optional("EHC plan"),
				ehcByNeed,
				senUnit: cells.flag("SEN_Unit"),
				resourcedProvision: cells.flag("RP_Unit"),
				designations,
			};
			if (urn !== undefined && seen.has(urn))
				cells.errors.push({
					row,
					path: `rows[${row}].URN`,
					message: `URN ${urn} already appears in rows[${seen.get(urn)}]`,
				});
			else if (urn !== undefined) seen.set(urn, row);
			errors.push(...cells.errors);
			if (urn !== undefined && cells.errors.length === 0) rows.push({ ...read, urn });
		},
		onProgress,
	});
	if (nul.length) throw nulError(nul);
	if (records === 0)
		throw new ApiError("validation_failed", "the CSV has a header but no data rows", {
			errors: [{ path: "rows", message: "at least one data row" }],
		});
	return { records, rows, errors };
}
