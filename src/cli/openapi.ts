import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { createApp } from "../app.js";
import type { Db } from "../db/types.js";

/**
 * Prints the OpenAPI document the app serves at /openapi.json, without a database or a server:
 *   npm run -s openapi [-- --out file.json]
 * The document is built from the routes alone, so the app is asked for it in-process with a
 * database that refuses every use (a route that touched it here would be a bug worth hearing of).
 */
const noDatabase = new Proxy({} as Db, {
	get(_target, property) {
		throw new Error(`exporting the OpenAPI document touched the database (${String(property)})`);
	},
});

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
	const app = createApp({
		db: noDatabase,
		dbKind: "postgres",
		verify: () => Promise.reject(new Error("no tokens are verified while exporting")),
	});
	const res = await app.request("/openapi.json");
	if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
	const text = `${JSON.stringify(await res.json(), null, "\t")}\n`;
	if (!values.out) {
		process.stdout.write(text);
		return;
	}
	await mkdir(dirname(values.out), { recursive: true });
	await writeFile(values.out, text);
}

main().catch((error: unknown) => {
	console.error(`openapi: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
