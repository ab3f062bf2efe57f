import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import { provisionNeedTypes, provisions } from "../../schema/index.js";

/**
 * A column always written with its table's name. drizzle writes a single-table select's columns
 * bare (`"id"`), and a bare name inside a subquery binds to the subquery's own table when that
 * table has a column of the same name, so a correlated reference to the outer row must be
 * qualified.
 */
export function qualified(column: Column): SQL {
	return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** The need types the outer row's provision is designated for, sorted. */
export const needTypesOfProvision = sql<
	string[]
>`coalesce((select array_agg(pn.need_code order by pn.need_code) from ${provisionNeedTypes} pn where pn.provision_id = ${qualified(provisions.id)}), '{}')`;

/** The outer row's provision is designated for `need`. */
export function provisionDesignatedFor(need: string): SQL {
	return sql`exists (select 1 from ${provisionNeedTypes} pn where pn.provision_id = ${qualified(provisions.id)} and pn.need_code = ${need})`;
}
