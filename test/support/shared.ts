/** The clock of every API test (an autumn term). */
export const FIXED_NOW = new Date("2026-09-01T09:00:00Z");

/** How the test template is loaded: the demo scenario and 300 children, from a fixed seed. */
export const DEMO_OPTIONS = { loadDemo: true, seed: 2025, children: 300, now: FIXED_NOW };
export const TEMPLATE_PREFIX = "send_tmpl_";
export const COPY_PREFIX = "send_test_";

/** The same server URL, pointing at another database. */
export function databaseUrlFor(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}
