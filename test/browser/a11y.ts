import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Where each browser test saves a screenshot of every page it visits (named in the README). */
export const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page against WCAG 2.0–2.2 A and AA. It is evaluated over the DevTools
 * protocol, which the page's CSP (no inline or foreign script) rightly does not allow a page to do.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(AXE);
	// Evaluated as text: this file is typed for Node, the code runs in the page.
	const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
	return page.evaluate(`axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(tags)} } })
		.then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

/** Saves a full-page screenshot as `<test>-<n>-<name>.png`. */
export async function screenshot(page: Page, test: string, name: string): Promise<void> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.screenshot({ path: join(SCREENSHOTS, `${test}-${name}.png`), fullPage: true });
}

/**
 * Moves the focus with Tab alone (at most `limit` presses) until the focused element matches, as
 * a keyboard user would; fails if it never gets there.
 */
export async function tabTo(
	page: Page,
	matches: (el: { tag: string; text: string; label: string; name: string }) => boolean,
	limit = 200,
): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press("Tab");
		const el = (await page.evaluate(`(() => {
			const a = document.activeElement;
			const label = a && a.id ? document.querySelector('label[for="' + a.id + '"]') : null;
			return {
				tag: a ? a.tagName.toLowerCase() : "",
				text: ((a && a.innerText) || "").trim().replace(/\\s+/g, " "),
				label: ((label && label.textContent) || "").trim().replace(/\\s+/g, " "),
				name: (a && a.getAttribute("name")) || "",
			};
		})()`)) as { tag: string; text: string; label: string; name: string };

		if (matches(el)) return;
	}
	throw new Error("the focus never reached the element by Tab");
}
