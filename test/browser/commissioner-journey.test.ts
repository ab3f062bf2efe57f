import { beforeAll, describe, expect, it } from "vitest";
import { bearer } from "../support/auth.js";
import { hasChromium } from "../support/browser.js";
import { useJourney } from "../support/journey.js";
import { useWebApp } from "../support/web.js";
import { tabTo } from "./a11y.js";

const t = useWebApp();

describe.skipIf(!hasChromium)(
	"a commissioner's map, an area, where a place saves most and a what-if, by keyboard, network off",
	() => {
		const j = useJourney(() => t.app.fetch, "commissioner");
		beforeAll(async () => {
			// A finished matching run (Kingston's panel) gives the shadow prices.
			const run = await t.app.request("/matching-runs", {
				method: "POST",
				headers: {
					...(await bearer(t.keys, "panel", { la: "314" })),
					"content-type": "application/json",
				},
				body: "{}",
			});
			expect(run.status).toBe(201);
		});

		const { check, press } = j;

		it("sees ASD secondary on the map, opens ALDCS South, downloads its CSV, reads the shadow prices, adds 40 ASD places in Croydon", {
			timeout: 180_000,
		}, async () => {
			const { page, context, finish } = await j.open();

			await page.goto(`${j.origin}/sign-in`);
			await tabTo(page, (el) => el.tag === "select" && el.name === "role");
			await page.keyboard.type("Commissioner");
			await tabTo(page, (el) => el.tag === "select" && el.name === "la");
			await page.keyboard.type("None");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Sign in");
			await press(page, "Enter");
			await check(page, "home");

			await tabTo(page, (el) => el.tag === "a" && el.text === "Sufficiency");
			await press(page, "Enter");
			// ASD and secondary are the defaults: the map is shaded for them.
			expect(await page.inputValue("#need")).toBe("ASD");
			expect(await page.inputValue("#phase")).toBe("secondary");
			expect(await page.locator("svg[role=img] path[class*='app-map__shade--']").count()).toBe(33);
			expect(await page.locator("svg[role=img] path.app-map__shade--out").count()).toBe(0);
			await check(page, "map-asd-secondary");

			await tabTo(page, (el) => el.tag === "select" && el.name === "area");
			await page.keyboard.type("ALDCS");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Show");
			await press(page, "Enter");
			expect(await page.locator("caption").first().textContent()).toContain("by aldcs sub-region");
			await check(page, "map-subregions");
			await tabTo(page, (el) => el.tag === "a" && el.text === "ALDCS South");
			await press(page, "Enter");
			expect(await page.locator("h1").textContent()).toBe("Sufficiency in ALDCS South");
			await check(page, "area-aldcs-south");
			const href = await page
				.locator("a", { hasText: "Download this area's report as CSV" })
				.getAttribute("href");
			const csv = await (await context.request.get(`${j.origin}${href}`)).text();
			const api = await (
				await t.app.request("/sufficiency?groupBy=need,phase&area=aldcs-south&format=csv", {
					headers: await bearer(t.keys, "commissioner"),
				})
			).text();
			expect(csv).toBe(api);

			await tabTo(page, (el) => el.tag === "a" && el.text === "Where a place saves most");
			await press(page, "Enter");
			expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
			await check(page, "shadow-prices");

			await tabTo(page, (el) => el.tag === "a" && el.text === "What if");
			await press(page, "Enter");
			await check(page, "what-if");
			// Croydon, ASD, a special academy aged 11–18 are the defaults: a postcode and 40 places.
			await tabTo(page, (el) => el.name === "postcode");
			await page.keyboard.type("CR0 1NX");
			await tabTo(page, (el) => el.name === "places" && el.label === "Places");
			await page.keyboard.type("40");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Run the new provision");
			await press(page, "Enter");
			expect(await page.locator("#answer").count()).toBe(1);
			expect(await page.locator("main").textContent()).toContain("With the change");
			await check(page, "what-if-answer");

			await finish();
		});
	},
);
