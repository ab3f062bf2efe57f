import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { axeViolations, screenshot } from "../browser/a11y.js";
import { launchChromium, listen, offlineContext } from "./browser.js";

/**
 * What every browser journey shares: Chromium and the app served on loopback for the file, a
 * `check` that screenshots each page as `<name>-NN-<page>.png` and expects no axe violations,
 * and pages in an offline context whose blocked requests and console errors the journey ends
 * by expecting to be none. Call it inside the journey's `describe`.
 */
export function useJourney(
	fetch: () => (request: Request) => Response | Promise<Response>,
	name: string,
) {
	let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
	let server: Awaited<ReturnType<typeof listen>> | undefined;
	beforeAll(async () => {
		chromium = await launchChromium();
		server = await listen(fetch());
	});
	afterAll(async () => {
		await server?.close();
		await chromium?.close();
	});

	let shot = 0;
	/** The paths of the pages checked, in order. */
	const visited: string[] = [];
	return {
		visited,
		get origin(): string {
			if (!server) throw new Error("the journey's server is not listening yet");
			return server.origin;
		},
		async check(page: Page, pageName: string) {
			await page.waitForLoadState("load");
			shot += 1;
			await screenshot(page, name, `${String(shot).padStart(2, "0")}-${pageName}`);
			const violations = await axeViolations(page);
			expect(violations, `${pageName}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
			visited.push(new URL(page.url()).pathname);
		},
		/** Presses a key that navigates, and waits for the next page. */
		async press(page: Page, key: string) {
			await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
		},
		/**
		 * A page with the network off. Console errors are problems, except Chromium's line for
		 * an answer with one of `expectedStatuses` (a refused form the journey sends on purpose).
		 */
		async open(expectedStatuses: number[] = []) {
			if (!chromium) throw new Error("the journey's Chromium is not running yet");
			const { context, blocked } = await offlineContext(chromium.browser);
			const page = await context.newPage();
			const problems: string[] = [];
			const expected = expectedStatuses.map((s) => `the server responded with a status of ${s}`);
			page.on("pageerror", (e) => problems.push(e.message));
			page.on("console", (m) => {
				if (m.type() === "error" && !expected.some((e) => m.text().includes(e)))
					problems.push(m.text());
			});
			return {
				page,
				context,
				/** Ends the journey: nothing left the machine, nothing went wrong in the page. */
				async finish() {
					expect(blocked).toEqual([]);
					expect(problems).toEqual([]);
					await context.close();
				},
			};
		},
	};
}
