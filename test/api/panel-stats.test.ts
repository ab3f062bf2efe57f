import { beforeAll, describe, expect, it } from "vitest";
import { percentile } from "../../src/services/panel-stats.js";
import { useTestApp } from "../support/app.js";
import { bearer, type TokenOptions } from "../support/auth.js";

const t = useTestApp();
const as = (role: "panel" | "commissioner" | "admin" | "setting", o: TokenOptions = {}) =>
	bearer(t.keys, role, o);
const kingston = () => as("panel", { la: "314" });
const SS = { urn: 142687, provision: "SS" }; // Kingston special academy
const RICHMOND_RP = { urn: 102892, provision: "ASD-RP" }; // Richmond resource base

type Figure = { value: number | null; suppressed: boolean };
interface Stats {
	scope: { borough: string | null; exact: boolean };
	method: { percentile: string };
	timeliness: {
		placements: Figure;
		referralToOffer: { medianDays: Figure; p90Days: Figure };
		offerToStart: { medianDays: Figure; p90Days: Figure };
	};
	placements: { inBorough: Figure; outOfBorough: Figure; independent: Figure };
	declinesByReason: { reasonCode: string; count: Figure }[];
	averageAnnualCostByLevel: { level: string; placements: Figure; average: Figure }[];
}

let seq = 0;
async function child(referredAt: string, planLevel = "special_school") {
	const body = {
		caseRef: `314-STATS-${++seq}`,
		yearGroup: "Y4",
		primaryNeed: "ASD",
		planLevel,
		home: { lat: 51.4, lon: -0.29 },
		referredAt,
	};
	const res = await t.send("POST", "/children", body, await kingston());
	expect(res.status).toBe(201);
	return ((await res.json()) as { id: string }).id;
}

async function consultAndAnswer(childId: string, target: typeof SS, answer: object) {
	const res = await t.send("POST", "/consultations", { childId, ...target }, await kingston());
	expect(res.status).toBe(201);
	const id = ((await res.json()) as { id: string }).id;
	const school = await as("setting", { urn: target.urn });
	expect((await t.send("POST", `/consultations/${id}/answer`, answer, school)).status).toBe(200);
	return id;
}

const agree = { canMeetNeed: true, hasCapacity: true };
const totals: Record<string, number[]> = {};

async function placed(referredAt: string, startDate: string, target = SS, planLevel?: string) {
	const id = await consultAndAnswer(await child(referredAt, planLevel), target, agree);
	const res = await t.send(
		"POST",
		"/placements",
		{ consultationId: id, startDate },
		await kingston(),
	);
	expect(res.status).toBe(201);
	const p = (await res.json()) as { id: string; level: string; annualCost: { total: number } };
	totals[p.level] = [...(totals[p.level] ?? []), p.annualCost.total];
	return p.id;
}

const stats = async (auth: Record<string, string>, query = "") => {
	const res = await t.get(`/panel/stats${query}`, auth);
	expect(res.status).toBe(200);
	return (await res.json()) as Stats;
};
const hidden: Figure = { value: null, suppressed: true };
const exactly = (value: number | null): Figure => ({ value, suppressed: false });
const reason = (s: Stats, code: string) => s.declinesByReason.find((r) => r.reasonCode === code);
const level = (s: Stats, code: string) => s.averageAnnualCostByLevel.find((r) => r.level === code);

beforeAll(async () => {
	const publisher = await bearer(t.keys, "publisher", { la: "314" });
	expect((await t.send("POST", "/vacancies", [{ ...SS, count: 4 }], publisher)).status).toBe(200);
	// Referral to offer (the app clock: 2026-09-01): 10, 20 and 40 days; offer to start 0, 6, 13.
	await placed("2026-08-22T12:00:00Z", "2026-09-01");
	await placed("2026-08-12T12:00:00Z", "2026-09-07");
	await placed("2026-07-23T12:00:00Z", "2026-09-14", RICHMOND_RP, "resourced_provision");
	const cancelled = await placed("2026-01-01T12:00:00Z", "2026-09-30");
	const cancel = { reason: "family moved away" };
	expect(
		(await t.send("POST", `/placements/${cancelled}/cancel`, cancel, await kingston())).status,
	).toBe(200);
	const declining = await child("2026-08-01T12:00:00Z");
	const evidence = "Evidence of at least twenty characters.";
	const reasons = [...Array(5).fill("no_capacity"), ...Array(5).fill("other"), "cannot_meet_need"];
	for (const reasonCode of reasons) {
		const answer = { canMeetNeed: false, hasCapacity: false, reasonCode, evidence };
		await consultAndAnswer(declining, SS, answer);
	}
});

