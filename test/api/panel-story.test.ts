import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { FIXED_NOW, useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();
const kingston = () => bearer(t.keys, "panel", { la: "314" });
const richmond = () => bearer(t.keys, "panel", { la: "318" });
/** Bedelsford School, a Kingston special academy (ASD/SLCN) in the demo scenario. */
const SCHOOL = { urn: 142687, provision: "SS" };
const school = () => bearer(t.keys, "setting", { urn: SCHOOL.urn });
const DAY = 86_400_000;

async function freePlaces() {
	const s = (await (await t.get(`/settings/${SCHOOL.urn}`)).json()) as {
		provisions: { code: string; vacancies: { yearGroup: string | null; count: number }[] }[];
	};
	return s.provisions.find((p) => p.code === SCHOOL.provision)?.vacancies[0]?.count as number;
}

async function register(caseRef: string) {
	const child = {
		caseRef,
		dateOfBirth: "2019-03-14",
		primaryNeed: "ASD",
		secondaryNeeds: ["SLCN"],
		planLevel: "special_school",
		home: { postcode: "KT1 2AB" },
		referredAt: "2026-06-01T10:00:00Z",
	};
	const res = await t.send("POST", "/children", child, await kingston());
	expect(res.status).toBe(201);
	return ((await res.json()) as { id: string }).id;
}

async function consult(childId: string) {
	const res = await t.send("POST", "/consultations", { childId, ...SCHOOL }, await kingston());
	expect(res.status).toBe(201);
	return ((await res.json()) as { id: string; dueAt: string }).id;
}

describe("a Kingston panel places a child", () => {
	let childId = "";
	let consultationId = "";

	it("registers the child and consults a suitable school, which Richmond cannot see", async () => {
		childId = await register("314-STORY-1");
		consultationId = await consult(childId);
		expect((await t.get(`/children/${childId}`, await richmond())).status).toBe(404);
		expect((await t.get(`/consultations/${consultationId}`, await richmond())).status).toBe(404);
		const list = (await (await t.get("/consultations", await richmond())).json()) as {
			items: { id: string }[];
		};
		expect(list.items.map((i) => i.id)).not.toContain(consultationId);
		const withdraw = await t.send(
			"POST",
			`/consultations/${consultationId}/withdraw`,
			undefined,
			await richmond(),
		);
		expect(withdraw.status).toBe(404);
	});

	it("the school sees the request and agrees: it can meet the need and has a place", async () => {
		const inbox = (await (await t.get("/consultations?status=open", await school())).json()) as {
			items: { id: string; child: { caseRef: string } }[];
		};
		expect(inbox.items.find((i) => i.id === consultationId)?.child.caseRef).toBe("314-STORY-1");
		const answer = { canMeetNeed: true, hasCapacity: true, evidence: "Happy to offer a place." };
		const res = await t.send(
			"POST",
			`/consultations/${consultationId}/answer`,
			answer,
			await school(),
		);
		expect(res.status).toBe(200);
		expect(((await res.json()) as { status: string }).status).toBe("agreed");
	});

	it("the panel confirms the placement and the school's vacancies drop by one", async () => {
		const before = await freePlaces();
		expect(before).toBeGreaterThan(0);
		const body = { consultationId, startDate: "2026-09-14" };
		const res = await t.send("POST", "/placements", body, await kingston());
		expect(res.status).toBe(201);
		expect(await freePlaces()).toBe(before - 1);
		const child = (await (await t.get(`/children/${childId}`, await kingston())).json()) as {
			status: string;
		};
		expect(child.status).toBe("placed");
		const stats = (await (await t.get("/panel/stats", await kingston())).json()) as {
			timeliness: { placements: { value: number } };
		};
		expect(stats.timeliness.placements.value).toBe(1);
	});

	it("a decline without evidence is refused", async () => {
		const other = await consult(await register("314-STORY-2"));
		const decline = { canMeetNeed: false, hasCapacity: true, reasonCode: "cannot_meet_need" };
		const res = await t.send("POST", `/consultations/${other}/answer`, decline, await school());
		expect(res.status).toBe(422);
		expect(res.headers.get("content-type")).toContain("application/problem+json");
	});

	it("sixteen days later the unanswered consultation is overdue; the answered one is not", async () => {
		const later = createApp({
			db: t.database.db,
			dbKind: t.database.kind,
			verify: t.keys.verify,
			now: () => new Date(FIXED_NOW.getTime() + 16 * DAY),
			assets: { manifest: {} },
		});
		const overdue = async (app: { request: typeof later.request }) =>
			(await (
				await app.request("/consultations?overdue=true", { headers: await kingston() })
			).json()) as { items: { id: string; child: { caseRef: string }; overdue: boolean }[] };
		const due = await overdue(later);
		expect(due.items.map((i) => i.child.caseRef)).toEqual(["314-STORY-2"]);
		expect(due.items[0]?.overdue).toBe(true);
		expect((await overdue(t.app)).items).toEqual([]);
	});
});
