import { describe, expect, it } from "vitest";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function kingston(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("panel", "314");
	return b;
}

const idsIn = (html: string) =>
	[...html.matchAll(/href="\/panel\/children\/([0-9a-f-]{36})"/g)].map((m) => m[1] as string);

async function apiTotal(query: string) {
	const r = await t.app.request(`/children?${query}`, {
		headers: await bearer(t.keys, "panel", { la: "314" }),
	});
	return ((await r.json()) as { total: number }).total;
}

describe("the panel's pages, in-process", () => {
	it("lists the borough's children with the same count the API gives, filtered and searched", async () => {
		const b = await kingston();
		const all = await (await b.get("/panel/children")).text();
		expect(all).toContain(
			`<caption class="govuk-table__caption govuk-table__caption--m">${await apiTotal("")} children`,
		);
		const asd = await (await b.get("/panel/children?need=ASD&phase=secondary")).text();
		expect(asd).toContain(`${await apiTotal("need=ASD&phase=secondary")} `);
		const bad = await b.get("/panel/children?need=NOPE&q=a%00b");
		expect(bad.status).toBe(400);
		const page = await bad.text();
		expect(page).toContain('href="#need"');
		expect(page).toContain('href="#q"');
		expect(bad.headers.get("cache-control")).toBe("no-store");
	});

	it("shows a child with its plan and timeline, and another borough's child as a 404 page", async () => {
		const b = await kingston();
		const id = idsIn(await (await b.get("/panel/children")).text())[0];
		const r = await b.get(`/panel/children/${id}`);
		expect(r.status).toBe(200);
		expect(r.headers.get("cache-control")).toBe("no-store");
		const page = await r.text();
		expect(page).toContain("Search for a place started");
		expect(page).toContain("Referred to the panel");
		const richmond = t.browser();
		await richmond.signIn("panel", "318");
		const other = await richmond.get(`/panel/children/${id}`);
		expect(other.status).toBe(404);
		expect(await other.text()).toContain("Page not found");
		expect((await richmond.get("/panel/children/not-a-uuid")).status).toBe(404);
	});

	it("edits a child with the API's validation, errors beside the fields, and If-Match by version", async () => {
		const b = await kingston();
		const id = idsIn(await (await b.get("/panel/children")).text())[1] as string;
		const form = await (await b.get(`/panel/children/${id}/edit`)).text();
		const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? "";
		const base = {
			version,
			yearGroup: "Y4",
			primaryNeed: "ASD",
			planLevel: "special_school",
			maxJourneyMinutes: "45",
			preferences: "",
			searchStartedOn: "2026-05-01",
		};
		const bad = await b.post(`/panel/children/${id}/edit`, {
			...base,
			maxJourneyMinutes: "999",
			outOfEducationSince: "2030-01-01",
		});
		expect(bad.status).toBe(400);
		const badPage = await bad.text();
		expect(badPage).toContain("govuk-error-summary");
		expect(badPage).toContain('href="#maxJourneyMinutes"');
		const future = await b.post(`/panel/children/${id}/edit`, {
			...base,
			outOfEducationSince: "2030-01-01",
		});
		expect(future.status).toBe(422);
		expect(await future.text()).toContain('href="#outOfEducationSince"');
		const ok = await b.post(`/panel/children/${id}/edit`, {
			...base,
			outOfEducationSince: "2026-08-01",
		});
		expect(ok.status).toBe(303);
		const shown = await (await b.get(`/panel/children/${id}`)).text();
		expect(shown).toContain("Since 1 August 2026");
		expect(shown).toContain("Plan details changed");
		const stale = await b.post(`/panel/children/${id}/edit`, { ...base, outOfEducationSince: "" });
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain("Someone changed this child");
	});

	it("shows ranked options with costs, who pays, a map of real boundaries and a consult button", async () => {
		const b = await kingston();
		const id = idsIn(await (await b.get("/panel/children?need=ASD")).text())[0];
		const r = await b.get(`/panel/children/${id}/options`);
		expect(r.status).toBe(200);
		const page = await r.text();
		expect(page).toContain('<svg viewBox="0 0');
		expect((page.match(/class="app-map__borough/g) ?? []).length).toBe(33);
		expect(page).toContain("Ranked options");
		expect(page).toContain("Place funding");
		expect(page).toContain("Why this rank: ");
		expect(page).toContain(`action="/panel/children/${id}/options/consult"`);
		const consult = await b.post(`/panel/children/${id}/options/consult`, {
			urn: /name="urn" value="(\d+)"/.exec(page)?.[1] ?? "",
			provision: /name="provision" value="([^"]+)"/.exec(page)?.[1] ?? "",
		});
		expect(consult.status).toBe(303);
		const consultations = await (await b.get(`/panel/consultations?child=${id}`)).text();
		expect(consultations).toContain("Withdraw");
	});

	it("runs a round, shows its result against allocation by hand, accepts, confirms and refuses a taken place", async () => {
		const b = await kingston();
		const start = await b.post("/panel/rounds", {});
		expect(start.status).toBe(303);
		const path = start.headers.get("location") ?? "";
		let page = "";
		for (let i = 0; i < 100; i++) {
			page = await (await b.get(path)).text();
			if (!page.includes("The round is solving")) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(page).toContain("Round result");
		expect(page).toContain("by hand");
		const csv = await b.get(`${path}/proposals.csv`);
		expect(csv.headers.get("content-type")).toContain("text/csv");
		const proposalId = /name="proposalId" value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? "";
		expect((await b.post(`${path}/accept`, { proposalId })).status).toBe(303);
		const list = await (await b.get("/panel/consultations")).text();
		const consultationId =
			[...list.matchAll(/action="\/panel\/consultations\/([0-9a-f-]{36})\/withdraw"/g)].map(
				(m) => m[1],
			)[0] ?? "";
		const detail = (await (
			await t.app.request(`/consultations/${consultationId}`, {
				headers: await bearer(t.keys, "panel", { la: "314" }),
			})
		).json()) as { consulted: { urn: number }; child: { id: string } };
		const school = await bearer(t.keys, "setting", { urn: detail.consulted.urn });
		const answered = await t.app.request(`/consultations/${consultationId}/answer`, {
			method: "POST",
			headers: { ...school, "content-type": "application/json" },
			body: JSON.stringify({ canMeetNeed: true, hasCapacity: true }),
		});
		expect(answered.status).toBe(200);
		const badDate = await b.post(`/panel/consultations/${consultationId}/confirm`, {
			startDate: "soon",
		});
		expect(badDate.status).toBe(400);
		expect(await badDate.text()).toContain(`href="#start-${consultationId}"`);
		const confirmed = await b.post(`/panel/consultations/${consultationId}/confirm`, {
			startDate: "2026-09-07",
		});
		expect(confirmed.status).toBe(303);
		const placements = await (await b.get("/panel/placements")).text();
		expect(placements).toContain("2026-09-07".slice(0, 4));
		// The child's timeline: the consultation sent, the school's answer and the placement, each once.
		const timeline = await (await b.get(`/panel/children/${detail.child.id}`)).text();
		for (const event of ["Consultation sent: ", "Agreed: ", "Placement confirmed: "])
			expect(timeline.split(event)).toHaveLength(2);
		expect(timeline).toMatch(
			/Placement confirmed: [^<]+<\/h3>\s*<p[^>]*><time[^>]*>[^<]+<\/time> · by /,
		);
		const again = await b.post(`/panel/consultations/${consultationId}/confirm`, {
			startDate: "2026-09-07",
		});
		expect([409, 422]).toContain(again.status);
		expect(await again.text()).toContain("govuk-error-summary");
	});

	it("shows the panel's figures as charts, each with its table", async () => {
		const b = await kingston();
		const page = await (await b.get("/panel/figures")).text();
		expect((page.match(/<svg /g) ?? []).length).toBe(4);
		expect((page.match(/<table class="govuk-table">/g) ?? []).length).toBe(4);
	});
});