describe("GET /panel/stats", () => {
	it("gives a panel its own borough's exact figures (cancelled placements left out)", async () => {
		const s = await stats(await kingston());
		expect(s.scope).toEqual({ borough: "314", exact: true });
		expect(s.timeliness.placements).toEqual(exactly(3));
		expect(s.timeliness.referralToOffer).toEqual({
			medianDays: exactly(20),
			p90Days: exactly(36),
		});
		expect(s.timeliness.offerToStart).toEqual({ medianDays: exactly(6), p90Days: exactly(11.6) });
		expect(s.method.percentile).toContain("linear interpolation");
		expect(s.placements).toEqual({
			inBorough: exactly(2),
			outOfBorough: exactly(1),
			independent: exactly(0),
		});
		expect(reason(s, "no_capacity")?.count).toEqual(exactly(5));
		expect(reason(s, "cannot_meet_need")?.count).toEqual(exactly(1));
		expect(reason(s, "age_range")?.count).toEqual(exactly(0));
		const academy = totals.special_academy as number[];
		expect(level(s, "special_academy")).toMatchObject({
			placements: exactly(2),
			average: exactly(Math.round(((academy[0] as number) + (academy[1] as number)) / 2)),
		});
		expect(level(s, "special_independent")?.average).toEqual(exactly(null));
	});

	it("suppresses 1–4 of other boroughs' children for a pan-London commissioner, with secondary suppression", async () => {
		const s = await stats(await as("commissioner"));
		expect(s.scope).toEqual({ borough: null, exact: false });
		expect(s.timeliness.placements).toEqual(hidden);
		expect(s.timeliness.referralToOffer.medianDays).toEqual(hidden);
		expect(s.placements.inBorough).toEqual(hidden);
		expect(s.placements.outOfBorough).toEqual(hidden);
		expect(reason(s, "cannot_meet_need")?.count).toEqual(hidden);
		// A lone hidden reason would be given away by the total: the smallest other is hidden too.
		expect(reason(s, "no_capacity")?.count).toEqual(hidden);
		expect(reason(s, "other")?.count).toEqual(exactly(5));
		expect(reason(s, "age_range")?.count).toEqual(exactly(0));
		expect(level(s, "special_academy")?.average).toEqual(hidden);
		expect(JSON.stringify(s)).not.toContain("314-STATS");
	});

	it("is exact for a borough's own commissioner and for admins, suppressed for another borough's", async () => {
		expect((await stats(await as("commissioner", { la: "314" }), "?borough=314")).scope.exact).toBe(
			true,
		);
		const own = await stats(await as("commissioner", { la: "314" }));
		expect(own.timeliness.placements).toEqual(exactly(3));
		const admin = await stats(await as("admin"), "?borough=314");
		expect(admin.placements.outOfBorough).toEqual(exactly(1));
		const other = await stats(await as("commissioner", { la: "318" }), "?borough=314");
		expect(other.timeliness.placements).toEqual(hidden);
		const richmond = await stats(await as("panel", { la: "318" }));
		expect(richmond.timeliness.placements).toEqual(exactly(0));
	});

	it("refuses a panel another borough (403), other roles (403), no token (401), a bad borough (400)", async () => {
		expect((await t.get("/panel/stats?borough=318", await kingston())).status).toBe(403);
		expect((await t.get("/panel/stats", await as("setting", { urn: SS.urn }))).status).toBe(403);
		expect((await t.get("/panel/stats")).status).toBe(401);
		expect((await t.get("/panel/stats?borough=999", await as("admin"))).status).toBe(400);
	});
});

describe("percentile", () => {
	it("interpolates linearly between closest ranks", () => {
		expect(percentile([], 0.5)).toBeNull();
		expect(percentile([7], 0.9)).toBe(7);
		expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(percentile([10, 20, 40], 0.9)).toBe(36);
	});
});
