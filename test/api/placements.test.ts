import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, placements } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { registryCounts } from "../support/snapshot.js";

const t = useTestApp();
const panel = (la = "314") => bearer(t.keys, "panel", { la });
const publisher = () => bearer(t.keys, "publisher", { la: "314" });

type Target = { urn: number; provision: string };
/** Demo provisions (see the London scenario): Kingston unless said otherwise. */
const SS = { urn: 142687, provision: "SS" }; // special academy, ASD/SLCN 3–18
const SLCN_SS = { urn: 142740, provision: "SS" }; // special academy, SLCN, no vacancy
const ESTA = { urn: 102565, provision: "ASD-ESTA" }; // esta, ASD 4–6, 10 places
const LATER = { urn: 102567, provision: "ASD-SU" }; // SEN unit, free from 2027-09-02
const PER_YEAR = { urn: 149754, provision: "SS" }; // special academy, ASD 4–18
const RICHMOND_RP = { urn: 102892, provision: "ASD-RP" }; // Richmond resource base, ASD 4–10

interface Placed {
	id: string;
	status: string;
	vacancyYearGroup: string | null;
	hostBorough: string;
	annualCost: {
		placeFunding: number;
		topUp: number;
		fee: number;
		transport: number;
		total: number;
		payers: { hostBorough: string; hostPays: number; homeBorough: string; homePays: number };
	};
	vacancy: { yearGroup: string | null; count: number | null; changed: boolean };
}

let seq = 0;
async function newChild(extra: object = {}) {
	const body = {
		caseRef: `314-PL-${++seq}`,
		yearGroup: "Y3",
		primaryNeed: "ASD",
		planLevel: "special_school",
		home: { lat: 51.405, lon: -0.29 },
		...extra,
	};
	const res = await t.send("POST", "/children", body, await panel());
	expect(res.status).toBe(201);
	return ((await res.json()) as { id: string }).id;
}

/** A consultation for the child; agreed by the setting unless told otherwise. */
async function consultation(childId: string, target: Target, agree = true) {
	const res = await t.send("POST", "/consultations", { childId, ...target }, await panel());
	expect(res.status).toBe(201);
	const id = ((await res.json()) as { id: string }).id;
	if (agree) {
		const school = await bearer(t.keys, "setting", { urn: target.urn });
		const answer = { canMeetNeed: true, hasCapacity: true };
		expect((await t.send("POST", `/consultations/${id}/answer`, answer, school)).status).toBe(200);
	}
	return id;
}

const place = async (consultationId: string, startDate = "2026-09-07", la = "314") =>
	t.send("POST", "/placements", { consultationId, startDate }, await panel(la));

async function vacancyOf(target: Target, yearGroup: string | null = null) {
	const s = (await (await t.get(`/settings/${target.urn}`)).json()) as {
		provisions: { code: string; vacancies: { yearGroup: string | null; count: number }[] }[];
	};
	const p = s.provisions.find((x) => x.code === target.provision);
	return p?.vacancies.find((v) => v.yearGroup === yearGroup)?.count;
}
const childStatus = async (id: string) =>
	((await (await t.get(`/children/${id}`, await panel())).json()) as { status: string }).status;
const publish = async (rows: object[]) =>
	expect((await t.send("POST", "/vacancies", rows, await publisher())).status).toBe(200);

beforeAll(async () => {
	await publish([{ ...SS, count: 3 }]);
});

