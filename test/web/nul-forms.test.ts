import { describe, expect, it } from "vitest";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function kingston(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("panel", "314");
	return b;
}

describe("a form holding a NUL byte", () => {
	it("is a 400 page naming the field, and changes nothing", async () => {
		const b = await kingston();
		const list = await (await b.get("/panel/children")).text();
		const id = /href="\/panel\/children\/([0-9a-f-]{36})"/.exec(list)?.[1] as string;
		const before = await (await b.get(`/panel/children/${id}/edit`)).text();
		const version = /name="version" value="(\d+)"/.exec(before)?.[1] ?? "";
		const res = await b.post(`/panel/children/${id}/edit`, {
			version,
			yearGroup: "Y4",
			primaryNeed: "ASD",
			planLevel: "special_school",
			maxJourneyMinutes: "45",
			preferences: "142698\u0000",
		});
		expect(res.status).toBe(400);
		expect(res.headers.get("content-type")).toContain("text/html");
		const page = await res.text();
		expect(page).toContain("The field “preferences” contains a NUL character");
		const after = await (await b.get(`/panel/children/${id}/edit`)).text();
		expect(/name="version" value="(\d+)"/.exec(after)?.[1]).toBe(version);
	});

	it("in two fields names both; a sign-in form with one is refused the same way", async () => {
		const b = await kingston();
		const res = await b.post("/panel/rounds", { boroughs: "314\u0000", extra: "\u0000" });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain("The fields “boroughs”, “extra” contain a NUL character");
		const signIn = await t
			.browser()
			.post("/sign-in", { role: "panel", la: "314\u0000", next: "/" });
		expect(signIn.status).toBe(400);
		expect(await signIn.text()).toContain("“la”");
	});
});

/** A Kingston special school of the demo. */
const SCHOOL_URN = "142687";

describe("an address holding a NUL byte", () => {
	const pages = [
		["commissioner", "/commissioner/sufficiency?need=AS%00D", "need"],
		["commissioner", "/commissioner/shadow-prices?x=%00", "x"],
		["publisher", "/publisher/settings?level=%00", "level"],
		["publisher", "/publisher/changes?since=1%00", "since"],
		["setting", "/school/consultations?page=%00", "page"],
		["admin", "/admin/audit?recordId=a%00b", "recordId"],
	] as const;

	it.each(pages)(
		"on a %s page (%s) is a 400 page naming the parameter, not problem+json",
		async (role, path, name) => {
			const b = t.browser();
			await b.signIn(
				role,
				role === "admin" || role === "setting" ? "" : "314",
				role === "setting" ? { urn: SCHOOL_URN } : {},
			);
			const res = await b.get(path);
			expect(res.status).toBe(400);
			expect(res.headers.get("content-type")).toContain("text/html");
			const page = await res.text();
			expect(page).toContain(`a NUL character (%00) in “${name}”`);
			expect(page).not.toContain("<table");
		},
	);

	it("on the start and sign-in pages too; the API still answers problem+json", async () => {
		for (const path of ["/?x=%00", "/sign-in?next=%00"]) {
			const res = await t.browser().get(path);
			expect(res.status, path).toBe(400);
			expect(res.headers.get("content-type"), path).toContain("text/html");
		}
		const api = await t.app.request("/settings?need=%00");
		expect(api.status).toBe(400);
		expect(api.headers.get("content-type")).toContain("application/problem+json");
	});
});
