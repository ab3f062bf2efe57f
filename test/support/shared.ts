/** The seed the test template's demo scenario is built from. */
export const DEMO_TEST_SEED = 2025;
export const TEMPLATE_PREFIX = "send_tmpl_";
export const COPY_PREFIX = "send_test_";

/** The same server URL, pointing at another database. */
export function databaseUrlFor(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}
