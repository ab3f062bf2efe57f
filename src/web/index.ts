import type { Context, Hono, MiddlewareHandler } from "hono";
import { Hono as Router } from "hono";
import type { AssetManifest } from "../assets/manifest.js";
import type { AppEnv } from "../http/env.js";
import type { MountedWeb, WebEnv, WebLimits, WebOptions } from "./env.js";
import { errorPage, pageErrorHandler } from "./errors.js";
import { ADMIN_PAGES } from "./pages/admin/index.js";
import { COMMISSIONER_PAGES } from "./pages/commissioner/index.js";
import { PANEL_PAGES } from "./pages/panel/index.js";
import { PUBLISHER_PAGES } from "./pages/publisher/index.js";
import { SCHOOL_PAGES } from "./pages/school/index.js";
import { signInPages } from "./pages/sign-in.js";
import { startPage } from "./pages/start.js";
import { formNulCheck, formOriginCheck, pageHeaders, queryNulCheck } from "./security.js";
import { readSession } from "./session/session.js";
import { SessionCache } from "./session/session-cache.js";

export type { WebOptions } from "./env.js";
export { IMPORT_PAGE_PATH } from "./pages/publisher/index.js";

function provide(options: MountedWeb): MiddlewareHandler<WebEnv> {
	return async (c, next) => {
		c.set("web", options);
		await next();
	};
}

function pageMiddleware(options: MountedWeb): MiddlewareHandler<WebEnv>[] {
	return [provide(options), pageHeaders, readSession(), formOriginCheck(), formNulCheck()];
}

/** A group of pages with the pages' middleware; mounted at its own prefix, it touches no API route. */
function pageGroup(options: MountedWeb, pages: Hono<WebEnv>, checkAddress: boolean): Hono<AppEnv> {
	const group = new Router<WebEnv>();
	group.use(...pageMiddleware(options));
	if (checkAddress) group.use(queryNulCheck);
	group.onError(pageErrorHandler);
	group.route("/", pages);
	return group as unknown as Hono<AppEnv>;
}

/** Every role's pages by prefix: each prefix is its own page group. */
const PAGE_GROUPS = {
	...PANEL_PAGES,
	...COMMISSIONER_PAGES,
	...PUBLISHER_PAGES,
	...SCHOOL_PAGES,
	...ADMIN_PAGES,
};

const ROOT_PATHS = ["/", "/sign-in", "/sign-out", "/auth/callback"];

/**
 * The web front: server-rendered pages on the same app, calling the same services as the API.
 * The pages' middleware (session, CSP, Origin check) is bound to the pages' own paths, so it
 * never runs for an API route.
 */
export function mountWeb(
	app: Hono<AppEnv>,
	web: WebOptions,
	manifest: AssetManifest,
	limits: WebLimits,
): MountedWeb {
	const options: MountedWeb = { ...web, manifest, sessions: new SessionCache(), ...limits };
	for (const path of ROOT_PATHS) {
		const middleware = [...pageMiddleware(options), queryNulCheck];
		app.use(path, ...(middleware as unknown as MiddlewareHandler<AppEnv>[]));
	}
	const root = new Router<WebEnv>().route("/", startPage).route("/", signInPages);
	root.onError(pageErrorHandler);
	app.route("/", root as unknown as Hono<AppEnv>);
	for (const [prefix, pages] of Object.entries(PAGE_GROUPS)) {
		app.route(prefix, pageGroup(options, pages, !(prefix in PANEL_PAGES)));
	}
	return options;
}

/** Whether a path is one of the pages' (which check their own input and answer with pages). */
export function isPagePath(path: string): boolean {
	return (
		ROOT_PATHS.includes(path) ||
		Object.keys(PAGE_GROUPS).some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
	);
}

/** A browser asking for a page that does not exist gets a page, not problem+json. */
export function wantsPage(c: Context): boolean {
	return c.req.method === "GET" && (c.req.header("accept") ?? "").includes("text/html");
}

export function notFoundPage(c: Context<AppEnv>, options: MountedWeb) {
	const wc = c as unknown as Context<WebEnv>;
	wc.set("web", options);
	wc.set("signedIn", false);
	return errorPage(wc, 404, "Check the address, or go back and choose again.");
}

/** An error the app raised before a page's own handler ran (a body over the limit), as a page. */
export function appErrorPage(error: Error, c: Context<AppEnv>, options: MountedWeb) {
	const wc = c as unknown as Context<WebEnv>;
	wc.set("web", options);
	wc.set("signedIn", false);
	return pageErrorHandler(error, wc);
}
