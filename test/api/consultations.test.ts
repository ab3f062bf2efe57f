import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, consultations, proposals } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const panel = (la = "314") => bearer(t.keys, "panel", { la });
const school = (urn: number) => bearer(t.keys, "setting", { urn });

/** Demo provisions: Kingston special academy (ASD/SLCN, 3–18), Richmond ASD resource base (4–10). */
const SS = { urn: 142687, provision: "SS" };
const RICHMOND_RP = { urn: 102892, provision: "ASD-RP" };

interface View {
	id: string;
	status: string;
	child: Record<string, unknown>;
	consulted: { urn: number; maintainingBorough: string | null };
	dueAt: string;
	sentAt: string;
	overdue: boolean;
	proposalId: string | null;
	answer: { reasonCode: string | null; evidence: string | null } | null;
}

let seq = 0;
async function newChild(extra: object = {}) {
	const body = {
		caseRef: `314-CONS-${++seq}`,
		yearGroup: "Y3",
		primaryNeed: "ASD",
		planLevel: "special_school",
		home: { lat: 51.41, lon: -0.3 },
		...extra,
	};
	const res = await t.send("POST", "/children", body, await panel());
	expect(res.status).toBe(201);
	return ((await res.json()) as { id: string }).id;
}

async function consult(body: object, la = "314") {
	return t.send("POST", "/consultations", body, await panel(la));
}

async function opened(childId: string, target = SS) {
	const res = await consult({ childId, ...target });
	expect(res.status).toBe(201);
	return (await res.json()) as View;
}

const childStatus = async (id: string) =>
	((await (await t.get(`/children/${id}`, await panel())).json()) as { status: string }).status;
const consultationCount = async () =>
	(await t.database.db.select({ n: count() }).from(consultations))[0]?.n;

