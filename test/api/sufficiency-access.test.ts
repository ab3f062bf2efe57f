import { and, asc, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
	children,
	consultations,
	matchingRuns,
	placements,
	proposals,
	provisions,
	settings,
} from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

type Figures = Record<string, number | null> & { suppressed: string[] };
type Row = Figures & { area?: { code: string } };
interface Report {
	rows: Row[];
	totals: Figures;
}

async function rowsBy(query: string, headers: Record<string, string>) {
	const res = await t.get(`/sufficiency?${query}`, headers);
	expect(res.status).toBe(200);
	const body = (await res.json()) as Report;
	const of = (code: string) => body.rows.find((r) => r.area?.code === code) as Row;
	return { ...body, of };
}

/**
 * Kensington and Chelsea (207) has 2 demo children awaiting. Two of Kingston's (314) are placed:
 * one at Bowden House (a Tower Hamlets school in Seaford, outside London), one in an independent
 * school in another borough. A finished run left both of 207's children unplaced; a later run
 * placed one of them.
 */
beforeAll(async () => {
	const db = t.database.db;
	const kingston = await db
		.select()
		.from(children)
		.where(eq(children.boroughCode, "314"))
		.orderBy(asc(children.caseRef))
		.limit(2);
	const [bowden] = await db.select().from(provisions).where(eq(provisions.settingUrn, 100986));
	const [independent] = await db
		.select({ p: provisions, borough: settings.boroughCode })
		.from(provisions)
		.innerJoin(settings, eq(settings.urn, provisions.settingUrn))
		.where(and(eq(provisions.level, "special_independent"), ne(settings.boroughCode, "314")))
		.limit(1);
	const places = [
		{
			child: kingston[0],
			provision: bowden,
			host: "211",
			cost: { placeFunding: 10000, topUp: 17000, fee: 0, transport: 9000 },
		},
		{
			child: kingston[1],
			provision: independent?.p,
			host: independent?.borough as string,
			cost: { placeFunding: 0, topUp: 0, fee: 52000, transport: 4000 },
		},
	];
	for (const { child, provision, host, cost } of places) {
		if (!child || !provision) throw new Error("demo data lacks a child or provision");
		const [consultation] = await db
			.insert(consultations)
			.values({
				childId: child.id,
				provisionId: provision.id,
				settingUrn: provision.settingUrn,
				homeBorough: "314",
				maintainingBorough: host,
				status: "agreed",
				sentAt: new Date("2026-06-01T09:00:00Z"),
				dueAt: "2026-06-16",
			})
			.returning();
		await db.insert(placements).values({
			childId: child.id,
			provisionId: provision.id,
			consultationId: consultation?.id as string,
			homeBorough: "314",
			hostBorough: host,
			startDate: "2026-09-01",
			annualCost: cost,
			confirmedAt: new Date("2026-07-01T09:00:00Z"),
		});
		await db.update(children).set({ status: "placed" }).where(eq(children.id, child.id));
	}
	const kc = await db
		.select()
		.from(children)
		.where(eq(children.boroughCode, "207"))
		.orderBy(asc(children.caseRef));
	const run = async (
		finishedAt: string,
		rows: { childId: string; provisionId: number | null }[],
	) => {
		const [r] = await db
			.insert(matchingRuns)
			.values({
				boroughCode: "207",
				scopeBoroughs: ["207"],
				requestedBy: "test",
				status: "done",
				request: {},
				finishedAt: new Date(finishedAt),
			})
			.returning();
		await db
			.insert(proposals)
			.values(rows.map((x) => ({ ...x, runId: r?.id as string, explanation: {} })));
	};
	await run(
		"2026-08-01T09:00:00Z",
		kc.map((c) => ({ childId: c.id, provisionId: null })),
	);
	await run("2026-08-15T09:00:00Z", [
		{ childId: kc[0]?.id as string, provisionId: bowden?.id as number },
	]);
});

describe("who sees what in GET /sufficiency", () => {
	it("shows a commissioner of another borough no count of 1–4 children, but every place", async () => {
		const r = await rowsBy("groupBy=area", await bearer(t.keys, "commissioner", { la: "306" }));
		const kc = r.of("207");
		expect(kc.awaiting).toBeNull();
		expect(kc.gap).toBeNull();
		expect(kc.unmet).toBeNull();
		expect(kc.suppressed).toEqual(expect.arrayContaining(["awaiting", "unmet", "gap"]));
		expect(kc.places).toBeGreaterThan(0);
		expect(kc.vacant).not.toBeNull();
		const kingston = r.of("314");
		expect(kingston.awaiting).toBe(5);
		expect(kingston.placedOutOfBorough).toBeNull();
		expect(kingston.placedOutOfLondon).toBeNull();
		expect(kingston.independentPlacements).toBeNull();
		expect(kingston.independentAnnualCost).toBeNull();
		expect(r.of("201")).toMatchObject({ awaiting: 0, suppressed: [] });
	});

	it.each([
		["the home panel", "panel"],
		["the home borough's commissioner", "commissioner"],
	] as const)("shows %s its own borough exactly", async (_, role) => {
		const kc = (await rowsBy("groupBy=area", await bearer(t.keys, role, { la: "207" }))).of("207");
		expect(kc).toMatchObject({ awaiting: 2, unmet: 1, suppressed: [] });
		expect(kc.gap).toBe(2 - (kc.vacant as number));
		const kingston = (await rowsBy("groupBy=area", await bearer(t.keys, role, { la: "314" }))).of(
			"314",
		);
		expect(kingston).toMatchObject({
			awaiting: 5,
			placedOutOfBorough: 2,
			placedOutOfLondon: 1,
			independentPlacements: 1,
			independentAnnualCost: 56000,
		});
	});

	it("shows an admin every count exactly, and a panel exactly the places its children fill elsewhere", async () => {
		const r = await rowsBy("groupBy=area", await bearer(t.keys, "admin"));
		expect(r.of("207")).toMatchObject({ awaiting: 2, unmet: 1, suppressed: [] });
		expect(r.of("211").filled).toBe(1);
		expect(r.totals).toMatchObject({
			awaiting: 298,
			placedOutOfLondon: 1,
			independentAnnualCost: 56000,
		});
		// Tower Hamlets' own panel does not see the one Kingston child placed in its school.
		const th = await rowsBy("groupBy=area", await bearer(t.keys, "panel", { la: "211" }));
		expect(th.of("211").filled).toBeNull();
		const kingston = await rowsBy("groupBy=area", await bearer(t.keys, "panel", { la: "314" }));
		expect(kingston.of("211").filled).toBe(1);
	});

	it("never leaves a lone hidden cell that the published total would give away", async () => {
		const r = await rowsBy("groupBy=area", await bearer(t.keys, "commissioner"));
		for (const metric of [
			"awaiting",
			"unmet",
			"placedOutOfBorough",
			"placedOutOfLondon",
			"filled",
		]) {
			const hidden = r.rows.filter((row) => row[metric] === null).length;
			if (hidden === 1) expect(r.totals[metric]).toBeNull();
		}
		expect(r.totals.unmet).toBeNull();
	});
});