describe("POST /placements", () => {
	it("places the child on an agreed consultation, taking one vacancy, feeding and auditing it", async () => {
		const childId = await newChild();
		const consultationId = await consultation(childId, SS);
		const feed = (await (await t.get("/vacancies/changes?since=0&limit=1000")).json()) as {
			nextCursor: string;
		};
		const res = await place(consultationId);
		expect(res.status).toBe(201);
		const p = (await res.json()) as Placed;
		expect(res.headers.get("location")).toBe(`/placements/${p.id}`);
		expect(p).toMatchObject({ status: "active", hostBorough: "314", vacancy: { count: 2 } });
		const c = p.annualCost;
		expect(c.transport).toBeGreaterThanOrEqual(1500);
		expect(c.total).toBe(c.placeFunding + c.topUp + c.fee + c.transport);
		expect(c.payers).toEqual({
			hostBorough: "314",
			hostPays: c.placeFunding,
			homeBorough: "314",
			homePays: c.topUp + c.fee + c.transport,
		});
		expect(await vacancyOf(SS)).toBe(2);
		expect(await childStatus(childId)).toBe("placed");
		const events = (await (await t.get(`/vacancies/changes?since=${feed.nextCursor}`)).json()) as {
			events: object[];
		};
		expect(events.events).toEqual([
			expect.objectContaining({ urn: SS.urn, count: 2, previousCount: 3, source: "placement" }),
		]);
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.entityId, p.id));
		expect(audit.map((a) => a.action)).toEqual(["placement.confirm"]);
	});

	it("shows who pays what when the setting stands in another borough", async () => {
		const childId = await newChild({ planLevel: "resourced_provision" });
		const res = await place(await consultation(childId, RICHMOND_RP));
		expect(res.status).toBe(201);
		const p = (await res.json()) as Placed;
		expect(p.hostBorough).toBe("318");
		expect(p.annualCost.payers).toMatchObject({ hostBorough: "318", homeBorough: "314" });
	});

	it("refuses a consultation that is not agreed (422) and a child already placed (409)", async () => {
		const childId = await newChild();
		const open = await consultation(childId, SS, false);
		expect((await place(open)).status).toBe(422);
		const other = await consultation(childId, PER_YEAR);
		const agreed = await t.send(
			"POST",
			`/consultations/${open}/answer`,
			{ canMeetNeed: true, hasCapacity: true },
			await bearer(t.keys, "setting", { urn: SS.urn }),
		);
		expect(agreed.status).toBe(200);
		expect((await place(open)).status).toBe(201);
		const before = await registryCounts(t.database.db);
		expect((await place(other)).status).toBe(409);
		expect(await registryCounts(t.database.db)).toEqual(before);
	});

	it("answers 409 when no vacancy is left, changing nothing", async () => {
		const childId = await newChild({ primaryNeed: "SLCN" });
		const consultationId = await consultation(childId, SLCN_SS);
		const before = await registryCounts(t.database.db);
		const res = await place(consultationId);
		expect(res.status).toBe(409);
		expect(((await res.json()) as { detail: string }).detail).toContain("no vacancy left");
		expect(await registryCounts(t.database.db)).toEqual(before);
		expect(await childStatus(childId)).toBe("consulting");
	});

	it("takes a place published from a later date only for a start on or after it", async () => {
		const childId = await newChild({ yearGroup: "Y1", planLevel: "sen_unit" });
		const consultationId = await consultation(childId, LATER);
		expect((await place(consultationId, "2026-09-07")).status).toBe(409);
		expect((await place(consultationId, "2027-09-02")).status).toBe(201);
	});

	it("takes the child's year-group row when places are published per year group", async () => {
		await publish([{ ...PER_YEAR, yearGroup: "Y3", count: 1 }]);
		const before = await vacancyOf(PER_YEAR);
		const res = await place(await consultation(await newChild(), PER_YEAR));
		expect(res.status).toBe(201);
		expect(((await res.json()) as Placed).vacancy).toMatchObject({ yearGroup: "Y3", count: 0 });
		expect(await vacancyOf(PER_YEAR, "Y3")).toBe(0);
		expect(await vacancyOf(PER_YEAR)).toBe(before);
	});

	it("refuses a start date in the past (422), malformed input (400), others' consultations (404), other roles (403)", async () => {
		const consultationId = await consultation(await newChild(), SS);
		expect((await place(consultationId, "2026-08-31")).status).toBe(422);
		expect((await place(consultationId, "2026-02-30")).status).toBe(400);
		expect((await place("nope")).status).toBe(400);
		expect((await place(consultationId, "2026-09-07", "318")).status).toBe(404);
		const body = { consultationId, startDate: "2026-09-07" };
		expect((await t.send("POST", "/placements", body, await publisher())).status).toBe(403);
		expect((await t.send("POST", "/placements", body)).status).toBe(401);
	});
});

