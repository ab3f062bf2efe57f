import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();

interface SettingDetail {
	urn: number;
	provisions: {
		code: string;
		places: number;
		vacancies: { yearGroup: string | null; count: number }[];
	}[];
}

/** A Kingston and a Richmond setting from the demo scenario, with a provision each. */
let kingston: { urn: number; code: string; places: number };
let richmond: { urn: number; code: string };

async function firstProvision(borough: string) {
	const page = (await (
		await t.get(`/settings?borough=${borough}&level=special_academy`)
	).json()) as { items: { urn: number }[] };
	const urn = page.items[0]?.urn as number;
	const detail = (await (await t.get(`/settings/${urn}`)).json()) as SettingDetail;
	const p = detail.provisions.find((x) => x.places >= 3) ?? detail.provisions[0];
	return { urn, code: p?.code as string, places: p?.places as number };
}

beforeAll(async () => {
	kingston = await firstProvision("314");
	richmond = await firstProvision("318");
});

const publisher = () => bearer(t.keys, "publisher", { la: "314" });

describe("POST /vacancies", () => {
	it("publishes a batch, visible in GET /vacancies and in the change feed", async () => {
		const feedBefore = (await (await t.get("/vacancies/changes?since=0&limit=1000")).json()) as {
			nextCursor: string;
		};
		const res = await t.send(
			"POST",
			"/vacancies",
			[{ urn: kingston.urn, provision: kingston.code, count: 2, availableFrom: "2026-09-01" }],
			await publisher(),
		);
		expect(res.status).toBe(200);
		const body = (await res.json()) as {
			published: number;
			items: { count: number; version: number }[];
			cursor: string;
		};
		expect(body.published).toBe(1);
		expect(body.items[0]?.count).toBe(2);

		const list = (await (await t.get(`/vacancies?borough=314&limit=500`)).json()) as {
			items: { urn: number; provision: string; count: number }[];
		};
		expect(list.items).toContainEqual(
			expect.objectContaining({ urn: kingston.urn, provision: kingston.code, count: 2 }),
		);

		const feed = (await (
			await t.get(`/vacancies/changes?since=${feedBefore.nextCursor}`)
		).json()) as {
			events: { urn: number; provision: string; count: number; source: string; cursor: string }[];
			nextCursor: string;
		};
		expect(feed.events).toEqual([
			expect.objectContaining({
				urn: kingston.urn,
				provision: kingston.code,
				count: 2,
				source: "publication",
			}),
		]);
		expect(feed.nextCursor).toBe(body.cursor);
		const again = (await (await t.get(`/vacancies/changes?since=${feed.nextCursor}`)).json()) as {
			events: unknown[];
		};
		expect(again.events).toEqual([]);
	});

	it("keeps history: a new publication is a new feed event, the old one stays", async () => {
		const auth = await publisher();
		await t.send(
			"POST",
			"/vacancies",
			[{ urn: kingston.urn, provision: kingston.code, count: 1 }],
			auth,
		);
		const feed = (await (await t.get("/vacancies/changes?since=0&limit=1000")).json()) as {
			events: { urn: number; provision: string; count: number }[];
		};
		const mine = feed.events
			.filter((e) => e.urn === kingston.urn && e.provision === kingston.code)
			.map((e) => e.count);
		expect(mine.slice(-2)).toEqual([2, 1]);
	});

	it("refuses a provision of another borough, writing nothing of the batch", async () => {
		const before = await registryCounts(t.database.db);
		const res = await t.send(
			"POST",
			"/vacancies",
			[
				{ urn: kingston.urn, provision: kingston.code, count: 1 },
				{ urn: richmond.urn, provision: richmond.code, count: 1 },
			],
			await publisher(),
		);
		expect(res.status).toBe(403);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it.each([
		[[{ urn: 1, provision: "SS", count: 1 }], "body.0.urn"],
		[[{ provision: "SS", count: 1 }], "body.0.urn"],
		[[{ urn: 142687, provision: "SS", count: -1 }], "body.0.count"],
		[[{ urn: 142687, provision: "SS", count: 1.5 }], "body.0.count"],
		[[{ urn: 142687, provision: "SS", count: "two" }], "body.0.count"],
		[
			[{ urn: 142687, provision: "SS", count: 1, availableFrom: "next week" }],
			"body.0.availableFrom",
		],
		[
			[{ urn: 142687, provision: "SS", count: 1, availableFrom: "2026-02-30" }],
			"body.0.availableFrom",
		],
		[[{ urn: 142687, provision: "SS", count: 1, yearGroup: "Y15" }], "body.0.yearGroup"],
		[[{ urn: 142687, provision: "SS", count: 1, extra: true }], "body.0.extra"],
		[[], "body"],
		[{ urn: 142687 }, "body"],
	])("rejects malformed batch %# with 400 naming %s, writing nothing", async (batch, field) => {
		const before = await registryCounts(t.database.db);
		const res = await t.send("POST", "/vacancies", batch, await publisher());
		expect(res.status).toBe(400);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toContain(field);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("rejects a whole batch when one count exceeds the commissioned places (422)", async () => {
		const before = await registryCounts(t.database.db);
		const res = await t.send(
			"POST",
			"/vacancies",
			[
				{ urn: kingston.urn, provision: kingston.code, count: 0 },
				{
					urn: kingston.urn,
					provision: kingston.code,
					count: kingston.places + 1,
					yearGroup: "Y7",
				},
				{ urn: kingston.urn, provision: "NOPE", count: 1 },
			],
			await publisher(),
		);
		expect(res.status).toBe(422);
		const problem = (await res.json()) as { errors: { path: string }[] };
		expect(problem.errors.map((e) => e.path)).toEqual(
			expect.arrayContaining(["body[2].provision"]),
		);
		expect(await registryCounts(t.database.db)).toEqual(before);
		const over = await t.send(
			"POST",
			"/vacancies",
			[{ urn: kingston.urn, provision: kingston.code, count: kingston.places + 1 }],
			await publisher(),
		);
		expect(over.status).toBe(422);
		expect(((await over.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
			"body[0].count",
		);
	});

	it("honours Idempotency-Key: a retry replays the first answer and applies nothing twice", async () => {
		const auth = { ...(await publisher()), "idempotency-key": "kingston-batch-0001" };
		const batch = [{ urn: kingston.urn, provision: kingston.code, count: 3 }];
		const first = await t.send("POST", "/vacancies", batch, auth);
		expect(first.status).toBe(200);
		const firstBody = await first.text();
		const before = await registryCounts(t.database.db);
		const retry = await t.send("POST", "/vacancies", batch, auth);
		expect(retry.status).toBe(200);
		expect(await retry.text()).toBe(firstBody);
		expect(await registryCounts(t.database.db)).toEqual(before);
		const different = await t.send("POST", "/vacancies", [{ ...batch[0], count: 1 }], auth);
		expect(different.status).toBe(422);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("runs concurrent retries with one key once", async () => {
		const auth = { ...(await publisher()), "idempotency-key": "kingston-batch-race" };
		const batch = [{ urn: kingston.urn, provision: kingston.code, count: 1 }];
		const before = await registryCounts(t.database.db);
		const answers = await Promise.all(
			Array.from({ length: 6 }, () => t.send("POST", "/vacancies", batch, auth)),
		);
		expect(answers.map((r) => r.status)).toEqual(Array(6).fill(200));
		const after = await registryCounts(t.database.db);
		expect(after.vacancyEvents - before.vacancyEvents).toBe(1);
		expect(after.idempotencyKeys - before.idempotencyKeys).toBe(1);
	});
});

describe("GET /vacancies", () => {
	it("filters by need, phase, level, borough and availability date", async () => {
		const res = await t.get("/vacancies?need=ASD&phase=secondary&limit=500");
		expect(res.status).toBe(200);
		const page = (await res.json()) as {
			items: { needTypes: string[]; ageRange: { min: number; max: number }; count: number }[];
			total: number;
		};
		expect(page.total).toBeGreaterThan(0);
		for (const v of page.items) {
			expect(v.needTypes).toContain("ASD");
			expect(v.ageRange.max).toBeGreaterThanOrEqual(11);
			expect(v.count).toBeGreaterThan(0);
		}
		const early = (await (
			await t.get(`/vacancies?borough=314&availableBy=2026-01-01&limit=500`)
		).json()) as { items: { urn: number; provision: string }[] };
		const later = (await (
			await t.get(`/vacancies?borough=314&availableBy=2026-12-01&limit=500`)
		).json()) as { items: unknown[] };
		expect(later.items.length).toBeGreaterThanOrEqual(early.items.length);
	});

	it.each(["availableBy=tomorrow", "need=XYZ", "limit=9999", "since=1"])(
		"rejects %s",
		async (q) => {
			const res = await t.get(`/vacancies?${q}`);
			expect(res.status).toBe(400);
		},
	);

	it("rejects a bad cursor on the feed", async () => {
		expect((await t.get("/vacancies/changes?since=abc")).status).toBe(400);
	});
});
