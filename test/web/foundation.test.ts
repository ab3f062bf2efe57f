import { describe, expect, it } from "vitest";
import { useWebApp } from "../support/web.js";

const t = useWebApp();

describe("the start page and the layout", () => {
	it("says what the service is and offers sign-in, in the service's own brand", async () => {
		const r = await t.browser().get("/");
		expect(r.status).toBe(200);
		expect(r.headers.get("content-type")).toMatch(/^text\/html/);
		const page = await r.text();
		expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
		expect(page).toContain("London SEND Placement Brokerage");
		expect(page).toContain('href="/sign-in"');
		for (const href of ["/docs", "/openapi.json", "/health"])
			expect(page).toContain(`href="${href}"`);
		expect(page).toContain("govuk-generic-header");
		// Not GOV.UK: no crown, no GOV.UK logo or typeface.
		expect(page).not.toMatch(/govuk-logo|govuk-header__logotype|GDS Transport/i);
	});

	it("sends a CSP without inline script, nosniff, no framing and no-store", async () => {
		const r = await t.browser().get("/");
		const csp = r.headers.get("content-security-policy") ?? "";
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain("unsafe-inline");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(r.headers.get("x-content-type-options")).toBe("nosniff");
		expect(r.headers.get("x-frame-options")).toBe("DENY");
		expect(r.headers.get("cache-control")).toBe("no-store");
		expect(await r.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
	});

	it("serves the hashed CSS and JS with a year's caching", async () => {
		const manifest = t.assets.manifest;
		for (const path of [manifest["app.css"] ?? "", manifest["app.js"] ?? ""]) {
			expect(path).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.(css|js)$/);
			const r = await t.app.request(path);
			expect(r.status).toBe(200);
			expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
			expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(1000);
		}
		const css = await (await t.app.request(manifest["app.css"] ?? "")).text();
		expect(css).toContain("#5b2a86");
		expect(css).not.toContain("GDS Transport");
		expect((await t.app.request("/assets/app.000000000000.css")).status).toBe(404);
	});

	it("answers a browser's unknown page with a 404 page, and an API client with problem+json", async () => {
		const page = await t.browser().get("/no-such-page");
		expect(page.status).toBe(404);
		expect(await page.text()).toContain("Page not found");
		const api = await t.app.request("/no-such-page");
		expect(api.status).toBe(404);
		expect(api.headers.get("content-type")).toContain("application/problem+json");
	});

	it("leaves the API's own answers alone (no session or CSP middleware on API routes)", async () => {
		const r = await t.app.request("/health");
		expect(r.status).toBe(200);
		expect(r.headers.get("content-security-policy")).toBeNull();
	});
});
