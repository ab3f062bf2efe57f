import { describe, expect, it } from "vitest";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function kingston(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("publisher", "314");
	return b;
}

/** Every input's name and value in a page's form, as a browser would send them unchanged. */
function formOf(html: string): Record<string, string> {
	const form: Record<string, string> = {};
	for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
		form[m[1] as string] = m[2] as string;
	for (const m of html.matchAll(/<input[^>]*value="([^"]*)"[^>]*name="([^"]+)"/g))
		form[m[2] as string] ??= m[1] as string;
	return form;
}

/** How many vacancy changes the feed holds: paged through to its end. */
async function feedSize() {
	let since = "0";
	let n = 0;
	for (;;) {
		const r = await t.app.request(`/vacancies/changes?since=${since}&limit=1000`);
		const page = (await r.json()) as { events: unknown[]; nextCursor: string };
		n += page.events.length;
		if (page.events.length < 1000) return n;
		since = page.nextCursor;
	}
}

async function apiSlot(urn: number, provision: string) {
	const r = await t.app.request(`/settings/${urn}`);
	const s = (await r.json()) as {
		provisions: {
			code: string;
			places: number;
			vacancies: { count: number; yearGroup: string | null }[];
		}[];
	};
	return s.provisions.find((p) => p.code === provision);
}

/** Rows i of the grid: its slot (urn|provision|year), places and count. */
function rowsOf(form: Record<string, string>, html: string) {
	const rows = [];
	for (let i = 0; form[`slot-${i}`] !== undefined; i++) {
		const [urn, provision, year] = (form[`slot-${i}`] as string).split("|");
		rows.push({
			i,
			urn: Number(urn),
			provision: provision as string,
			year,
			count: Number(form[`count-${i}`]),
		});
	}
	expect(html).toContain(`${rows.length} vacancy rows`);
	return rows;
}