describe("POST /consultations", () => {
	it("consults a setting of the home borough, due in 15 days; the child is consulting; audited", async () => {
		const childId = await newChild();
		const res = await consult({ childId, ...SS });
		expect(res.status).toBe(201);
		const v = (await res.json()) as View;
		expect(res.headers.get("location")).toBe(`/consultations/${v.id}`);
		expect(v).toMatchObject({
			status: "open",
			sentAt: "2026-09-01T09:00:00.000Z",
			dueAt: "2026-09-16",
			overdue: false,
			consulted: { urn: SS.urn, maintainingBorough: null },
			answer: null,
		});
		expect(v.child.id).toBe(childId);
		expect(await childStatus(childId)).toBe("consulting");
		const audit = await t.database.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, v.id), eq(auditEvents.action, "consultation.open")));
		expect(audit).toHaveLength(1);
	});

	it("names the maintaining borough when the setting stands in another borough", async () => {
		const childId = await newChild({ planLevel: "resourced_provision" });
		const v = await opened(childId, RICHMOND_RP);
		expect(v.consulted).toMatchObject({ urn: RICHMOND_RP.urn, maintainingBorough: "318" });
	});

	it("refuses a second open consultation of the same child and provision (409)", async () => {
		const childId = await newChild();
		await opened(childId);
		const before = await consultationCount();
		const res = await consult({ childId, ...SS });
		expect(res.status).toBe(409);
		expect(((await res.json()) as { code: string }).code).toBe("conflict");
		expect(await consultationCount()).toBe(before);
	});

	it.each([
		["a need the provision is not designated for", { primaryNeed: "SEMH" }, SS, "not designated"],
		["an age outside its range", { yearGroup: "N1" }, SS, "ages 3–18"],
		["a plan level it does not meet", { planLevel: "sen_unit" }, SS, "does not meet"],
	])("refuses %s with 422 and the reason, writing nothing", async (_, extra, target, reason) => {
		const childId = await newChild(extra);
		const before = await consultationCount();
		const res = await consult({ childId, ...target });
		expect(res.status).toBe(422);
		const problem = (await res.json()) as { detail: string; errors: { path: string }[] };
		expect(problem.detail).toContain(reason);
		expect(problem.errors[0]?.path).toBe("body.provision");
		expect(await consultationCount()).toBe(before);
		expect(await childStatus(childId)).toBe("awaiting");
	});

	it("refuses an unknown provision (422), another borough's child and an unknown one (404)", async () => {
		const childId = await newChild();
		expect((await consult({ childId, urn: SS.urn, provision: "NOPE" })).status).toBe(422);
		expect((await consult({ childId, ...SS }, "318")).status).toBe(404);
		const missing = "00000000-0000-4000-8000-000000000000";
		expect((await consult({ childId: missing, ...SS })).status).toBe(404);
	});

	it.each([
		[{}],
		[{ childId: "not-a-uuid", ...SS }],
		[{ childId: "00000000-0000-4000-8000-000000000000", urn: "x", provision: "SS" }],
		[{ proposalId: "00000000-0000-4000-8000-000000000000", ...SS }],
	])("rejects malformed body %# with 400", async (body) => {
		expect((await consult(body)).status).toBe(400);
	});

	it("is for panels only: 401 without a token, 403 for a setting or publisher", async () => {
		const childId = await newChild();
		expect((await t.send("POST", "/consultations", { childId, ...SS })).status).toBe(401);
		const asSchool = await t.send(
			"POST",
			"/consultations",
			{ childId, ...SS },
			await school(SS.urn),
		);
		expect(asSchool.status).toBe(403);
		const asPublisher = await bearer(t.keys, "publisher", { la: "314" });
		expect((await t.send("POST", "/consultations", { childId, ...SS }, asPublisher)).status).toBe(
			403,
		);
	});

	it("accepts a matching run's proposal (marking it accepted); another borough's panel gets 404", async () => {
		const childId = await newChild({ caseRef: "314-CONS-PROP" });
		const run = await t.send(
			"POST",
			"/matching-runs",
			{ scope: { childIds: [childId] } },
			await panel(),
		);
		expect(run.status).toBe(201);
		const runId = ((await run.json()) as { id: string }).id;
		const list = (await (
			await t.get(`/matching-runs/${runId}/proposals`, await panel())
		).json()) as { items: { proposalId: string; placed: boolean; urn: number }[] };
		const proposal = list.items[0];
		expect(proposal?.placed).toBe(true);
		expect((await consult({ proposalId: proposal?.proposalId }, "318")).status).toBe(404);
		const res = await consult({ proposalId: proposal?.proposalId });
		expect(res.status).toBe(201);
		const v = (await res.json()) as View;
		expect(v.proposalId).toBe(proposal?.proposalId);
		expect(v.consulted.urn).toBe(proposal?.urn);
		const [row] = await t.database.db
			.select()
			.from(proposals)
			.where(eq(proposals.id, proposal?.proposalId as string));
		expect(row?.accepted).toBe(true);
	});
});

describe("POST /consultations/{id}/answer", () => {
	const answer = async (id: string, body: object, urn = SS.urn) =>
		t.send("POST", `/consultations/${id}/answer`, body, await school(urn));
	const evidence = "Our ASD base is full until July; two pupils are waiting.";

	it("agrees when the setting can meet the need and has capacity; a second answer is 409", async () => {
		const v = await opened(await newChild());
		const res = await answer(v.id, { canMeetNeed: true, hasCapacity: true });
		expect(res.status).toBe(200);
		expect(((await res.json()) as View).status).toBe("agreed");
		expect((await answer(v.id, { canMeetNeed: true, hasCapacity: true })).status).toBe(409);
	});

	it("refuses a decline without a reason code or 20 characters of evidence (422), changing nothing", async () => {
		const v = await opened(await newChild());
		for (const body of [
			{ canMeetNeed: true, hasCapacity: false },
			{ canMeetNeed: true, hasCapacity: false, reasonCode: "no_capacity" },
			{
				canMeetNeed: false,
				hasCapacity: true,
				reasonCode: "cannot_meet_need",
				evidence: "too short",
			},
			{ canMeetNeed: false, hasCapacity: false, evidence },
		]) {
			expect((await answer(v.id, body)).status).toBe(422);
		}
		const bogus = { canMeetNeed: false, hasCapacity: false, reasonCode: "bogus", evidence };
		expect((await answer(v.id, bogus)).status).toBe(400);
		const again = (await (await t.get(`/consultations/${v.id}`, await panel())).json()) as View;
		expect(again.status).toBe("open");
	});

	it("records an evidenced decline; the child goes back to awaiting", async () => {
		const childId = await newChild();
		const v = await opened(childId);
		const body = { canMeetNeed: true, hasCapacity: false, reasonCode: "no_capacity", evidence };
		const res = await answer(v.id, body);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({
			status: "declined",
			answer: { reasonCode: "no_capacity", evidence },
		});
		expect(await childStatus(childId)).toBe("awaiting");
	});

	it("answers only for the consulted setting: another school 404, a panel 403", async () => {
		const v = await opened(await newChild());
		const agree = { canMeetNeed: true, hasCapacity: true };
		expect((await answer(v.id, agree, RICHMOND_RP.urn)).status).toBe(404);
		const asPanel = await t.send("POST", `/consultations/${v.id}/answer`, agree, await panel());
		expect(asPanel.status).toBe(403);
	});
});

