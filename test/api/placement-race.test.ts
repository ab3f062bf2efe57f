import { and, eq, gt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { placements, provisions, vacancies, vacancyEvents } from "../../schema/index.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";
import { testDriver } from "../support/db.js";

const t = useTestApp();
const panel = () => bearer(t.keys, "panel", { la: "314" });
/** A Kingston special academy (SLCN/ASD, ages 4–18) from the demo scenario. */
const TARGET = { urn: 142698, provision: "SS" };
const OTHER = { urn: 142687, provision: "SS" };

let seq = 0;
async function agreedConsultation(target: typeof TARGET, childId?: string) {
	let id = childId;
	if (!id) {
		const child = {
			caseRef: `314-RACE-${++seq}`,
			yearGroup: "Y5",
			primaryNeed: "ASD",
			planLevel: "special_school",
			home: { lat: 51.39, lon: -0.28 },
		};
		const res = await t.send("POST", "/children", child, await panel());
		expect(res.status).toBe(201);
		id = ((await res.json()) as { id: string }).id;
	}
	const opened = await t.send("POST", "/consultations", { childId: id, ...target }, await panel());
	expect(opened.status).toBe(201);
	const consultationId = ((await opened.json()) as { id: string }).id;
	const school = await bearer(t.keys, "setting", { urn: target.urn });
	const answer = { canMeetNeed: true, hasCapacity: true };
	const res = await t.send("POST", `/consultations/${consultationId}/answer`, answer, school);
	expect(res.status).toBe(200);
	return { childId: id, consultationId };
}

async function provisionId(target: typeof TARGET) {
	const [p] = await t.database.db
		.select({ id: provisions.id })
		.from(provisions)
		.where(and(eq(provisions.settingUrn, target.urn), eq(provisions.code, target.provision)));
	return p?.id as number;
}

async function publish(target: typeof TARGET, count: number) {
	const auth = await bearer(t.keys, "publisher", { la: "314" });
	const res = await t.send("POST", "/vacancies", [{ ...target, count }], auth);
	expect(res.status).toBe(200);
}

const post = (consultationId: string, auth: Record<string, string>) =>
	t.send("POST", "/placements", { consultationId, startDate: "2026-09-14" }, auth);

describe(`concurrent placements (${testDriver})`, () => {
	it("gives the last place to exactly one of 20 children: one 201, nineteen 409, never below 0", async () => {
		const pid = await provisionId(TARGET);
		const agreed = [];
		for (let i = 0; i < 20; i++) agreed.push(await agreedConsultation(TARGET));
		await publish(TARGET, 1);
		const [{ seq: since } = { seq: 0 }] = await t.database.db
			.select({ seq: sql<number>`coalesce(max(${vacancyEvents.seq}), 0)::int` })
			.from(vacancyEvents);
		const auth = await panel();

		const results = await Promise.all(agreed.map((a) => post(a.consultationId, auth)));

		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		expect(statuses.filter((s) => s === 409)).toHaveLength(19);
		const [row] = await t.database.db
			.select()
			.from(vacancies)
			.where(eq(vacancies.provisionId, pid));
		expect(row?.count).toBe(0);
		const placed = await t.database.db
			.select()
			.from(placements)
			.where(eq(placements.provisionId, pid));
		expect(placed).toHaveLength(1);
		const events = await t.database.db
			.select()
			.from(vacancyEvents)
			.where(and(eq(vacancyEvents.provisionId, pid), gt(vacancyEvents.seq, Number(since))));
		expect(events.map((e) => [e.source, e.count])).toEqual([["placement", 0]]);
	});

	it("places one child only once when two agreed places are confirmed at the same time", async () => {
		await publish(TARGET, 2);
		await publish(OTHER, 2);
		const first = await agreedConsultation(TARGET);
		const second = await agreedConsultation(OTHER, first.childId);
		const auth = await panel();
		const results = await Promise.all([
			post(first.consultationId, auth),
			post(second.consultationId, auth),
		]);
		expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
		const active = await t.database.db
			.select()
			.from(placements)
			.where(and(eq(placements.childId, first.childId), eq(placements.status, "active")));
		expect(active).toHaveLength(1);
		const left = await t.database.db
			.select({ n: sql<number>`sum(${vacancies.count})::int` })
			.from(vacancies)
			.where(
				sql`${vacancies.provisionId} in (${await provisionId(TARGET)}, ${await provisionId(OTHER)})`,
			);
		expect(Number(left[0]?.n)).toBe(3);
	});
});
