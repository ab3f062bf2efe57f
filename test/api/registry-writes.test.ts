import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();
const KINGSTON = "314";
const NEW_URN = 990_314;

const setting = {
	name: "Kingston Test Academy",
	borough: KINGSTON,
	giasType: "Academy converter",
	phase: "Primary",
	ageRange: { min: 4, max: 10 },
	postcode: "KT1 2AB",
};
const provision = {
	name: "ASD resource base",
	level: "resourced_provision",
	needTypes: ["ASD", "SLCN"],
	ageRange: { min: 4, max: 10 },
	places: 12,
	annualCost: { placeFunding: 6000, topUp: 9000 },
};

describe("PUT /settings/{urn}", () => {
	it("creates a setting of the publisher's borough, located by its postcode district, and audits it", async () => {
		const res = await t.send(
			"PUT",
			`/settings/${NEW_URN}`,
			setting,
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(res.status).toBe(201);
		const etag = res.headers.get("etag");
		expect(etag).toMatch(/^"\d+-\d+"$/);
		const got = await t.get(`/settings/${NEW_URN}`);
		expect(got.headers.get("etag")).toBe(etag);
		const body = (await got.json()) as {
			borough: string;
			location: { lat: number; lon: number; source: string };
		};
		expect(body.borough).toBe(KINGSTON);
		expect(body.location.source).toBe("postcode-district-centroid");
		expect(body.location.lat).toBeCloseTo(51.41, 1);
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.entityId, String(NEW_URN)));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: "setting.create",
			role: "publisher",
			boroughCode: KINGSTON,
		});
	});

	it("updates with a current If-Match and refuses a stale one with 412, changing nothing", async () => {
		const auth = await bearer(t.keys, "publisher", { la: KINGSTON });
		const etag = (await t.get(`/settings/${NEW_URN}`)).headers.get("etag") ?? "";
		const ok = await t.send(
			"PUT",
			`/settings/${NEW_URN}`,
			{ ...setting, pupilCount: 420 },
			{ ...auth, "if-match": etag },
		);
		expect(ok.status).toBe(200);
		const before = await registryCounts(t.database.db);
		const stale = await t.send(
			"PUT",
			`/settings/${NEW_URN}`,
			{ ...setting, name: "Renamed" },
			{ ...auth, "if-match": etag },
		);
		expect(stale.status).toBe(412);
		expect(stale.headers.get("content-type")).toContain("application/problem+json");
		expect(((await stale.json()) as { code: string }).code).toBe("precondition_failed");
		expect(await registryCounts(t.database.db)).toEqual(before);
		const now = (await (await t.get(`/settings/${NEW_URN}`)).json()) as {
			name: string;
			pupilCount: number;
		};
		expect(now).toMatchObject({ name: setting.name, pupilCount: 420 });
	});

	it("refuses a Kingston publisher writing a Richmond setting (403) and changes nothing", async () => {
		const auth = await bearer(t.keys, "publisher", { la: KINGSTON });
		const before = await registryCounts(t.database.db);
		const moved = await t.send("PUT", `/settings/${NEW_URN}`, { ...setting, borough: "318" }, auth);
		expect(moved.status).toBe(403);
		const other = await t.send("PUT", "/settings/990318", { ...setting, borough: "318" }, auth);
		expect(other.status).toBe(403);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it.each([
		[{ ...setting, ageRange: { min: 11, max: 4 } }, "body.ageRange.max"],
		[{ ...setting, borough: "999" }, "body.borough"],
		[{ ...setting, postcode: "not a postcode" }, "body.postcode"],
		[{ ...setting, colour: "red" }, "body.colour"],
		[{ ...setting, name: "" }, "body.name"],
		[{ ...setting, pupilCount: 12.5 }, "body.pupilCount"],
	])("rejects bad input %# naming %s", async (body, field) => {
		const before = await registryCounts(t.database.db);
		const res = await t.send(
			"PUT",
			`/settings/${NEW_URN}`,
			body,
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toContain(field);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("needs a location when the postcode district is unknown (422)", async () => {
		const res = await t.send(
			"PUT",
			"/settings/990315",
			{ ...setting, postcode: "ZZ9 9ZZ" },
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(res.status).toBe(422);
	});

	it("answers malformed JSON with 400 and a non-JSON body with 415", async () => {
		const auth = await bearer(t.keys, "publisher", { la: KINGSTON });
		const bad = await t.send("PUT", `/settings/${NEW_URN}`, "{not json", auth);
		expect(bad.status).toBe(400);
		expect(bad.headers.get("content-type")).toContain("application/problem+json");
		const text = await t.app.request(`/settings/${NEW_URN}`, {
			method: "PUT",
			body: "name=x",
			headers: { ...auth, "content-type": "text/plain" },
		});
		expect(text.status).toBe(415);
	});

	it("refuses an oversized body with 413", async () => {
		const res = await t.send(
			"PUT",
			`/settings/${NEW_URN}`,
			{ ...setting, name: "x".repeat(70_000) },
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(res.status).toBe(413);
	});
});

describe("PUT /settings/{urn}/provisions/{code}", () => {
	it("creates a provision with its designations and bumps the setting's ETag", async () => {
		const auth = await bearer(t.keys, "publisher", { la: KINGSTON });
		const etag = (await t.get(`/settings/${NEW_URN}`)).headers.get("etag");
		const res = await t.send("PUT", `/settings/${NEW_URN}/provisions/ASD-RP`, provision, auth);
		expect(res.status).toBe(201);
		expect(res.headers.get("etag")).not.toBe(etag);
		const got = (await (await t.get(`/settings/${NEW_URN}`)).json()) as {
			provisions: { code: string; needTypes: string[]; annualCost: { total: number } }[];
		};
		expect(got.provisions).toEqual([
			expect.objectContaining({
				code: "ASD-RP",
				needTypes: ["ASD", "SLCN"],
				annualCost: expect.objectContaining({ total: 15_000 }),
			}),
		]);
	});

	it.each([
		[{ ...provision, needTypes: ["AUTISM"] }, "body.needTypes.0"],
		[{ ...provision, needTypes: [] }, "body.needTypes"],
		[{ ...provision, places: -1 }, "body.places"],
		[{ ...provision, places: 2.5 }, "body.places"],
		[{ ...provision, level: "deluxe" }, "body.level"],
		[{ ...provision, annualCost: { placeFunding: -5, topUp: 0 } }, "body.annualCost.placeFunding"],
	])("rejects bad input %# naming %s", async (body, field) => {
		const res = await t.send(
			"PUT",
			`/settings/${NEW_URN}/provisions/ASD-RP`,
			body,
			await bearer(t.keys, "publisher", { la: KINGSTON }),
		);
		expect(res.status).toBe(400);
		expect(
			((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
		).toContain(field);
	});

	it("refuses ages outside the setting's (422) and an unknown setting (404)", async () => {
		const auth = await bearer(t.keys, "publisher", { la: KINGSTON });
		const ages = await t.send(
			"PUT",
			`/settings/${NEW_URN}/provisions/ASD-RP`,
			{ ...provision, ageRange: { min: 4, max: 16 } },
			auth,
		);
		expect(ages.status).toBe(422);
		const missing = await t.send("PUT", "/settings/990999/provisions/ASD-RP", provision, auth);
		expect(missing.status).toBe(404);
	});
});
