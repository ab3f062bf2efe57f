import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { testDriver } from "../support/db.js";

const t = useTestApp();

describe("GET /health", () => {
	it("reports the database as reachable", async () => {
		const res = await t.get("/health");
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			status: string;
			database: { kind: string; reachable: boolean };
		};
		expect(body).toMatchObject({ status: "ok", database: { kind: testDriver, reachable: true } });
	});
});

describe("request ids and errors", () => {
	it("puts a request id on every response, echoing the caller's", async () => {
		const own = await t.get("/boroughs", { "x-request-id": "panel-run-42" });
		expect(own.headers.get("x-request-id")).toBe("panel-run-42");
		const generated = await t.get("/need-types");
		expect(generated.headers.get("x-request-id")).toMatch(/\S{8,}/);
	});

	it("answers an unknown route with a 404 problem", async () => {
		const res = await t.get("/no-such-thing");
		expect(res.status).toBe(404);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
		const problem = (await res.json()) as Record<string, unknown>;
		expect(problem).toMatchObject({ status: 404, code: "not_found", instance: "/no-such-thing" });
		expect(problem.requestId).toBe(res.headers.get("x-request-id"));
	});
});

describe("GET /openapi.json", () => {
	it("is an OpenAPI 3.1 document whose paths the server answers", async () => {
		const res = await t.get("/openapi.json");
		expect(res.status).toBe(200);
		const doc = (await res.json()) as {
			openapi: string;
			info: { title: string };
			paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
		};
		expect(doc.openapi).toBe("3.1.0");
		for (const path of [
			"/health",
			"/boroughs",
			"/partnerships",
			"/need-types",
			"/settings",
			"/settings/{urn}",
		]) {
			expect(doc.paths[path]?.get, path).toBeDefined();
		}
		// Every documented GET without path parameters answers with a status it documents.
		for (const [path, ops] of Object.entries(doc.paths)) {
			const get = ops.get;
			if (!get || path.includes("{")) continue;
			const answer = await t.get(path);
			expect(Object.keys(get.responses), path).toContain(String(answer.status));
		}
		// And a path with a parameter: found and not found are both documented.
		const settingOp = doc.paths["/settings/{urn}"]?.get;
		expect(Object.keys(settingOp?.responses ?? {})).toEqual(
			expect.arrayContaining(["200", "400", "404"]),
		);
	});

	it("validates against the OpenAPI 3.1 schema, with every secured route declaring bearer auth and 401", async () => {
		const doc = (await (await t.get("/openapi.json")).json()) as {
			paths: Record<
				string,
				Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
			>;
		};
		const validator = new Validator();
		const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe("3.1");
		for (const [path, ops] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(ops)) {
				if (!op.security?.length) continue; // public: `security: []`
				expect(Object.keys(op.responses), `${method} ${path}`).toContain("401");
				// And the server really answers 401 without a token.
				const concrete = path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
				const res = await t.app.request(concrete, { method: method.toUpperCase() });
				expect(res.status, `${method} ${path}`).toBe(401);
			}
		}
	});

	it("serves an interactive reference at /docs", async () => {
		const res = await t.get("/docs");
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toContain("text/html");
		expect(await res.text()).toContain("/openapi.json");
	});
});
