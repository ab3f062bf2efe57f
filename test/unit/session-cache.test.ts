import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/claims.js";
import { SessionCache } from "../../src/web/session/session-cache.js";

const panel: Principal = { subject: "p", role: "panel", la: "314", urn: null, joint: null };

describe("the cache of checked session cookies", () => {
	it("remembers a cookie until the earliest of its expiry, the token's and five minutes", () => {
		let now = 1_000_000_000_000;
		const cache = new SessionCache(() => now);
		const inSeconds = (s: number) => now / 1000 + s;
		cache.set("a", panel, inSeconds(60), inSeconds(3600));
		cache.set("b", panel, inSeconds(3600), inSeconds(30));
		cache.set("c", panel, inSeconds(3600), undefined);
		expect(cache.get("a")).toEqual(panel);
		now += 31_000;
		expect(cache.get("b")).toBeUndefined();
		expect(cache.get("a")).toEqual(panel);
		now += 30_000;
		expect(cache.get("a")).toBeUndefined();
		expect(cache.get("c")).toEqual(panel);
		now += 5 * 60_000;
		expect(cache.get("c")).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it("does not keep a cookie that has already expired, nor more than 5,000", () => {
		const now = 2_000_000_000_000;
		const cache = new SessionCache(() => now);
		cache.set("old", panel, now / 1000 - 1);
		expect(cache.get("old")).toBeUndefined();
		for (let i = 0; i <= 5_000; i++) cache.set(`s${i}`, panel);
		expect(cache.size).toBe(5_000);
		expect(cache.get("s0")).toBeUndefined();
		expect(cache.get("s5000")).toEqual(panel);
	});
});
