import { describe, expect, it } from "vitest";
import { bearer } from "../support/auth.js";
import { type Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

async function commissioner(): Promise<Browser> {
	const b = t.browser();
	await b.signIn("commissioner", "");
	return b;
}

async function api(path: string) {
	return t.app.request(path, { headers: await bearer(t.keys, "commissioner") });
}

describe("a commissioner's sufficiency pages", () => {
	it("maps the gap for ASD secondary by borough with the API's figures, every borough shaded, with a legend", async () => {
		const b = await commissioner();
		const r = await b.get("/commissioner/sufficiency?need=ASD&phase=secondary&area=borough");
		expect(r.status).toBe(200);
		const html = await r.text();
		expect(html.match(/<path [^>]*class="app-map__borough app-map__shade--/g)).toHaveLength(33);
		// Every borough has its own row: none is left out of the shading (suppressed ones are grey).
		expect(html).not.toContain("app-map__shade--out");
		expect(html).toContain("Gap of more than 40");
		const report = (await (
			await api("/sufficiency?groupBy=need,phase,area&area=borough")
		).json()) as {
			rows: {
				need: { code: string };
				phase: { code: string };
				area: { code: string; name: string };
				gap: number | null;
				places: number;
			}[];
		};
		const rows = report.rows.filter((x) => x.need.code === "ASD" && x.phase.code === "secondary");
		expect(rows.length).toBe(33);
		for (const row of rows) {
			const cells = new RegExp(`>${row.area.name}</a></th><td[^>]*>([^<]+)</td>`).exec(html);
			expect(cells?.[1], row.area.name).toBe(new Intl.NumberFormat("en-GB").format(row.places));
		}
	});

	it("downloads the page's CSV and an area's CSV byte for byte as the API gives them", async () => {
		const b = await commissioner();
		const page = await (
			await b.get("/commissioner/sufficiency/csv?need=ASD&phase=secondary&area=aldcs-subregion")
		).text();
		expect(page).toBe(
			await (
				await api("/sufficiency?groupBy=need,phase,area&area=aldcs-subregion&format=csv")
			).text(),
		);
		const area = await b.get(
			"/commissioner/sufficiency/areas/aldcs-south/csv?need=ASD&phase=secondary",
		);
		expect(area.headers.get("content-type")).toBe("text/csv; charset=utf-8");
		const body = await area.text();
		expect(body).toBe(
			await (await api("/sufficiency?groupBy=need,phase&area=aldcs-south&format=csv")).text(),
		);
		expect(body.split("\r\n").length).toBeGreaterThan(10);
	});

	it("opens a sub-region: its figures for the choice, the forecast with its method", async () => {
		const b = await commissioner();
		const html = await (
			await b.get("/commissioner/sufficiency/areas/aldcs-south?need=ASD&phase=secondary")
		).text();
		expect(html).toContain("Sufficiency in ALDCS South");
		expect(html).toContain("Forecast specialist plans");
		expect(html).toContain("Method: ");
		const report = (await (
			await api("/sufficiency?groupBy=need,phase&area=aldcs-south")
		).json()) as {
			rows: {
				need: { code: string };
				phase: { code: string };
				places: number;
				awaiting: number | null;
			}[];
		};
		const row = report.rows.find((x) => x.need.code === "ASD" && x.phase.code === "secondary");
		expect(html).toContain(
			`Commissioned places</dt><dd class="govuk-summary-list__value">${new Intl.NumberFormat("en-GB").format(row?.places ?? -1)}`,
		);
		expect((await b.get("/commissioner/sufficiency/areas/nowhere")).status).toBe(404);
	});

	it("marks a bad choice, and is for commissioners and admins only", async () => {
		const b = await commissioner();
		const bad = await b.get("/commissioner/sufficiency?need=NOPE&phase=x&area=y");
		expect(bad.status).toBe(400);
		const html = await bad.text();
		for (const f of ["need", "phase", "area"]) expect(html).toContain(`href="#${f}"`);
		const panel = t.browser();
		await panel.signIn("panel", "314");
		expect((await panel.get("/commissioner/sufficiency")).status).toBe(403);
	});

	it("ranks where a place would save most from the latest finished run, as the API does, with a CSV", async () => {
		const b = await commissioner();
		expect(await (await b.get("/commissioner/shadow-prices")).text()).toContain(
			"There are no shadow prices yet",
		);
		const run = await t.app.request("/matching-runs", {
			method: "POST",
			headers: {
				...(await bearer(t.keys, "panel", { la: "314" })),
				"content-type": "application/json",
			},
			body: "{}",
		});
		expect(run.status).toBe(201);
		const html = await (await b.get("/commissioner/shadow-prices")).text();
		const report = (await (await api("/sufficiency/shadow-prices?limit=20")).json()) as {
			items: { rank: number; provision: string; gainPlusOne: number }[];
		};
		expect(report.items.length).toBeGreaterThan(0);
		const pounds = new Intl.NumberFormat("en-GB", {
			style: "currency",
			currency: "GBP",
			maximumFractionDigits: 0,
		});
		for (const i of report.items)
			expect(html).toMatch(
				new RegExp(
					`<th scope="row" class="govuk-table__header">${i.rank}</th>(<td[^>]*>[^<]*</td>){4}<td[^>]*>${pounds.format(i.gainPlusOne).replace("£", "£")}</td>`,
				),
			);
		expect(html.match(/class="app-map__point"/g)?.length).toBe(report.items.length);
		const csv = (await (await b.get("/commissioner/shadow-prices/csv")).text())
			.trimEnd()
			.split("\r\n");
		const all = (await (await api("/sufficiency/shadow-prices?limit=1000")).json()) as {
			items: { gainPlusOne: number }[];
		};
		expect(csv).toHaveLength(all.items.length + 1);
		expect(csv[1]?.split(",")[9]).toBe(String(all.items[0]?.gainPlusOne));
	});

	it("runs a what-if adding 40 ASD places in Croydon and answers as the API does, by borough beside the baseline", async () => {
		const b = await commissioner();
		const form = {
			kind: "new-provision",
			borough: "306",
			postcode: "CR0 1NX",
			needTypes: "ASD",
			level: "special_academy",
			ageMin: "4",
			ageMax: "18",
			places: "40",
			placeFunding: "10000",
			topUp: "17000",
		};
		const r = await b.post("/commissioner/what-if", form);
		expect(r.status).toBe(200);
		const html = await r.text();
		const body = {
			changes: [
				{
					kind: "new-provision",
					borough: "306",
					location: { lat: 0, lon: 0 },
					level: "special_academy",
					needTypes: ["ASD"],
					ageRange: { min: 4, max: 18 },
					places: 40,
					annualCost: { placeFunding: 10000, topUp: 17000 },
				},
			],
		};
		const pounds = new Intl.NumberFormat("en-GB", {
			style: "currency",
			currency: "GBP",
			maximumFractionDigits: 0,
		});
		const cr0 = (
			await import("../../seeds/data/postcode-districts.json", { with: { type: "json" } })
		).default as unknown as { district: string; lat: number; lon: number }[];
		const loc = cr0.find((d) => d.district === "CR0");
		body.changes[0] = {
			...body.changes[0],
			location: { lat: loc?.lat ?? 0, lon: loc?.lon ?? 0 },
		} as (typeof body.changes)[0];
		const apiAnswer = (await (
			await t.app.request("/sufficiency/what-if", {
				method: "POST",
				headers: { ...(await bearer(t.keys, "commissioner")), "content-type": "application/json" },
				body: JSON.stringify(body),
			})
		).json()) as {
			baseline: { annualCost: number };
			scenario: { annualCost: number };
			byBorough: { name: string }[];
		};
		expect(html).toContain(pounds.format(apiAnswer.baseline.annualCost));
		expect(html).toContain(pounds.format(apiAnswer.scenario.annualCost));
		expect(html).toContain("By the children&#39;s home borough");
	});

	it("marks a what-if's bad fields (no postcode, no places, huge values) and answers nothing", async () => {
		const b = await commissioner();
		const r = await b.post("/commissioner/what-if", {
			kind: "new-provision",
			borough: "306",
			postcode: "nowhere",
			needTypes: "ASD",
			level: "special_academy",
			ageMin: "4",
			ageMax: "18",
			places: "99999999",
			placeFunding: "10000",
			topUp: "17000",
		});
		expect(r.status).toBe(400);
		const html = await r.text();
		expect(html).toContain('href="#postcode"');
		expect(html).toContain('href="#places"');
		expect(html).not.toContain("The answer");
		const change = await b.post("/commissioner/what-if", {
			kind: "change-places",
			urn: "142687",
			provision: "SS",
			places: "0",
		});
		expect(change.status).toBe(400);
		expect(await change.text()).toContain('href="#change-places"');
	});
});