describe("GET /consultations and /consultations/{id}", () => {
	it("shows a setting those addressed to it, without the child's id or home", async () => {
		const v = await opened(await newChild());
		const res = await t.get("/consultations?status=open&limit=500", await school(SS.urn));
		expect(res.status).toBe(200);
		const page = (await res.json()) as { items: View[] };
		expect(page.items.map((i) => i.id)).toContain(v.id);
		expect(page.items.every((i) => i.consulted.urn === SS.urn)).toBe(true);
		const mine = page.items.find((i) => i.id === v.id);
		expect(Object.keys(mine?.child ?? {}).sort()).toEqual(
			["age", "caseRef", "planLevel", "primaryNeed", "secondaryNeeds", "yearGroup"].sort(),
		);
		expect(JSON.stringify(page)).not.toMatch(/"home"|"lat"|"lon"|district/);
	});

	it("shows a panel its borough's consultations only, filtered by child", async () => {
		const childId = await newChild();
		const v = await opened(childId);
		const own = (await (
			await t.get(`/consultations?childId=${childId}`, await panel())
		).json()) as { items: View[]; total: number };
		expect(own.items.map((i) => i.id)).toEqual([v.id]);
		const other = (await (await t.get("/consultations", await panel("318"))).json()) as {
			items: View[];
		};
		expect(other.items.map((i) => i.id)).not.toContain(v.id);
		expect((await t.get(`/consultations/${v.id}`, await panel())).status).toBe(200);
		expect((await t.get(`/consultations/${v.id}`, await panel("318"))).status).toBe(404);
		expect((await t.get(`/consultations/${v.id}`, await school(RICHMOND_RP.urn))).status).toBe(404);
		expect((await t.get(`/consultations/${v.id}`, await school(SS.urn))).status).toBe(200);
	});

	it("lists nothing overdue on the day it is sent; refuses bad filters (400) and other roles (403)", async () => {
		const page = (await (await t.get("/consultations?overdue=true", await panel())).json()) as {
			total: number;
		};
		expect(page.total).toBe(0);
		expect((await t.get("/consultations?overdue=yes", await panel())).status).toBe(400);
		expect((await t.get("/consultations/nope", await panel())).status).toBe(400);
		expect((await t.get("/consultations", await bearer(t.keys, "commissioner"))).status).toBe(403);
		expect((await t.get("/consultations")).status).toBe(401);
	});
});

describe("POST /consultations/{id}/withdraw", () => {
	it("withdraws an open consultation once; another borough gets 404", async () => {
		const childId = await newChild();
		const v = await opened(childId);
		expect(
			(await t.send("POST", `/consultations/${v.id}/withdraw`, undefined, await panel("318")))
				.status,
		).toBe(404);
		const res = await t.send("POST", `/consultations/${v.id}/withdraw`, undefined, await panel());
		expect(res.status).toBe(200);
		expect(((await res.json()) as View).status).toBe("withdrawn");
		expect(await childStatus(childId)).toBe("awaiting");
		expect(
			(await t.send("POST", `/consultations/${v.id}/withdraw`, undefined, await panel())).status,
		).toBe(409);
		expect(
			(await t.send("POST", `/consultations/${v.id}/withdraw`, undefined, await school(SS.urn)))
				.status,
		).toBe(403);
	});
});
