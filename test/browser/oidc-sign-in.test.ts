import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidcSignIn } from "../../src/web/session/oidc.js";
import { hasChromium, launchChromium, listen, offlineContext } from "../support/browser.js";
import { OIDC_CLAIM_NAMES, OIDC_CLIENT, startOidcProvider } from "../support/oidc-provider.js";
import { useWebApp } from "../support/web.js";
import { axeViolations, screenshot } from "./a11y.js";

let provider: Awaited<ReturnType<typeof startOidcProvider>> | undefined;
let origin = "";

const t = useWebApp({
	signIn: () => ({
		kind: "oidc",
		// Both ends listen on ports only known once started, so the settings are read late.
		client: createOidcSignIn({
			get issuer() {
				return provider?.issuer ?? "";
			},
			clientId: OIDC_CLIENT.id,
			clientSecret: OIDC_CLIENT.secret,
			get redirectUri() {
				return `${origin}/auth/callback`;
			},
			scope: "openid send",
			claims: OIDC_CLAIM_NAMES,
			allowHttp: true,
		}),
	}),
});

describe.skipIf(!hasChromium)("OpenID Connect sign-in in Chromium, against a real provider", () => {
	let chromium: Awaited<ReturnType<typeof launchChromium>>;
	let server: Awaited<ReturnType<typeof listen>>;
	beforeAll(async () => {
		chromium = await launchChromium();
		server = await listen(t.app.fetch);
		origin = server.origin;
		provider = await startOidcProvider([`${origin}/auth/callback`]);
	});
	afterAll(async () => {
		await provider?.close();
		await server?.close();
		await chromium?.close();
	});

	it("signs a Kingston panel in at the provider and comes back to the panel's home", async () => {
		const { context, blocked } = await offlineContext(chromium.browser);
		const page = await context.newPage();
		await page.goto(`${origin}/`);
		await page.click("a.govuk-button--start");
		await page.waitForSelector("input[name=login]");
		await page.fill("input[name=login]", "kingston-panel");
		await page.fill("input[name=password]", "any");
		await page.click("button[type=submit]");
		await page.waitForSelector("button[type=submit]:has-text('Continue')");
		await page.click("button[type=submit]");
		await page.waitForURL(`${origin}/`);
		const heading = await page.locator("h1").textContent();
		expect(heading).toContain("Placement panel");
		await screenshot(page, "oidc-sign-in", "01-home");
		expect(await axeViolations(page)).toEqual([]);
		// oidc-provider's own development login page asks for a web font; our pages ask for nothing.
		expect(blocked.filter((url) => !url.startsWith("https://fonts.googleapis.com/"))).toEqual([]);
		await context.close();
	});
});
