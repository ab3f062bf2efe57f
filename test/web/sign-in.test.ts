import { describe, expect, it } from "vitest";
import { Browser, useWebApp } from "../support/web.js";

const t = useWebApp();

describe("development sign-in (the server holds its own development key)", () => {
	it("offers a form to choose a role and borough", async () => {
		const r = await t.browser().get("/sign-in");
		expect(r.status).toBe(200);
		const page = await r.text();
		expect(page).toContain("Sign in (development)");
		expect(page).toContain('<option value="314" selected="">Kingston upon Thames (314)</option>');
	});

	it("signs a panel in with a sealed, HttpOnly, Secure, SameSite=Lax cookie with an expiry", async () => {
		const browser = t.browser();
		const r = await browser.signIn("panel", "314");
		expect(r.headers.get("location")).toBe("/");
		const cookie = r.headers.getSetCookie().find((c) => c.startsWith("send_session="));
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/Secure/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Max-Age=3600/);
		// Sealed (JWE, five parts), not a readable token.
		expect(browser.cookies.get("send_session")?.split(".")).toHaveLength(5);
		const home = await (await browser.get("/")).text();
		expect(home).toContain("Placement panel");
		expect(home).toContain("Kingston upon Thames");
		expect(home).toContain('href="/panel/children"');
	});

	it("returns to the page asked for, never to another site", async () => {
		const browser = t.browser();
		const away = await browser.get("/panel/children?status=awaiting");
		expect(away.status).toBe(303);
		expect(away.headers.get("location")).toBe(
			"/sign-in?next=%2Fpanel%2Fchildren%3Fstatus%3Dawaiting",
		);
		const back = await browser.post("/sign-in", {
			role: "panel",
			la: "314",
			next: "/panel/children?status=awaiting",
		});
		expect(back.headers.get("location")).toBe("/panel/children?status=awaiting");
		for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
			const r = await t.browser().post("/sign-in", { role: "panel", la: "314", next });
			expect(r.headers.get("location")).toBe("/");
		}
	});

	it("marks the fields a panel without a borough or a bad URN gets wrong, and signs no one in", async () => {
		const browser = t.browser();
		const r = await browser.post("/sign-in", { role: "panel", la: "" });
		expect(r.status).toBe(400);
		const page = await r.text();
		expect(page).toContain("<title>Error: Sign in (development)");
		expect(page).toContain('href="#la"');
		expect(page).toContain("govuk-form-group--error");
		expect(browser.cookies.has("send_session")).toBe(false);
		const urn = await t.browser().post("/sign-in", { role: "setting", urn: "12a3" });
		expect(urn.status).toBe(400);
		expect(await urn.text()).toContain("Enter the URN as 6 digits");
		// A NUL byte is refused before any page by the app's guard, which names the field.
		const nul = await t.browser().post("/sign-in", { role: "setting", urn: "12\u00003" });
		expect(nul.status).toBe(400);
		expect(await nul.text()).toContain("The field “urn” contains a NUL character");
		const huge = await t.browser().post("/sign-in", { role: "x".repeat(10_000) });
		expect(huge.status).toBe(400);
		expect(await huge.text()).toContain("Choose a role");
	});

	it("signs out, and a tampered cookie is no session", async () => {
		const browser = t.browser();
		await browser.signIn("panel", "314");
		const out = await browser.post("/sign-out", {});
		expect(out.status).toBe(303);
		expect(browser.cookies.has("send_session")).toBe(false);
		expect((await browser.get("/panel/children")).status).toBe(303);
		const forged = new Browser(t.app);
		forged.cookies.set("send_session", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC");
		expect((await forged.get("/panel/children")).status).toBe(303);
	});

	it("ends a session at its expiry, though a checked session is remembered between requests", async () => {
		const browser = t.browser();
		const ttl = t.web.session.ttlSeconds;
		t.web.session.ttlSeconds = 4;
		const signedInAt = Date.now();
		try {
			await browser.signIn("panel", "314");
		} finally {
			t.web.session.ttlSeconds = ttl;
		}
		expect((await browser.get("/panel/children")).status).toBe(200);
		expect((await browser.get("/panel/children")).status).toBe(200);
		const left = signedInAt + 5_000 - Date.now();
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, left)));
		const after = await browser.get("/panel/children");
		expect(after.status).toBe(303);
		expect(after.headers.get("location")).toMatch(/^\/sign-in\?next=/);
	});

	it("refuses a form posted from another site, and changes nothing", async () => {
		const browser = t.browser();
		const r = await browser.post("/sign-in", { role: "admin" }, "https://evil.example");
		expect(r.status).toBe(403);
		expect(r.headers.get("content-type")).toMatch(/^text\/html/);
		expect(await r.text()).toContain("sent from another site");
		expect(browser.cookies.has("send_session")).toBe(false);
		const signedIn = t.browser();
		await signedIn.signIn("panel", "314");
		const out = await signedIn.post("/sign-out", {}, "https://evil.example");
		expect(out.status).toBe(403);
		expect(signedIn.cookies.has("send_session")).toBe(true);
	});

	it("shows another role's pages as 403, not the panel's data", async () => {
		const browser = t.browser();
		await browser.signIn("commissioner");
		const r = await browser.get("/panel/children");
		expect(r.status).toBe(403);
		expect(await r.text()).toContain("You cannot see this page");
	});
});

describe("with an identity provider configured there is no development sign-in", () => {
	const idp = useWebApp({ signIn: () => ({ kind: "none" }) });

	it("has no development form, and its post answers 404", async () => {
		const page = await idp.browser().get("/sign-in");
		expect(page.status).toBe(503);
		expect(await page.text()).not.toContain("Sign in (development)");
		const post = await idp.browser().post("/sign-in", { role: "admin" });
		expect(post.status).toBe(404);
		expect(post.headers.getSetCookie().some((c) => c.startsWith("send_session="))).toBe(false);
	});
});
