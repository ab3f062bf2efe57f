import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";

const t = useTestApp();

interface Page {
	items: {
		urn: number;
		name: string;
		borough: string;
		levels: string[];
		needTypes: string[];
		ageRange: { min: number; max: number };
	}[];
	total: number;
	limit: number;
	offset: number;
}

describe("GET /settings", () => {
	it("lists Kingston's real special schools by URN", async () => {
		const res = await t.get("/settings?borough=314&limit=500");
		expect(res.status).toBe(200);
		const page = (await res.json()) as Page;
		const urns = page.items.map((s) => s.urn);
		// Bedelsford, Dysart, St Philip's and Spring School (GIAS 2025).
		expect(urns).toEqual(expect.arrayContaining([142687, 142698, 142740, 149754]));
		expect(page.items.every((s) => s.borough === "314")).toBe(true);
		expect(page.total).toBe(page.items.length);
	});

	it("filters by need type, level and phase", async () => {
		const res = await t.get("/settings?need=ASD&level=resourced_provision&phase=primary&limit=500");
		const page = (await res.json()) as Page;
		expect(page.total).toBeGreaterThan(0);
		for (const s of page.items) {
			expect(s.needTypes).toContain("ASD");
			expect(s.levels).toContain("resourced_provision");
		}
	});

	it("paginates with a stable order", async () => {
		const first = (await (await t.get("/settings?limit=10&offset=0")).json()) as Page;
		const second = (await (await t.get("/settings?limit=10&offset=10")).json()) as Page;
		expect(first.items).toHaveLength(10);
		expect(first.total).toBeGreaterThan(100);
		const overlap = first.items.filter((a) => second.items.some((b) => b.urn === a.urn));
		expect(overlap).toHaveLength(0);
		expect(second.offset).toBe(10);
	});

	it.each([
		["borough=999", "query.borough"],
		["need=AUTISM", "query.need"],
		["phase=college", "query.phase"],
		["limit=0", "query.limit"],
		["limit=abc", "query.limit"],
		["offset=-1", "query.offset"],
		["colour=red", "query.colour"],
	])("rejects %s with a problem naming %s", async (query, field) => {
		const res = await t.get(`/settings?${query}`);
		expect(res.status).toBe(400);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
		const problem = (await res.json()) as {
			code: string;
			errors: { path: string }[];
			requestId: string;
		};
		expect(problem.code).toBe("validation_failed");
		expect(problem.errors.map((e) => e.path)).toContain(field);
		expect(problem.requestId).toBe(res.headers.get("x-request-id"));
	});
});

describe("GET /settings/{urn}", () => {
	it("returns a setting with its provisions and current vacancies", async () => {
		const res = await t.get("/settings/142698");
		expect(res.status).toBe(200);
		const s = (await res.json()) as {
			urn: number;
			name: string;
			borough: string;
			provisions: {
				code: string;
				needTypes: string[];
				places: number;
				annualCost: { total: number };
				vacancies: { count: number }[];
			}[];
		};
		expect(s).toMatchObject({ urn: 142698, name: "Dysart School", borough: "314" });
		expect(s.provisions.length).toBeGreaterThan(0);
		for (const p of s.provisions) {
			expect(p.needTypes.length).toBeGreaterThan(0);
			expect(p.annualCost.total).toBeGreaterThan(0);
			for (const v of p.vacancies) expect(v.count).toBeLessThanOrEqual(p.places);
		}
	});

	it("answers 404 problem+json for an unknown URN", async () => {
		const res = await t.get("/settings/999998");
		expect(res.status).toBe(404);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
		expect(((await res.json()) as { code: string }).code).toBe("not_found");
	});

	it("answers 400 for a URN that is not a URN", async () => {
		const res = await t.get("/settings/12ab");
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors[0]?.path).toBe("param.urn");
	});
});
