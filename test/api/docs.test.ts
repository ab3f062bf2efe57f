import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/app.js";

const t = useTestApp();

describe("GET /docs, the API reference", () => {
	it("is served with every script it references from the app itself, cacheable for a year", async () => {
		const res = await t.get("/docs");
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toContain("text/html");
		expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
		const html = await res.text();
		const sources = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
			(m) => m[1] as string,
		);
		expect(sources.length).toBeGreaterThanOrEqual(2);
		expect(html).not.toMatch(/https?:\/\//);
		for (const src of sources) {
			expect(src).toMatch(/^\/assets\/[a-z-]+\.[0-9a-f]{12}\.js$/);
			const asset = await t.get(src);
			expect(asset.status, src).toBe(200);
			expect(asset.headers.get("content-type")).toContain("text/javascript");
			expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
			expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
		}
	});

	it("compresses the reference's script for a browser that accepts gzip", async () => {
		const html = await (await t.get("/docs")).text();
		const src = html.match(/src="(\/assets\/scalar\.[^"]+)"/)?.[1] as string;
		const res = await t.get(src, { "accept-encoding": "gzip" });
		expect(res.headers.get("content-encoding")).toBe("gzip");
	});

	it("serves only built files: an unknown or traversing asset path is a 404", async () => {
		for (const path of ["/assets/nope.js", "/assets/../package.json", "/assets/manifest.json"]) {
			expect((await t.get(path)).status, path).toBe(404);
		}
	});
});
