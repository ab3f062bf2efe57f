import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { children, provisions, settings } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

interface Report {
	rows: { area: { code: string }; places: number; vacant: number; awaiting: number | null }[];
	totals: { places: number; vacant: number; awaiting: number | null };
}

// The report is held between requests per state of the supply and the demand: these show that
// any change to either, by the API or written straight to the database, is in the next answer.
describe("the sufficiency report follows every change at once", () => {
	const read = async () => {
		const admin = await bearer(t.keys, "admin");
		const res = await t.get("/sufficiency", admin);
		expect(res.status).toBe(200);
		return (await res.json()) as Report;
	};

	it("answers the same report twice while nothing changes", async () => {
		expect(await read()).toEqual(await read());
	});

	it("counts a child just referred, and one whose status changed outside the API", async () => {
		const before = await read();
		const panel = await bearer(t.keys, "panel", { la: "314" });
		const created = await t.send(
			"POST",
			"/children",
			{
				caseRef: "314-CACHE-0001",
				yearGroup: "Y3",
				primaryNeed: "ASD",
				secondaryNeeds: [],
				planLevel: "special_school",
				home: { lat: 51.41234, lon: -0.30049 },
				preferences: [],
			},
			panel,
		);
		expect(created.status).toBe(201);
		const id = ((await created.json()) as { id: string }).id;
		const after = await read();
		expect(after.totals.awaiting).toBe((before.totals.awaiting ?? 0) + 1);
		const kingston = (r: Report) => r.rows.find((row) => row.area.code === "314")?.awaiting ?? 0;
		expect(kingston(after)).toBe(kingston(before) + 1);

		await t.database.db.update(children).set({ status: "placed" }).where(eq(children.id, id));
		expect((await read()).totals.awaiting).toBe(before.totals.awaiting);
	});

	it("counts a place published a moment ago, and a vacancy changed outside the API", async () => {
		const before = await read();
		const publisher = await bearer(t.keys, "publisher", { la: "314" });
		const [row] = await t.database.db
			.select({ urn: settings.urn, code: provisions.code })
			.from(provisions)
			.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
			.where(and(eq(settings.boroughCode, "314"), isNull(settings.closedOn)))
			.orderBy(provisions.id)
			.limit(1);
		const published = await t.send(
			"POST",
			"/vacancies",
			[{ urn: Number(row?.urn), provision: row?.code, count: 7 }],
			publisher,
		);
		expect(published.status, await published.clone().text()).toBeLessThan(300);
		const after = await read();
		expect(after.totals.vacant).not.toBe(before.totals.vacant);
		expect(after.totals.places).toBe(before.totals.places);

		await t.database.db.execute(sql`update vacancy set count = count + 3 where count > 0`);
		expect((await read()).totals.vacant).toBeGreaterThan(after.totals.vacant);
	});
});
