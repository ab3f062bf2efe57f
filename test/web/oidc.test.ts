import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidcSignIn } from "../../src/web/session/oidc.js";
import { OIDC_CLAIM_NAMES, OIDC_CLIENT, startOidcProvider } from "../support/oidc-provider.js";
import { type Browser, useWebApp } from "../support/web.js";

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let issuer = "";
beforeAll(async () => {
	provider = await startOidcProvider(["http://localhost/auth/callback"]);
	issuer = provider.issuer;
});
afterAll(() => provider.close());

const t = useWebApp({
	signIn: () => ({
		kind: "oidc",
		client: createOidcSignIn({
			get issuer() {
				return issuer;
			},
			clientId: OIDC_CLIENT.id,
			clientSecret: OIDC_CLIENT.secret,
			redirectUri: "http://localhost/auth/callback",
			scope: "openid send",
			claims: OIDC_CLAIM_NAMES,
			allowHttp: true,
		}),
	}),
});

/** The provider's side of the browser: follows its redirects and answers its two forms. */
async function signInAtProvider(start: string, login: string): Promise<string> {
	const jar = new Map<string, string>();
	const go = async (url: string, init: RequestInit = {}) => {
		const r = await fetch(url, {
			...init,
			redirect: "manual",
			headers: {
				...(init.headers ?? {}),
				cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
			},
		});
		for (const line of r.headers.getSetCookie()) {
			const [pair] = line.split(";");
			const [name, ...value] = (pair ?? "").split("=");
			if (name) jar.set(name, value.join("="));
		}
		return r;
	};
	let url = start;
	for (let step = 0; step < 12; step++) {
		const r = await go(url);
		const location = r.headers.get("location");
		if (location?.startsWith("http://localhost/auth/callback")) return location;
		if (location) {
			url = new URL(location, url).href;
			continue;
		}
		const page = await r.text();
		const action = /action="([^"]+)"/.exec(page)?.[1];
		const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
		if (!action || !prompt) throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
		const body = new URLSearchParams({ prompt, login, password: "any" });
		const posted = await go(new URL(action, url).href, {
			method: "POST",
			body,
			headers: { "content-type": "application/x-www-form-urlencoded" },
		});
		url = new URL(posted.headers.get("location") ?? url, url).href;
	}
	throw new Error("the provider never redirected back");
}

async function signInWithOidc(browser: Browser, login: string, next = "/") {
	const start = await browser.get(`/sign-in?next=${encodeURIComponent(next)}`);
	expect(start.status).toBe(303);
	const authorise = new URL(start.headers.get("location") ?? "");
	expect(authorise.origin).toBe(issuer);
	expect(authorise.searchParams.get("code_challenge_method")).toBe("S256");
	expect(authorise.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
	const callback = await signInAtProvider(authorise.href, login);
	return browser.get(callback.replace("http://localhost", ""));
}

describe("OpenID Connect sign-in against a real provider", () => {
	it("signs a Kingston panel in by code + PKCE, its role and borough taken from configured claims", async () => {
		const browser = t.browser();
		const back = await signInWithOidc(browser, "kingston-panel", "/panel/children");
		expect(back.status).toBe(303);
		expect(back.headers.get("location")).toBe("/panel/children");
		expect(browser.cookies.has("send_session")).toBe(true);
		expect(browser.cookies.has("send_oidc")).toBe(false);
		const home = await (await browser.get("/")).text();
		expect(home).toContain("Placement panel");
		expect(home).toContain("Kingston upon Thames");
	});

	it("maps a school's URN claim (a string at the provider) to its number", async () => {
		const browser = t.browser();
		expect((await signInWithOidc(browser, "a-school")).status).toBe(303);
		expect(await (await browser.get("/")).text()).toContain("School or college");
		// The inbox reads consultations by the session's URN: a URN that did not arrive is a failure.
		expect((await browser.get("/school/consultations")).status).toBe(200);
	});

	it("refuses an account without a role claim, and starts no session", async () => {
		const browser = t.browser();
		const r = await signInWithOidc(browser, "no-role");
		expect(r.status).toBe(403);
		expect(await r.text()).toContain("claim role");
		expect(browser.cookies.has("send_session")).toBe(false);
	});

	it("refuses a callback it did not start, or one whose state was changed", async () => {
		const stray = await t.browser().get("/auth/callback?code=abc&state=xyz");
		expect(stray.status).toBe(400);
		const browser = t.browser();
		const start = await browser.get("/sign-in");
		const authorise = new URL(start.headers.get("location") ?? "");
		const callback = new URL(await signInAtProvider(authorise.href, "kingston-panel"));
		callback.searchParams.set("state", "tampered");
		const r = await browser.get(callback.pathname + callback.search);
		expect(r.status).toBe(401);
		expect(browser.cookies.has("send_session")).toBe(false);
	});

	it("signs out here and at the provider (RP-initiated logout), which accepts the request", async () => {
		const browser = t.browser();
		await signInWithOidc(browser, "kingston-panel");
		const out = await browser.post("/sign-out", {});
		expect(out.status).toBe(303);
		const endSession = new URL(out.headers.get("location") ?? "");
		expect(endSession.origin).toBe(issuer);
		expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/");
		expect(endSession.searchParams.get("client_id")).toBe(OIDC_CLIENT.id);
		expect(endSession.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
		expect(browser.cookies.has("send_session")).toBe(false);
		expect((await browser.get("/panel/children")).status).toBe(303);
		// The provider checks the hint and the redirect; a bad one answers 400 instead of its form.
		const atProvider = await fetch(endSession, { redirect: "manual" });
		expect(atProvider.status).toBe(200);
		expect(await atProvider.text()).toMatch(/logout|sign.?out/i);
		endSession.searchParams.set("post_logout_redirect_uri", "https://elsewhere.example/");
		expect((await fetch(endSession, { redirect: "manual" })).status).toBe(400);
	});

	it("has no development sign-in form", async () => {
		expect((await t.browser().post("/sign-in", { role: "admin" })).status).toBe(404);
	});
});
