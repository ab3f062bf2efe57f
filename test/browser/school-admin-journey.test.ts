import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultations } from "../../schema/index.js";
import { bearer } from "../support/auth.js";
import { hasChromium, launchChromium, listen, offlineContext } from "../support/browser.js";
import { useWebApp } from "../support/web.js";
import { axeViolations, screenshot, tabTo } from "./a11y.js";

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
		let chromium: Awaited<ReturnType<typeof launchChromium>>;
		let server: Awaited<ReturnType<typeof listen>>;
		beforeAll(async () => {
			chromium = await launchChromium();
			server = await listen(t.app.fetch);
		});
		afterAll(async () => {
			await server?.close();
			await chromium?.close();
		});

		let shot = 0;
		async function check(page: Page, name: string) {
			await page.waitForLoadState("load");
			shot += 1;
			await screenshot(page, "school-admin", `${String(shot).padStart(2, "0")}-${name}`);
			const violations = await axeViolations(page);
			expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
		}
		const press = async (page: Page, key: string) => {
			await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
		};
		/** Signs in on the development page by keyboard: a role chosen by typing its name, then a URN. */
		async function signIn(page: Page, role: string, urn?: string) {
			await page.goto(`${server.origin}/sign-in`);
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
			const { context, blocked } = await offlineContext(chromium.browser);
			const page = await context.newPage();
			const problems: string[] = [];
			page.on("pageerror", (e) => problems.push(e.message));
			// The refused decline answers 422, which Chromium logs; any other console error is a problem.
			const refused = "the server responded with a status of 422";
			page.on(
				"console",
				(m) => m.type() === "error" && !m.text().includes(refused) && problems.push(m.text()),
			);

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
			const csv = await (await context.request.get(`${server.origin}${href}`)).text();
			expect(csv.trimEnd().split("\r\n")).toHaveLength(2);

			expect(blocked).toEqual([]);
			expect(problems).toEqual([]);
			await context.close();
		});
	},
);
