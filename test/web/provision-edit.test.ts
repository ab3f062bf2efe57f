import { describe, expect, it } from "vitest";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function kingston(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("publisher", "314");
	return b;
}

interface ApiProvision {
	code: string;
	name: string;
	level: string;
	needTypes: string[];
	ageRange: { min: number; max: number };
	places: number;
	annualCost: { placeFunding: number; topUp: number; fee: number };
	vacancies: { count: number }[];
}

async function apiSetting(urn: number) {
	const r = await t.app.request(`/settings/${urn}`);
	const body = (await r.json()) as {
		ageRange: { min: number; max: number };
		provisions: ApiProvision[];
	};
	return { etag: r.headers.get("etag") ?? "", ...body };
}

/** The first edit link on a Kingston setting's page: its URN and provision code. */
async function firstEditable(b: Browser) {
	const list = await (await b.get("/publisher/settings")).text();
	for (const m of list.matchAll(/href="\/publisher\/settings\/(\d{6})"/g)) {
		const page = await (await b.get(`/publisher/settings/${m[1]}`)).text();
		const edit = /href="(\/publisher\/settings\/(\d{6})\/provisions\/([^"/]+)\/edit)"/.exec(page);
		if (edit)
			return {
				path: edit[1] as string,
				urn: Number(edit[2]),
				code: decodeURIComponent(edit[3] as string),
			};
	}
	throw new Error("no Kingston provision to edit");
}

/** The form as a browser would send it unchanged: every text input, the selected level, the ticked needs. */
function formOf(html: string): Record<string, string | string[]> {
	const form: Record<string, string | string[]> = {};
	for (const m of html.matchAll(
		/<input class="govuk-input[^"]*" id="[^"]+" name="([^"]+)" type="text"[^>]*value="([^"]*)"/g,
	))
		form[m[1] as string] = m[2] as string;
	form.version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? "";
	form.level = /<option value="([^"]+)" selected/.exec(html)?.[1] ?? "";
	form.needTypes = [
		...html.matchAll(/name="needTypes" type="checkbox" value="([^"]+)" checked/g),
	].map((m) => m[1] as string);
	return form;
}

