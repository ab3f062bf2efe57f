import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/app.js";
import { loadNodeAssets } from "../../src/assets/node-assets.js";
import type { Database } from "../../src/db/types.js";
import { createTestKeys, type TestKeys } from "./auth.js";
import { checkAnswersAgainstDocument, type Operation } from "./contract.js";
import { freshDatabase } from "./db.js";
import { FIXED_NOW } from "./shared.js";

export { FIXED_NOW };

export interface TestContext {
	app: ReturnType<typeof createApp>;
	database: Database;
	keys: TestKeys;
	/** `app.request` with JSON conveniences. */
	get(path: string, headers?: Record<string, string>): Promise<Response>;
	send(
		method: string,
		path: string,
		body?: unknown,
		headers?: Record<string, string>,
	): Promise<Response>;
}

/** One private database and app per test file, opened before the tests and closed after. */
export function useTestApp(
	options: { now?: Date; onAnswer?: (op: Operation, status: number) => void } = {},
): TestContext {
	const ctx = {} as TestContext;
	beforeAll(async () => {
		ctx.database = await freshDatabase();
		ctx.keys = await createTestKeys();
		ctx.app = createApp({
			db: ctx.database.db,
			dbKind: ctx.database.kind,
			verify: ctx.keys.verify,
			now: () => options.now ?? FIXED_NOW,
			maxBodyBytes: 65_536,
			// Small enough that a pan-London round of the 300 demo children runs in the background.
			syncRunLimit: 100,
			assets: await loadNodeAssets(),
		});
		await checkAnswersAgainstDocument(ctx.app, options.onAnswer);
		ctx.get = (path, headers = {}) => Promise.resolve(ctx.app.request(path, { headers }));
		ctx.send = (method, path, body, headers = {}) =>
			Promise.resolve(
				ctx.app.request(path, {
					method,
					headers: { "content-type": "application/json", ...headers },
					body:
						body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
				}),
			);
	});
	afterAll(async () => {
		await ctx.database?.close();
	});
	return ctx;
}