describe("ending and cancelling", () => {
	const close = async (id: string, action: string, body: object, la = "314") =>
		t.send("POST", `/placements/${id}/${action}`, body, await panel(la));

	it("cancels: the place is freed (feed: placement-ended), the child awaits again; once only", async () => {
		const childId = await newChild();
		const consultationId = await consultation(childId, SS);
		const p = (await (await place(consultationId)).json()) as Placed;
		const before = (await vacancyOf(SS)) as number;
		expect((await close(p.id, "cancel", { reason: "family moved" }, "318")).status).toBe(404);
		const res = await close(p.id, "cancel", { reason: "family moved abroad" });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			status: "cancelled",
			vacancy: { changed: true, count: before + 1 },
		});
		expect(await childStatus(childId)).toBe("awaiting");
		const feed = (await (await t.get("/vacancies/changes?since=0&limit=1000")).json()) as {
			events: { source: string; urn: number }[];
		};
		expect(feed.events.at(-1)).toMatchObject({ source: "placement-ended", urn: SS.urn });
		expect((await close(p.id, "cancel", { reason: "again" })).status).toBe(409);
		expect((await place(consultationId)).status).toBe(409);
	});

	it("ends on a date between start and today; refuses an end before the start (422)", async () => {
		const p = (await (
			await place(await consultation(await newChild(), SS), "2026-09-01")
		).json()) as Placed;
		expect((await close(p.id, "end", { reason: "left", endDate: "2026-08-01" })).status).toBe(422);
		expect((await close(p.id, "end", { reason: "left", endDate: "2026-09-02" })).status).toBe(422);
		const res = await close(p.id, "end", { reason: "moved to post-16 college" });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			status: "ended",
			endReason: "moved to post-16 college",
		});
		expect((await close(p.id, "end", {})).status).toBe(400);
	});

	it("does not free a place beyond the provision's places: the publisher's figure stands", async () => {
		const child = await newChild({ yearGroup: "Y1", planLevel: "esta" });
		const p = (await (await place(await consultation(child, ESTA), "2026-09-01")).json()) as Placed;
		await publish([{ ...ESTA, count: 10 }]);
		const before = await registryCounts(t.database.db);
		const res = await close(p.id, "end", { reason: "left the borough" });
		expect(res.status).toBe(200);
		expect(((await res.json()) as Placed).vacancy).toMatchObject({ changed: false, count: null });
		expect(await vacancyOf(ESTA)).toBe(10);
		const after = await registryCounts(t.database.db);
		expect(after.vacancyEvents).toBe(before.vacancyEvents);
	});
});

describe("GET /placements", () => {
	it("lists the panel's borough's placements by status, and nobody else's", async () => {
		const res = await t.get("/placements?status=active&limit=500", await panel());
		expect(res.status).toBe(200);
		const page = (await res.json()) as { items: Placed[]; total: number };
		expect(page.total).toBeGreaterThan(0);
		expect(page.items.every((p) => p.status === "active")).toBe(true);
		const [all] = await t.database.db
			.select({ n: count() })
			.from(placements)
			.where(eq(placements.status, "active"));
		expect(page.total).toBe(all?.n);
		const richmond = (await (await t.get("/placements", await panel("318"))).json()) as {
			total: number;
		};
		expect(richmond.total).toBe(0);
		expect((await t.get("/placements?status=gone", await panel())).status).toBe(400);
		expect((await t.get("/placements", await bearer(t.keys, "commissioner"))).status).toBe(403);
	});
});

