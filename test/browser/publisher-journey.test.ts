import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasChromium } from "../support/browser.js";
import { useJourney } from "../support/journey.js";
import { useWebApp } from "../support/web.js";
import { tabTo } from "./a11y.js";

const t = useWebApp();
const GIAS_KINGSTON = fileURLToPath(
	new URL("../fixtures/import/gias-kingston.csv", import.meta.url),
);

async function feedCursor() {
	let since = "0";
	for (;;) {
		const page = (await (
			await t.app.request(`/vacancies/changes?since=${since}&limit=1000`)
		).json()) as {
			events: unknown[];
			nextCursor: string;
		};
		if (page.events.length < 1000) return { since: page.nextCursor, seen: page.events.length };
		since = page.nextCursor;
	}
}

describe.skipIf(!hasChromium)(
	"a Kingston publisher edits three vacancy counts and publishes them once, by keyboard, network off",
	() => {
		const j = useJourney(() => t.app.fetch, "publisher");

		const { check, press } = j;

		it("edits three counts in the grid, publishes once, sees them; the settings, a setting, edits a provision, uploads a register file", {
			timeout: 120_000,
		}, async () => {
			// A refused form answers 400, which Chromium logs; any other console error is a problem.
			const { page, finish } = await j.open([400]);

			await page.goto(`${j.origin}/sign-in`);
			await tabTo(page, (el) => el.tag === "select" && el.name === "role");
			await page.keyboard.type("Place");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Sign in");
			await press(page, "Enter");
			await check(page, "home");
			await tabTo(page, (el) => el.tag === "a" && el.text === "Vacancies");
			await press(page, "Enter");
			await check(page, "vacancies");

			const before = await feedCursor();
			const typed: string[] = [];
			for (const i of [0, 1, 2]) {
				await tabTo(page, (el) => el.name === `count-${i}`);
				const was = Number(await page.inputValue(`#count-${i}`));
				const now = String(was === 0 ? 2 : was - 1);
				await page.keyboard.press("Control+A");
				await page.keyboard.type(now);
				typed.push(now);
			}
			await tabTo(page, (el) => el.tag === "button" && el.text === "Publish the changes");
			await press(page, "Enter");
			expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
				"3 vacancies published together",
			);
			await check(page, "vacancies-published");
			for (const [i, v] of typed.entries()) expect(await page.inputValue(`#count-${i}`)).toBe(v);
			const after = await (
				await t.app.request(`/vacancies/changes?since=${before.since}&limit=1000`)
			).json();
			expect((after as { events: unknown[] }).events).toHaveLength(3);

			await tabTo(page, (el) => el.tag === "a" && el.text === "Settings");
			await press(page, "Enter");
			await check(page, "settings");
			await tabTo(page, (el) => el.tag === "a" && el.text === "Bedelsford School");
			await press(page, "Enter");
			await check(page, "setting");

			// Edit the provision: a wrong figure is marked beside its field, then the fix is saved.
			await tabTo(page, (el) => el.tag === "a" && el.text === "Change Bedelsford School");
			await press(page, "Enter");
			await check(page, "provision-edit");
			const places = Number(await page.inputValue("#places"));
			await tabTo(page, (el) => el.name === "places");
			await page.keyboard.press("Control+A");
			await page.keyboard.type("lots");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Save changes");
			await press(page, "Enter");
			expect(await page.locator("#places-error").textContent()).toContain(
				"Enter the places as a whole number",
			);
			await check(page, "provision-edit-errors");
			await tabTo(page, (el) => el.name === "places");
			await page.keyboard.press("Control+A");
			await page.keyboard.type(String(places + 1));
			await tabTo(page, (el) => el.tag === "button" && el.text === "Save changes");
			await press(page, "Enter");
			expect(await page.locator(".govuk-notification-banner").textContent()).toContain("saved");
			await check(page, "provision-saved");
			const saved = (await (await t.app.request("/settings/142687")).json()) as {
				provisions: { places: number }[];
			};
			expect(saved.provisions.map((p) => p.places)).toContain(places + 1);
			await tabTo(page, (el) => el.tag === "a" && el.text === "Changes");
			await press(page, "Enter");
			expect(await page.locator("tbody tr").count()).toBeGreaterThan(2);
			await check(page, "changes");

			// Upload the Kingston GIAS extract: checked first (nothing saved), then imported.
			await tabTo(page, (el) => el.tag === "a" && el.text === "Upload");
			await press(page, "Enter");
			await check(page, "upload");
			await tabTo(page, (el) => el.name === "file");
			// The file chooser is the operating system's; the test hands it the file directly.
			await page.setInputFiles("#file", GIAS_KINGSTON);
			await tabTo(page, (el) => el.name === "dryRun");
			await page.keyboard.press("Space");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Upload");
			await press(page, "Enter");
			expect(await page.locator(".govuk-notification-banner").textContent()).toContain(
				"nothing was saved",
			);
			await check(page, "upload-checked");
			expect((await t.app.request("/settings/990101")).status).toBe(404);
			await tabTo(page, (el) => el.name === "file");
			await page.setInputFiles("#file", GIAS_KINGSTON);
			await tabTo(page, (el) => el.tag === "button" && el.text === "Upload");
			await press(page, "Enter");
			expect(await page.locator(".govuk-notification-banner").textContent()).toContain("3 created");
			await check(page, "upload-imported");
			expect((await t.app.request("/settings/990101")).status).toBe(200);

			await finish();
		});
	},
);
