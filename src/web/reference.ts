import { listBoroughs } from "../queries/reference.js";
import type { PageContext } from "./render.js";

const namesByDb = new WeakMap<object, Promise<Map<string, string>>>();

/**
 * Borough names by DfE code, for display. The 33 boroughs are reference data loaded with the
 * database, so they are read once per database, not on every page.
 */
export function boroughNames(c: PageContext): Promise<Map<string, string>> {
	const db = c.get("deps").db;
	let names = namesByDb.get(db);
	if (!names) {
		names = listBoroughs(db).then((rows) => new Map(rows.map((b) => [b.code, b.name])));
		names.catch(() => namesByDb.delete(db));
		namesByDb.set(db, names);
	}
	return names;
}
