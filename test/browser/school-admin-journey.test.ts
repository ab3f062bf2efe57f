import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { consultations } from "../../schema/index.js";
import { bearer } from "../support/auth.js";
import { hasChromium } from "../support/browser.js";
import { useJourney } from "../support/journey.js";
import { useWebApp } from "../support/web.js";
import { tabTo } from "./a11y.js";

const t = useWebApp();
const URN = 142687;

/** Two Kingston children consulted at Bedelsford School through the API; one is overdue. */
async function consultTwo() {
	const json = {
		...(await bearer(t.keys, "panel", { la: "314" })),
		"content-type": "application/json",
	};
	const ids: string[] = [];
	for (const n of [1, 2]) {
		const child = await t.app.request("/children", {
			method: "POST",
			headers: json,
			body: JSON.stringify({
				caseRef: `314-BROWSER-${n}`,
				yearGroup: "Y9",
				primaryNeed: "ASD",
				secondaryNeeds: ["SLCN"],
				planLevel: "special_school",
				home: { lat: 51.4, lon: -0.29 },
			}),
		});
		const { id: childId } = (await child.json()) as { id: string };
		const sent = await t.app.request("/consultations", {
			method: "POST",
			headers: json,
			body: JSON.stringify({ childId, urn: URN, provision: "SS" }),
		});
		expect(sent.status).toBe(201);
		ids.push(((await sent.json()) as { id: string }).id);
	}
	await t.database.db
		.update(consultations)
		.set({ dueAt: "2026-08-20" })
		.where(eq(consultations.id, ids[0] ?? ""));
	return ids;
}

describe.skipIf(!hasChromium)(
	"a school answers and an admin reads the audit trail, by keyboard alone, network off",
	() => {
		const j = useJourney(() => t.app.fetch, "school-admin");

		const { check, press } = j;
		/** Signs in on the development page by keyboard: a role chosen by typing its name, then a URN. */
		async function signIn(page: Page, role: string, urn?: string) {
			await page.goto(`${j.origin}/sign-in`);
			await tabTo(page, (el) => el.tag === "select" && el.name === "role");
			await page.keyboard.type(role);
			if (urn) {
				await tabTo(page, (el) => el.name === "urn");
				await page.keyboard.type(urn);
			}
			await tabTo(page, (el) => el.tag === "button" && el.text === "Sign in");
			await press(page, "Enter");
		}

		it("a school declines without evidence (refused, the field marked), then with it; an admin filters the audit", {
			timeout: 120_000,
		}, async () => {
			const [late] = await consultTwo();
			// A refused form answers 422, which Chromium logs; any other console error is a problem.
			const { page, context, finish } = await j.open([422]);

			await signIn(page, "School", String(URN));
			await check(page, "school-home");
			await tabTo(page, (el) => el.tag === "a" && el.text === "Consultations");
			await press(page, "Enter");
			await check(page, "school-inbox");
			expect(await page.locator("strong.govuk-tag--red").first().textContent()).toContain(
				"overdue",
			);
			await tabTo(page, (el) => el.tag === "a" && el.text === "314-BROWSER-1");
			await press(page, "Enter");
			expect(page.url()).toContain(late);
			await check(page, "school-consultation");

			// Yes, it can meet the need; No, it has no place (the arrow key moves and checks the radio).
			await tabTo(page, (el) => el.name === "canMeetNeed");
			await page.keyboard.press("Space");
			await tabTo(page, (el) => el.name === "hasCapacity");
			await page.keyboard.press("ArrowRight");
			await tabTo(page, (el) => el.name === "reasonCode");
			await page.keyboard.type("No capacity");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Send the answer");
			await press(page, "Enter");
			await page.waitForFunction(
				`document.activeElement?.classList.contains("govuk-error-summary")`,
			);
			expect(await page.locator("#evidence.govuk-textarea--error").count()).toBe(1);
			await check(page, "school-decline-refused");

			await tabTo(page, (el) => el.tag === "a" && el.text.startsWith("A decline needs evidence"));
			await page.keyboard.press("Enter");
			await page.keyboard.type("All 12 places in the ASD base are filled until July 2027.");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Send the answer");
			await press(page, "Enter");
			expect(await page.locator("main").textContent()).toContain("No capacity (no place free)");
			await check(page, "school-answered");
			await tabTo(page, (el) => el.text === "Back to consultations");
			await press(page, "Enter");
			expect(await page.locator("main").textContent()).toContain("1 answered");
			await check(page, "school-history");
			await tabTo(page, (el) => el.tag === "button" && el.text === "Sign out");
			await press(page, "Enter");

			await signIn(page, "Administrator");
			await check(page, "admin-home");
			await tabTo(page, (el) => el.tag === "a" && el.text === "Audit trail");
			await press(page, "Enter");
			await check(page, "admin-audit");
			await tabTo(page, (el) => el.name === "role");
			await page.keyboard.type("setting");
			await tabTo(page, (el) => el.name === "action");
			await page.keyboard.type("consultation.answer");
			await tabTo(page, (el) => el.text === "Apply filters");
			await press(page, "Enter");
			expect(await page.locator("caption").first().textContent()).toBe("1 event");
			await tabTo(page, (el) => el.tag === "summary" || el.text.startsWith("Before and after"));
			await page.keyboard.press("Enter");
			expect(await page.locator("details[open]").first().textContent()).toContain("no_capacity");
			await check(page, "admin-audit-filtered");
			const href = await page
				.locator("a", { hasText: "Download these events as CSV" })
				.getAttribute("href");
			const csv = await (await context.request.get(`${j.origin}${href}`)).text();
			expect(csv.trimEnd().split("\r\n")).toHaveLength(2);

			await finish();
		});
	},
);
