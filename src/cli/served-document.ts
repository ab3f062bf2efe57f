import { createApp } from "../app.js";
import type { Db } from "../db/types.js";

// The document is built from the routes alone; a route that touched the database while it is
// built would be a bug worth hearing of, so this one refuses every use.
const noDatabase = new Proxy({} as Db, {
	get(_target, property) {
		throw new Error(`building the OpenAPI document touched the database (${String(property)})`);
	},
});

/** The OpenAPI document the app serves at /openapi.json, asked of the app in-process. */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
	const app = createApp({
		db: noDatabase,
		dbKind: "postgres",
		// The document names no static file; the reference page at /docs does, and is not asked.
		assets: { manifest: {} },
		verify: () => Promise.reject(new Error("no token is verified while building the document")),
	});
	const res = await app.request("/openapi.json");
	if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
	return (await res.json()) as Record<string, unknown>;
}
