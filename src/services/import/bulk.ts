// Set-based statements for the bulk import: many rows per statement, inside its transaction.

import { getTableColumns, inArray, type SQL, sql, type Table } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { postcodeDistricts } from "../../../schema/index.js";
import type { Executor } from "../../db/types.js";

/**
 * Rows per statement: PostgreSQL takes at most 65,535 parameters in one statement and the widest
 * row written here has about 20, so a thousand rows stay well below it.
 */
export const CHUNK = 1000;

export function chunks<T>(list: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/**
 * `ON CONFLICT … DO UPDATE SET` for every column of a table but those kept: each takes the value
 * the insert proposed (`excluded`), so one statement creates new rows and updates stored ones.
 */
export function fromExcluded(table: Table, kept: string[]): Record<string, SQL> {
	const columns = getTableColumns(table) as Record<string, PgColumn>;
	return Object.fromEntries(
		Object.entries(columns)
			.filter(([key]) => !kept.includes(key))
			.map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
	);
}

/** The centre of each of these postcode districts (a location the register did not give). */
export async function districtCentres(
	tx: Executor,
	districts: string[],
): Promise<Map<string, { lat: number; lon: number }>> {
	const wanted = [...new Set(districts)];
	if (wanted.length === 0) return new Map();
	const rows = await tx
		.select()
		.from(postcodeDistricts)
		.where(inArray(postcodeDistricts.district, wanted));
	return new Map(rows.map((r) => [r.district, { lat: r.lat, lon: r.lon }]));
}

export const districtOf = (postcode: string) =>
	postcode.toUpperCase().replace(/\s+/g, "").slice(0, -3);
