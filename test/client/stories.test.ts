import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";
import { clientAs, expectStatus } from "./client.js";

const t = useTestApp();

/** Dysart School, a Kingston special academy, as in the README. */
const DYSART = 142698;
const RP = "ASD-RP";
const publisher = () => clientAs(t, "publisher", { la: "314" });
const panel = () => clientAs(t, "panel", { la: "314" });

/** Catches up with the feed from the start, as a new integrator does; returns the last cursor. */
async function headCursor() {
	const api = await clientAs(t);
	let cursor = "0";
	for (;;) {
		const answer = await api.GET("/vacancies/changes", {
			params: { query: { since: cursor, limit: 1000 } },
		});
		const page = expectStatus(answer, 200);
		cursor = page.nextCursor;
		if (page.events.length < 1000) return cursor;
	}
}

async function feedAfter(cursor: string) {
	const api = await clientAs(t);
	const answer = await api.GET("/vacancies/changes", { params: { query: { since: cursor } } });
	return expectStatus(answer, 200);
}

async function freeNow(urn: number, provision: string) {
	const api = await clientAs(t);
	const answer = await api.GET("/settings/{urn}", { params: { path: { urn } } });
	const setting = expectStatus(answer, 200);
	const rows = setting.provisions.find((p) => p.code === provision)?.vacancies ?? [];
	return rows.find((v) => v.yearGroup === null)?.count ?? 0;
}

describe("a generated client walks the README's publisher story", () => {
	let cursor = "";

	it("creates a provision, then publishes its vacancies with an Idempotency-Key, once", async () => {
		const api = await publisher();
		cursor = await headCursor();
		const provision = await api.PUT("/settings/{urn}/provisions/{code}", {
			params: { path: { urn: DYSART, code: RP } },
			body: {
				name: "ASD resource base",
				level: "special_academy",
				needTypes: ["ASD", "SLCN"],
				ageRange: { min: 4, max: 18 },
				places: 12,
				annualCost: { placeFunding: 10000, topUp: 17000 },
			},
		});
		expect(expectStatus(provision, 201).created).toBe(true);

		const publish = () =>
			api.POST("/vacancies", {
				params: { header: { "idempotency-key": "kingston-2026-09-01-001" } },
				body: [
					{ urn: DYSART, provision: RP, count: 2 },
					{ urn: DYSART, provision: RP, count: 1, yearGroup: "Y7", availableFrom: "2027-01-05" },
				],
			});
		const first = await publish();
		const published = expectStatus(first, 200);
		expect(published.published).toBe(2);
		expect(published.items.map((i) => [i.yearGroup, i.count, i.availableFrom])).toEqual([
			[null, 2, null],
			["Y7", 1, "2027-01-05"],
		]);
		// A retry (the network dropped the answer) replays the first answer and changes nothing.
		const retry = await publish();
		expect(expectStatus(retry, 200)).toEqual(published);
		const feed = await feedAfter(cursor);
		expect(feed.events.map((e) => [e.urn, e.provision, e.count, e.source])).toEqual([
			[DYSART, RP, 2, "publication"],
			[DYSART, RP, 1, "publication"],
		]);
		expect(feed.nextCursor).toBe(published.cursor);
		cursor = feed.nextCursor;
	});

	it("finds the places among Kingston's ASD vacancies; the feed has nothing new", async () => {
		const api = await clientAs(t);
		const list = await api.GET("/vacancies", {
			params: { query: { borough: "314", need: "ASD", limit: 500 } },
		});
		const page = expectStatus(list, 200);
		const ours = page.items.filter((v) => v.urn === DYSART && v.provision === RP);
		expect(ours.map((v) => v.count).sort()).toEqual([1, 2]);
		expect(page.items.every((v) => v.borough === "314" && v.needTypes.includes("ASD"))).toBe(true);
		const feed = await feedAfter(cursor);
		expect(feed).toEqual({ events: [], nextCursor: cursor });
	});
});