describe("a borough publisher's pages", () => {
	it("publishes three changed counts from the grid as one batch, once even when the form is sent twice", async () => {
		const b = await kingston();
		const html = await (await b.get("/publisher/vacancies")).text();
		const form = formOf(html);
		const rows = rowsOf(form, html).filter((r) => !r.year);
		const three = rows.slice(0, 3);
		expect(three).toHaveLength(3);
		const before = await feedSize();
		for (const r of three) form[`count-${r.i}`] = String(r.count === 0 ? 1 : r.count - 1);
		const first = await b.post("/publisher/vacancies", form);
		expect(first.status).toBe(303);
		expect(first.headers.get("location")).toBe("/publisher/vacancies?published=3");
		const again = await b.post("/publisher/vacancies", form);
		expect(again.status).toBe(303);
		expect(await feedSize()).toBe(before + 3);
		for (const r of three) {
			const p = await apiSlot(r.urn, r.provision);
			expect(p?.vacancies.find((v) => v.yearGroup === null)?.count).toBe(
				r.count === 0 ? 1 : r.count - 1,
			);
		}
		const done = await (await b.get("/publisher/vacancies?published=3")).text();
		expect(done).toContain("3 vacancies published together");
	});

	it("refuses the whole batch when one row is over its places, with the error beside that row", async () => {
		const b = await kingston();
		const html = await (await b.get("/publisher/vacancies")).text();
		const form = formOf(html);
		const [ok, over] = rowsOf(form, html).filter((r) => !r.year);
		if (!ok || !over) throw new Error("two rows expected");
		const places = (await apiSlot(over.urn, over.provision))?.places ?? 0;
		const before = await feedSize();
		form[`count-${ok.i}`] = String(ok.count === 0 ? 1 : 0);
		form[`count-${over.i}`] = String(places + 1);
		const r = await b.post("/publisher/vacancies", form);
		expect(r.status).toBe(422);
		const page = await r.text();
		expect(page).toContain(`href="#count-${over.i}"`);
		expect(page).toContain(`id="count-${over.i}-error"`);
		expect(page).not.toContain(`id="count-${ok.i}-error"`);
		// What was typed stays in the grid.
		expect(page).toContain(
			`name="count-${over.i}" type="text" inputmode="numeric" value="${places + 1}"`,
		);
		expect(await feedSize()).toBe(before);
		expect(
			(await apiSlot(ok.urn, ok.provision))?.vacancies.find((v) => v.yearGroup === null)?.count ??
				0,
		).toBe(ok.count);
	});

	it("marks counts and dates that are not numbers or real days, huge values too, and writes nothing", async () => {
		const b = await kingston();
		const html = await (await b.get("/publisher/vacancies")).text();
		const form = formOf(html);
		const before = await feedSize();
		const bad = await b.post("/publisher/vacancies", {
			...form,
			"count-0": "two",
			"count-1": "9".repeat(400),
			"from-2": "2027-02-30",
		});
		expect(bad.status).toBe(400);
		const page = await bad.text();
		for (const id of ["count-0", "count-1", "from-2"]) expect(page).toContain(`href="#${id}"`);
		const none = await b.post("/publisher/vacancies", form);
		expect(none.status).toBe(400);
		expect(await none.text()).toContain("Change at least one count or date");
		const damaged = await b.post("/publisher/vacancies", {
			...form,
			idempotencyKey: "x",
			"count-0": "1",
		});
		expect(damaged.status).toBe(400);
		expect(await feedSize()).toBe(before);
	});

	it("lists the borough's settings with the API's totals and figures, filtered, and one setting's provisions", async () => {
		const b = await kingston();
		for (const q of ["", "need=ASD", "level=special_academy"]) {
			const api = (await (
				await t.app.request(`/settings?borough=314&limit=200${q ? `&${q}` : ""}`)
			).json()) as {
				total: number;
				items: { urn: number; name: string; places: number; vacant: number }[];
			};
			const html = await (await b.get(`/publisher/settings${q ? `?${q}` : ""}`)).text();
			expect(html).toContain(`${api.total} settings`);
			for (const s of api.items) expect(html).toContain(`href="/publisher/settings/${s.urn}"`);
		}
		expect((await b.get("/publisher/settings?need=NOPE")).status).toBe(400);
		const page = await (await b.get("/publisher/settings/142687")).text();
		const api = (await (await t.app.request("/settings/142687")).json()) as {
			name: string;
			provisions: { code: string; places: number }[];
		};
		for (const p of api.provisions) expect(page).toContain(`(${p.code})`);
		expect((await b.get("/publisher/settings/999999")).status).toBe(404);
		expect((await b.get("/publisher/settings/abc")).status).toBe(404);
	});

	it("is for publishers only; a form from another site is refused", async () => {
		const panel = t.browser();
		await panel.signIn("panel", "314");
		expect((await panel.get("/publisher/vacancies")).status).toBe(403);
		const b = await kingston();
		const form = formOf(await (await b.get("/publisher/vacancies")).text());
		const before = await feedSize();
		expect(
			(await b.post("/publisher/vacancies", { ...form, "count-0": "1" }, "https://evil.example"))
				.status,
		).toBe(403);
		expect(await feedSize()).toBe(before);
	});

	it("shows the change feed from a cursor with the API's events", async () => {
		const b = await kingston();
		const api = (await (await t.app.request("/vacancies/changes?since=0&limit=100")).json()) as {
			events: { cursor: string; urn: number; provision: string; count: number }[];
		};
		const html = await (await b.get("/publisher/changes?since=0")).text();
		expect(html).toContain(`${api.events.length} changes after cursor 0`);
		for (const e of api.events.slice(0, 20))
			expect(html).toContain(`<th scope="row" class="govuk-table__header">${e.cursor}</th>`);
		expect(await (await b.get("/publisher/changes")).text()).toContain("Vacancy changes");
		expect((await b.get("/publisher/changes?since=abc")).status).toBe(200);
	});
});
