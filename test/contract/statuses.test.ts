import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { servedOpenApiDocument } from "../../src/cli/served-document.js";
import type { Db } from "../../src/db/types.js";
import { FIXED_NOW, useTestApp } from "../support/app.js";
import {
	checkAnswersAgainstDocument,
	type OpenApiDocument,
	type Operation,
	operationsOf,
} from "../support/contract.js";
import { testDriver } from "../support/db.js";
import { consultationCases } from "./cases/consultations.js";
import { matchingCases } from "./cases/matching.js";
import { panelCases } from "./cases/panels.js";
import { placementCases } from "./cases/placements.js";
import { registryCases } from "./cases/registry.js";
import { probe } from "./probes.js";
import { RACED_SETTING, racedByAnotherWriter } from "./race.js";
import { type World, worldOf } from "./world.js";

/**
 * Route by route: every status an operation documents is one it really answers. Each answer any
 * request here gets is recorded (and checked against the document as it comes back); at the end,
 * every documented status of every operation must have been answered. A route added later is
 * probed from its entry in the document and fails here until its other statuses have a case.
 */
const doc = (await servedOpenApiDocument()) as unknown as OpenApiDocument;
const operations = operationsOf(doc);
const answered = new Map<string, Set<number>>();
const record = (op: Operation, status: number) => {
	const key = op.operationId ?? op.label;
	answered.set(key, (answered.get(key) ?? new Set()).add(status));
};
const MAX_BODY_BYTES = 65_536; // as useTestApp builds the app

/**
 * Statuses only concurrent writers can cause. PGlite has one connection, so there they cannot
 * happen at all; on PostgreSQL a case below produces them.
 */
const CONCURRENCY_ONLY: Record<string, number[]> = { importSettings: [409], putSetting: [409] };

const t = useTestApp({ onAnswer: record });
let w: World;
beforeAll(async () => {
	const idle = createApp({
		db: t.database.db,
		dbKind: t.database.kind,
		verify: t.keys.verify,
		now: () => FIXED_NOW,
		maxBodyBytes: MAX_BODY_BYTES,
		syncRunLimit: 100,
		defer: () => {},
		assets: { manifest: {} }, // no page is asked of it
	});
	await checkAnswersAgainstDocument(idle, record);
	w = worldOf(t, idle);
});

describe("any operation, probed from its entry in the document", () => {
	it.each(operations.map((op) => [op.label, op] as const))("%s", async (_, op) => {
		await probe(t, op, MAX_BODY_BYTES);
	});
});

describe("each documented status, by a request that gets it", () => {
	const cases = [
		...registryCases,
		...panelCases,
		...matchingCases,
		...consultationCases,
		...placementCases,
	];
	it.each(cases.map((c) => [`${c.op} ${c.status}: ${c.why}`, c] as const))("%s", async (_, c) => {
		expect(operations.map((op) => op.operationId)).toContain(c.op);
		const res = await c.send(w);
		expect(res.status, await res.clone().text()).toBe(c.status);
	});

	const create = (path: string, body: unknown) => (auth: Record<string, string>) =>
		t.app.request(path, {
			method: path.endsWith("/import") ? "POST" : "PUT",
			headers: { "content-type": "application/json", ...auth },
			body: JSON.stringify(body),
		});
	it.runIf(testDriver === "postgres")(
		"importSettings 409: another writer creates the same setting meanwhile",
		async () => {
			const body = { settings: [{ urn: 990_398, ...RACED_SETTING }] };
			const res = await racedByAnotherWriter(t, 990_398, create("/settings/import", body));
			expect(res.status, await res.clone().text()).toBe(409);
		},
	);
	it.runIf(testDriver === "postgres")(
		"putSetting 409: another writer creates the same setting meanwhile",
		async () => {
			const put = create("/settings/990399", RACED_SETTING);
			const res = await racedByAnotherWriter(t, 990_399, put);
			expect(res.status, await res.clone().text()).toBe(409);
		},
	);

	it("getHealth 503: the database is unreachable", async () => {
		const unreachable = {
			execute: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
		} as unknown as Db;
		const app = createApp({
			db: unreachable,
			dbKind: t.database.kind,
			verify: t.keys.verify,
			assets: { manifest: {} },
		});
		await checkAnswersAgainstDocument(app, record);
		const res = await app.request("/health");
		expect(res.status).toBe(503);
		expect(await res.json()).toMatchObject({
			status: "unavailable",
			database: { reachable: false },
		});
	});
});

it("every operation has answered every status it documents", () => {
	const missing = operations.flatMap((op) =>
		Object.keys(op.responses)
			.map(Number)
			.filter((s) => !answered.get(op.operationId ?? op.label)?.has(s))
			.filter(
				(s) =>
					!(t.database.kind === "pglite" && CONCURRENCY_ONLY[op.operationId ?? ""]?.includes(s)),
			)
			.map((s) => `${op.label} (${op.operationId}) ${s}`),
	);
	expect(missing).toEqual([]);
});
