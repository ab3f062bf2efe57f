import { describe, expect, it } from "vitest";
import { FIXED_NOW, useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const today = FIXED_NOW.toISOString().slice(0, 10);

interface ListItem {
	urn: number;
	provisions: number;
	places: number;
	vacantNow: number;
	levels: string[];
	needTypes: string[];
}
interface Detail {
	urn: number;
	provisions: {
		code: string;
		level: string;
		needTypes: string[];
		places: number;
		vacancies: { count: number; availableFrom: string | null }[];
	}[];
}

/** The list's figures for a setting, recomputed from its detail view. */
function figuresFromDetail(d: Detail) {
	const free = d.provisions.flatMap((p) =>
		p.vacancies.filter((v) => v.availableFrom === null || v.availableFrom <= today),
	);
	return {
		urn: d.urn,
		provisions: d.provisions.length,
		places: d.provisions.reduce((sum, p) => sum + p.places, 0),
		vacantNow: free.reduce((sum, v) => sum + v.count, 0),
		levels: [...new Set(d.provisions.map((p) => p.level))].sort(),
		needTypes: [...new Set(d.provisions.flatMap((p) => p.needTypes))].sort(),
	};
}

async function listOf(query: string): Promise<ListItem[]> {
	const res = await t.get(`/settings?${query}&limit=500`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { items: ListItem[] }).items;
}

async function compareWithDetail(items: ListItem[]) {
	for (const item of items) {
		const detail = (await (await t.get(`/settings/${item.urn}`)).json()) as Detail;
		const { urn, provisions, places, vacantNow, levels, needTypes } = item;
		expect({ urn, provisions, places, vacantNow, levels, needTypes }).toEqual(
			figuresFromDetail(detail),
		);
	}
}

describe("GET /settings: each setting's figures equal its detail view", () => {
	it("for every Kingston setting", async () => {
		const items = await listOf("borough=314");
		expect(items.length).toBeGreaterThan(5);
		await compareWithDetail(items);
		// A borough's free places are a handful each, never London's total.
		const total = items.reduce((sum, s) => sum + s.vacantNow, 0);
		expect(total).toBeLessThan(200);
		expect(items.some((s) => s.needTypes.length < 12)).toBe(true);
	});

	it("for settings across London, filtered by need", async () => {
		const items = await listOf("need=SEMH");
		expect(items.length).toBeGreaterThan(20);
		await compareWithDetail(items.filter((_, k) => k % 7 === 0));
		for (const s of items) expect(s.needTypes).toContain("SEMH");
	});

	it("counts a place published from a later date only once it is due", async () => {
		const [setting] = await listOf("borough=314&level=special_academy");
		if (!setting) throw new Error("Kingston has no special academy in the demo");
		const detail = (await (await t.get(`/settings/${setting.urn}`)).json()) as Detail;
		const provision = detail.provisions.find((p) => p.places >= 2) ?? detail.provisions[0];
		const headers = await bearer(t.keys, "publisher", { la: "314" });
		const res = await t.send(
			"POST",
			"/vacancies",
			[
				{ urn: setting.urn, provision: provision?.code, count: 1 },
				{
					urn: setting.urn,
					provision: provision?.code,
					count: 1,
					yearGroup: "Y7",
					availableFrom: "2027-01-05",
				},
			],
			headers,
		);
		expect(res.status).toBe(200);
		const [after] = (await listOf("borough=314&level=special_academy")).filter(
			(s) => s.urn === setting.urn,
		);
		await compareWithDetail(after ? [after] : []);
		const later = (await (await t.get(`/settings/${setting.urn}`)).json()) as Detail;
		expect(figuresFromDetail(later).vacantNow).toBe(after?.vacantNow);
		const allPublished = later.provisions
			.flatMap((p) => p.vacancies)
			.reduce((n, v) => n + v.count, 0);
		expect(after?.vacantNow).toBeLessThan(allPublished);
	});
});