describe("a generated client walks the README's panel story", () => {
	let childId = "";
	let proposalId = "";
	let consultationId = "";
	let place = { urn: 0, provision: "" };

	it("registers a child by a lower-case postcode, with the parents' preference", async () => {
		const api = await panel();
		const created = await api.POST("/children", {
			body: {
				caseRef: "314-2026-0042",
				yearGroup: "Y5",
				primaryNeed: "ASD",
				secondaryNeeds: ["SLCN"],
				planLevel: "special_school",
				home: { postcode: "kt2 5aa" },
				preferences: [DYSART],
			},
		});
		const child = expectStatus(created, 201);
		expect(created.response.headers.get("location")).toBe(`/children/${child.id}`);
		expect(child).toMatchObject({ caseRef: "314-2026-0042", status: "awaiting" });
		childId = child.id;
	});

	it("ranks the child's options, the parents' preference among them with its extra cost", async () => {
		const api = await panel();
		const answer = await api.GET("/children/{id}/options", {
			params: { path: { id: childId }, query: { limit: 5 } },
		});
		const options = expectStatus(answer, 200);
		expect(options.childId).toBe(childId);
		const ranks = options.options.map((o) => o.rank);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(new Set(ranks).size).toBe(ranks.length);
		expect(options.options.length).toBeLessThanOrEqual(5);
		// The preference is listed whatever its rank, with what honouring it costs (s.39 evidence).
		const preferred = options.options.filter((o) => o.urn === DYSART);
		expect(preferred.length).toBeGreaterThan(0);
		for (const o of preferred) {
			expect(o.preferenceRank).toBe(1);
			expect(o.reason).toMatch(/Parental preference 1: honouring it costs £[\d,]+ a year more/);
		}
		for (const o of options.options) {
			expect(o.cost.publicTotal).toBe(
				o.cost.placeFunding + o.cost.topUp + o.cost.fee + o.cost.transport,
			);
		}
	});

	it("runs a round over the child, which proposes a place", async () => {
		const api = await panel();
		const started = await api.POST("/matching-runs", { body: { scope: { childIds: [childId] } } });
		const run = expectStatus(started, 201);
		expect(run).toMatchObject({ status: "done", children: 1 });
		const listed = await api.GET("/matching-runs/{id}/proposals", {
			params: { path: { id: run.id }, query: { format: "json" } },
		});
		const proposals = expectStatus(listed, 200);
		// The operation documents JSON and CSV; format=json asked for the JSON one.
		if (typeof proposals === "string") throw new Error("format=json answered CSV");
		const mine = proposals.items.find((p) => p.childId === childId);
		expect(mine).toMatchObject({ placed: true, caseRef: "314-2026-0042", accepted: false });
		proposalId = mine?.proposalId ?? "";
		place = { urn: mine?.urn ?? 0, provision: mine?.provision ?? "" };
	});

	it("accepts the proposal; the school agrees; the panel confirms and one place is taken", async () => {
		const api = await panel();
		const consulted = await api.POST("/consultations", { body: { proposalId } });
		const consultation = expectStatus(consulted, 201);
		expect(consultation).toMatchObject({ status: "open", proposalId });
		consultationId = consultation.id;

		const school = await clientAs(t, "setting", { urn: place.urn });
		const answered = await school.POST("/consultations/{id}/answer", {
			params: { path: { id: consultationId } },
			body: { canMeetNeed: true, hasCapacity: true },
		});
		expect(expectStatus(answered, 200).status).toBe("agreed");

		const cursor = await headCursor();
		const before = await freeNow(place.urn, place.provision);
		const confirmed = await api.POST("/placements", {
			body: { consultationId, startDate: "2027-01-04" },
		});
		const placement = expectStatus(confirmed, 201);
		expect(placement.vacancy.changed).toBe(true);
		expect(await freeNow(place.urn, place.provision)).toBe(before - 1);
		const feed = await feedAfter(cursor);
		expect(
			feed.events.map((e) => [e.urn, e.provision, e.previousCount, e.count, e.source]),
		).toEqual([[place.urn, place.provision, before, before - 1, "placement"]]);
		const child = expectStatus(
			await api.GET("/children/{id}", { params: { path: { id: childId } } }),
			200,
		);
		expect(child.status).toBe("placed");
		const stats = expectStatus(await api.GET("/panel/stats", {}), 200);
		expect(stats.timeliness.placements.value).toBe(1);
	});
});