describe("after a placement", () => {
	it("gives the place back to the year-group row it came from, even if the child's year group changed", async () => {
		await publish([{ ...PER_YEAR, yearGroup: "Y4", count: 1 }]);
		const childId = await newChild({ yearGroup: "Y4" });
		const res = await place(await consultation(childId, PER_YEAR));
		expect(res.status).toBe(201);
		const p = (await res.json()) as Placed;
		expect(p.vacancy.yearGroup).toBe("Y4");
		expect(p.vacancyYearGroup).toBe("Y4");
		expect(await vacancyOf(PER_YEAR, "Y4")).toBe(0);
		// The plan is revised: a year older (the row the place came from must still get it back).
		const patch = await t.send("PATCH", `/children/${childId}`, { yearGroup: "Y5" }, await panel());
		expect(patch.status).toBe(200);
		const y5Before = await vacancyOf(PER_YEAR, "Y5");
		expect(
			(
				await t.send(
					"POST",
					`/placements/${p.id}/cancel`,
					{ reason: "plan revised" },
					await panel(),
				)
			).status,
		).toBe(200);
		expect(await vacancyOf(PER_YEAR, "Y4")).toBe(1);
		expect(await vacancyOf(PER_YEAR, "Y5")).toBe(y5Before);
	});

	it("closes the spent consultation, so the child can be consulted at the same provision again", async () => {
		await publish([{ ...SS, count: 2 }]);
		const childId = await newChild();
		const first = await consultation(childId, SS);
		const p = (await (await place(first)).json()) as Placed;
		expect(
			(
				await t.send(
					"POST",
					`/placements/${p.id}/cancel`,
					{ reason: "family moved" },
					await panel(),
				)
			).status,
		).toBe(200);
		const spent = (await (await t.get(`/consultations/${first}`, await panel())).json()) as {
			status: string;
		};
		expect(spent.status).toBe("closed");
		const again = await t.send("POST", "/consultations", { childId, ...SS }, await panel());
		expect(again.status).toBe(201);
	});

	it("ends likewise: the place goes back to its row, the consultation closes (audited) and is spent", async () => {
		await publish([{ ...PER_YEAR, yearGroup: "Y8", count: 1 }]);
		const childId = await newChild({ yearGroup: "Y8" });
		const consultationId = await consultation(childId, PER_YEAR);
		const p = (await (await place(consultationId, "2026-09-01")).json()) as Placed;
		expect(p.vacancyYearGroup).toBe("Y8");
		expect(await vacancyOf(PER_YEAR, "Y8")).toBe(0);
		const patch = await t.send("PATCH", `/children/${childId}`, { yearGroup: "Y9" }, await panel());
		expect(patch.status).toBe(200);
		const y9Before = await vacancyOf(PER_YEAR, "Y9");
		const ended = await t.send(
			"POST",
			`/placements/${p.id}/end`,
			{ reason: "moved" },
			await panel(),
		);
		expect(ended.status).toBe(200);
		expect(await ended.json()).toMatchObject({
			status: "ended",
			vacancyYearGroup: "Y8",
			vacancy: { yearGroup: "Y8", count: 1, changed: true },
		});
		expect(await vacancyOf(PER_YEAR, "Y8")).toBe(1);
		expect(await vacancyOf(PER_YEAR, "Y9")).toBe(y9Before);
		const closed = (await (
			await t.get(`/consultations?status=closed&childId=${childId}`, await panel())
		).json()) as { items: { id: string }[] };
		expect(closed.items.map((c) => c.id)).toEqual([consultationId]);
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.entityId, consultationId));
		expect(audit.map((a) => a.action)).toContain("consultation.close");
		const withdraw = `/consultations/${consultationId}/withdraw`;
		expect((await t.send("POST", withdraw, undefined, await panel())).status).toBe(409);
		expect((await place(consultationId)).status).toBe(409);
		expect(await childStatus(childId)).toBe("awaiting");
	});

	it("audits every list of placements (child-level data)", async () => {
		const [before] = await t.database.db
			.select({ n: count() })
			.from(auditEvents)
			.where(eq(auditEvents.action, "placement.list"));
		expect((await t.get("/placements", await panel())).status).toBe(200);
		const [after] = await t.database.db
			.select({ n: count() })
			.from(auditEvents)
			.where(eq(auditEvents.action, "placement.list"));
		expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
	});
});
