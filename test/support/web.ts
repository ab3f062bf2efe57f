import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/app.js";
import type { StaticAssets } from "../../src/assets/manifest.js";
import { loadNodeAssets } from "../../src/assets/node-assets.js";
import type { Database } from "../../src/db/types.js";
import type { WebOptions } from "../../src/web/env.js";
import type { SignInMethod } from "../../src/web/session/sign-in-method.js";
import { createTestKeys, TEST_AUDIENCE, TEST_ISSUER, type TestKeys } from "./auth.js";
import { freshDatabase } from "./db.js";
import { FIXED_NOW } from "./shared.js";

export const ORIGIN = "http://localhost";

/** A browser in miniature: keeps cookies, sends forms from our own origin unless told. */
export class Browser {
	readonly cookies = new Map<string, string>();
	constructor(private readonly app: ReturnType<typeof createApp>) {}

	private remember(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(";");
			const [name, ...value] = (pair ?? "").split("=");
			if (!name) continue;
			const v = value.join("=");
			if (v === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, v);
		}
		return response;
	}

	private cookieHeader(): Record<string, string> {
		const c = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
		return c ? { cookie: c } : {};
	}

	async get(path: string, headers: Record<string, string> = {}) {
		const r = await this.app.request(`${ORIGIN}${path}`, {
			headers: { accept: "text/html", ...this.cookieHeader(), ...headers },
		});
		return this.remember(r);
	}

	async post(path: string, form: Record<string, string | string[]>, origin = ORIGIN) {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(form))
			for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
		const r = await this.app.request(`${ORIGIN}${path}`, {
			method: "POST",
			headers: {
				"content-type": "application/x-www-form-urlencoded",
				origin,
				accept: "text/html",
				...this.cookieHeader(),
			},
			body,
		});
		return this.remember(r);
	}

	/** Sends a multipart form (a file upload) from our own origin, as a browser would. */
	async postMultipart(path: string, form: FormData, origin = ORIGIN) {
		const r = await this.app.request(`${ORIGIN}${path}`, {
			method: "POST",
			headers: { origin, accept: "text/html", ...this.cookieHeader() },
			body: form,
		});
		return this.remember(r);
	}

	/** Signs in on the development page as the given role and borough. */
	async signIn(role: string, la = "", extra: Record<string, string> = {}) {
		const r = await this.post("/sign-in", { role, la, next: "/", ...extra });
		if (r.status !== 303) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
		return r;
	}
}

export interface WebTestContext {
	app: ReturnType<typeof createApp>;
	database: Database;
	keys: TestKeys;
	web: WebOptions;
	assets: StaticAssets;
	browser(): Browser;
}

export function testWebOptions(keys: TestKeys, signIn?: SignInMethod): WebOptions {
	return {
		session: { key: randomBytes(32), ttlSeconds: 3600 },
		signIn: signIn ?? {
			kind: "development",
			privateJwk: keys.privateJwk,
			issuer: TEST_ISSUER,
			audience: TEST_AUDIENCE,
		},
	};
}

/** One private database and an app with the web front per test file. */
export function useWebApp(
	options: {
		signIn?: (keys: TestKeys) => SignInMethod;
		/** How background work is scheduled (default: a timer); tests may hold it back. */
		defer?: (task: () => Promise<void>) => void;
	} = {},
) {
	const ctx = {} as WebTestContext;
	beforeAll(async () => {
		ctx.database = await freshDatabase();
		ctx.keys = await createTestKeys();
		ctx.web = testWebOptions(ctx.keys, options.signIn?.(ctx.keys));
		ctx.assets = await loadNodeAssets();
		ctx.app = createApp({
			db: ctx.database.db,
			dbKind: ctx.database.kind,
			verify: ctx.keys.verify,
			now: () => FIXED_NOW,
			maxBodyBytes: 65_536,
			syncRunLimit: 100,
			defer: options.defer,
			assets: ctx.assets,
			web: ctx.web,
		});
		ctx.browser = () => new Browser(ctx.app);
	});
	afterAll(async () => {
		await ctx.database?.close();
	});
	return ctx;
}