describe("a publisher edits a provision from its setting's page", () => {
	it("shows the provision's figures in the form, saves the change through the API's rules, and the API shows it", async () => {
		const b = await kingston();
		const { path, urn, code } = await firstEditable(b);
		const before = await apiSetting(urn);
		const p = before.provisions.find((x) => x.code === code) as ApiProvision;
		const html = await (await b.get(path)).text();
		const form = formOf(html);
		expect([...(form.needTypes as string[])].sort()).toEqual([...p.needTypes].sort());
		expect(form).toMatchObject({
			name: p.name,
			level: p.level,
			ageMin: String(p.ageRange.min),
			ageMax: String(p.ageRange.max),
			places: String(p.places),
			placeFunding: String(p.annualCost.placeFunding),
			topUp: String(p.annualCost.topUp),
			fee: String(p.annualCost.fee),
		});
		expect(`"${urn}-${form.version}"`).toBe(before.etag);
		const saved = await b.post(path, { ...form, places: String(p.places + 2), topUp: "12345" });
		expect(saved.status).toBe(303);
		expect(saved.headers.get("location")).toBe(`/publisher/settings/${urn}?changed=${code}`);
		const after = await apiSetting(urn);
		const q = after.provisions.find((x) => x.code === code) as ApiProvision;
		expect(q.places).toBe(p.places + 2);
		expect(q.annualCost.topUp).toBe(12345);
		expect(q.name).toBe(p.name);
		expect(after.etag).not.toBe(before.etag);
		const page = await (await b.get(`/publisher/settings/${urn}?changed=${code}`)).text();
		expect(page).toContain(`Provision ${p.name} (${code}) saved`);
	});

	it("refuses a stale form without writing, saying who changed the setting and when, and asks to reload", async () => {
		const b = await kingston();
		const { path, urn, code } = await firstEditable(b);
		const stale = formOf(await (await b.get(path)).text());
		const current = await apiSetting(urn);
		const p = current.provisions.find((x) => x.code === code) as ApiProvision;
		const body = {
			name: p.name,
			level: p.level,
			needTypes: p.needTypes,
			ageRange: p.ageRange,
			annualCost: {
				placeFunding: p.annualCost.placeFunding,
				topUp: p.annualCost.topUp,
				fee: p.annualCost.fee,
			},
		};
		const put = await t.app.request(`/settings/${urn}/provisions/${code}`, {
			method: "PUT",
			headers: {
				"content-type": "application/json",
				"if-match": current.etag,
				...(await bearer(t.keys, "publisher", { la: "314", subject: "officer-anna@314" })),
			},
			body: JSON.stringify({ ...body, places: p.places + 1 }),
		});
		expect(put.status).toBe(200);
		const written = await apiSetting(urn);
		const r = await b.post(path, { ...stale, places: String(p.places + 5), name: "Mine" });
		expect(r.status).toBe(409);
		const page = await r.text();
		expect(page).toContain("Someone else changed this setting");
		expect(page).toContain(
			`provision.update of ${urn}/${code} by officer-anna@314 (publisher, Kingston upon Thames)`,
		);
		expect(page).toContain(`<a href="${path}">Reload the form</a>`);
		// What was typed stays; nothing was written.
		expect(page).toContain('value="Mine"');
		expect(await apiSetting(urn)).toEqual(written);
		const reloaded = formOf(await (await b.get(path)).text());
		expect(`"${urn}-${reloaded.version}"`).toBe(written.etag);
		expect(reloaded.places).toBe(String(p.places + 1));
	});

	it("marks each bad field beside it with the API's rules, huge values and the setting's ages too, and writes nothing", async () => {
		const b = await kingston();
		const { path, urn } = await firstEditable(b);
		const form = formOf(await (await b.get(path)).text());
		const before = await apiSetting(urn);
		const bad = await b.post(path, {
			...form,
			name: "",
			needTypes: [],
			places: "lots",
			ageMin: "9",
			ageMax: "7",
			placeFunding: "-5",
			topUp: "99999999999999",
			level: "palace",
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		for (const field of [
			"name",
			"needTypes",
			"places",
			"ageMax",
			"placeFunding",
			"topUp",
			"level",
		]) {
			expect(html, field).toContain(`href="#${field}"`);
			expect(html, field).toContain(`id="${field}-error"`);
		}
		expect(html).toContain("Enter the places as a whole number");
		expect(html).toContain("Enter the place funding as a whole number");
		expect(html).toContain('value="lots"');
		const tooOld = await b.post(path, { ...form, ageMax: String(before.ageRange.max + 1) });
		expect(tooOld.status).toBe(422);
		const tooOldPage = await tooOld.text();
		expect(tooOldPage).toContain('href="#ageMin"');
		expect(tooOldPage).toContain(
			`outside the setting&#39;s ages ${before.ageRange.min}–${before.ageRange.max}`,
		);
		expect(await apiSetting(urn)).toEqual(before);
	});

	it("keeps places at or above the published vacancies, marked on the places field", async () => {
		const b = await kingston();
		const { path, urn, code } = await firstEditable(b);
		const before = await apiSetting(urn);
		const p = before.provisions.find((x) => x.code === code) as ApiProvision;
		const published = p.vacancies.reduce((n, v) => n + v.count, 0);
		if (published === 0) {
			const r = await t.app.request("/vacancies", {
				method: "POST",
				headers: {
					"content-type": "application/json",
					...(await bearer(t.keys, "publisher", { la: "314" })),
				},
				body: JSON.stringify([{ urn, provision: code, count: 1 }]),
			});
			expect(r.status).toBeLessThan(300);
		}
		const now = await apiSetting(urn);
		const count = (now.provisions.find((x) => x.code === code) as ApiProvision).vacancies.reduce(
			(n, v) => n + v.count,
			0,
		);
		const form = formOf(await (await b.get(path)).text());
		const r = await b.post(path, { ...form, places: String(count - 1) });
		expect(r.status).toBe(422);
		const html = await r.text();
		expect(html).toContain('id="places-error"');
		expect(html).toContain(`below the ${count} published vacancies`);
		expect(await apiSetting(urn)).toEqual(now);
	});

	it("offers no change to another borough's setting: its form is a 403 page, an unknown provision a 404", async () => {
		const b = await kingston();
		const list = await (await t.app.request("/settings?borough=306&limit=50")).json();
		const urn = (list as { items: { urn: number; provisions: number }[] }).items.find(
			(i) => i.provisions > 0,
		)?.urn;
		const croydon = await apiSetting(urn as number);
		const code = croydon.provisions[0]?.code as string;
		const page = await (await b.get(`/publisher/settings/${urn}`)).text();
		expect(page).not.toContain("/edit");
		expect((await b.get(`/publisher/settings/${urn}/provisions/${code}/edit`)).status).toBe(403);
		const post = await b.post(`/publisher/settings/${urn}/provisions/${code}/edit`, {
			name: "Taken",
		});
		expect(post.status).toBe(403);
		expect(await apiSetting(urn as number)).toEqual(croydon);
		const { urn: own } = await firstEditable(b);
		expect((await b.get(`/publisher/settings/${own}/provisions/NOPE-X/edit`)).status).toBe(404);
		expect((await b.get(`/publisher/settings/${own}/provisions/%2e%2e/edit`)).status).toBe(404);
	});
});
