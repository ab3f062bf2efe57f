import { describe, expect, it } from "vitest";
import { tokenFor } from "../support/auth.js";
import { hasChromium } from "../support/browser.js";
import { useJourney } from "../support/journey.js";
import { useWebApp } from "../support/web.js";
import { tabTo } from "./a11y.js";

const t = useWebApp();

describe.skipIf(!hasChromium)(
	"a Kingston panel's whole journey in Chromium: keyboard alone, network off, no axe violations",
	() => {
		const j = useJourney(() => t.app.fetch, "panel-journey");

		const { check, press } = j;

		it("signs in, finds a child, compares options, runs a round, accepts, confirms, sees the place taken", {
			timeout: 120_000,
		}, async () => {
			const { page, finish } = await j.open();

			await page.goto(`${j.origin}/`);
			await check(page, "start");
			await tabTo(page, (el) => el.text === "Sign in");
			await press(page, "Enter");
			await check(page, "sign-in");
			// Role "Placement panel" and Kingston upon Thames are the defaults; go to the button.
			await tabTo(page, (el) => el.tag === "button" && el.text === "Sign in");
			await press(page, "Enter");
			await check(page, "home");

			await tabTo(page, (el) => el.text === "Children");
			await press(page, "Enter");
			await check(page, "children");
			await tabTo(page, (el) => el.label.startsWith("Case reference"));
			await page.keyboard.type("314");
			await tabTo(page, (el) => el.text === "Apply filters");
			await press(page, "Enter");
			await tabTo(page, (el) => el.tag === "a" && el.text.startsWith("314"));
			await press(page, "Enter");
			await check(page, "child");
			await tabTo(page, (el) => el.text === "Compare options");
			await press(page, "Enter");
			expect(await page.locator("svg[role=img] path").count()).toBe(33);
			await check(page, "options");
			await tabTo(
				page,
				(el) => el.text === "Back to 314" || el.text.startsWith("Back to"),
				10,
			).catch(() => undefined);

			await tabTo(page, (el) => el.text === "Rounds");
			await press(page, "Enter");
			await check(page, "rounds");
			await tabTo(page, (el) => el.text === "Start a round");
			await press(page, "Enter");
			// The progress bar page, then its own script reloads it when the round is done.
			await page.waitForSelector("text=Round result", { timeout: 60_000 });
			await check(page, "round-result");
			await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Accept"));
			await press(page, "Enter");
			await check(page, "consultations");

			// The school agrees (its own pages come in part 2): through the API, with a setting token.
			const panel = { authorization: `Bearer ${await tokenFor(t.keys, "panel", { la: "314" })}` };
			const list = (await (
				await t.app.request("/consultations?status=open&limit=200", { headers: panel })
			).json()) as {
				items: { id: string; proposalId: string | null; consulted: { urn: number } }[];
			};
			const accepted = list.items.find((c) => c.proposalId !== null);
			expect(accepted).toBeDefined();
			const school = `Bearer ${await tokenFor(t.keys, "setting", { urn: accepted?.consulted.urn })}`;
			const answer = await t.app.request(`/consultations/${accepted?.id}/answer`, {
				method: "POST",
				headers: { authorization: school, "content-type": "application/json" },
				body: JSON.stringify({ canMeetNeed: true, hasCapacity: true }),
			});
			expect(answer.status).toBe(200);

			await page.reload();
			await check(page, "consultation-agreed");
			await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Confirm the place"));
			await press(page, "Enter");
			await check(page, "placements");
			expect(await page.locator("table").first().textContent()).toContain("active");

			await tabTo(page, (el) => el.text === "Figures");
			await press(page, "Enter");
			await check(page, "figures");

			await finish();
		});

		it("has no axe violations on the pages the journey does not pass: errors, editing, a 404", async () => {
			const { page, context } = await j.open();
			await page.goto(`${j.origin}/sign-in`);
			await page.selectOption("#la", "");
			await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
			await check(page, "sign-in-error");
			await page.selectOption("#la", "314");
			await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
			await page.goto(`${j.origin}/panel/children`);
			const href = await page.locator("table a").first().getAttribute("href");
			await page.goto(`${j.origin}${href}/edit`);
			await check(page, "edit");
			await page.fill("#maxJourneyMinutes", "999");
			await page.fill("#outOfEducationSince", "tomorrow");
			await Promise.all([
				page.waitForNavigation(),
				page.click("form[novalidate] button[type=submit]"),
			]);
			await page.waitForSelector(".govuk-error-summary");
			// The error summary takes the focus, as the GOV.UK pattern asks (its script does it).
			await page.waitForFunction(
				`document.activeElement?.classList.contains("govuk-error-summary")`,
				undefined,
				{ timeout: 5_000 },
			);
			await check(page, "edit-errors");
			await page.goto(`${j.origin}/panel/children/00000000-0000-4000-8000-000000000000`);
			await check(page, "not-found");
			await context.close();
		});
	},
);
