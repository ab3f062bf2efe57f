import { existsSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`); browser tests skip, saying so, without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM}`);

/** Headless Chromium; Playwright gives each launch a fresh, temporary profile. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
	});
	return {
		browser,
		close: () => browser.close(),
	};
}

/**
 * A browser context with the network off: every request that is not to this machine is aborted
 * and recorded, so a page that needs the internet shows it and the test can say which request.
 */
export async function offlineContext(browser: Browser) {
	const context: BrowserContext = await browser.newContext();
	const blocked: string[] = [];
	await context.route("**/*", (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
		blocked.push(url.href);
		return route.abort("internetdisconnected");
	});
	return { context, blocked };
}

/** Serves a Hono app's fetch on a free loopback port. */
export async function listen(fetch: (request: Request) => Response | Promise<Response>) {
	const port = await new Promise<number>((resolve) => {
		const probe = createServer().listen(0, "127.0.0.1", () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
	const server = serve({ fetch, port, hostname: "127.0.0.1" });
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
