import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { ASSET_PREFIX, type StaticAssets } from "./assets/manifest.js";
import type { Verifier } from "./auth/verifier.js";
import type { Db, DriverKind } from "./db/types.js";
import { DOCS_CSP, docsPage } from "./docs/pages.js";
import type { AppEnv } from "./http/env.js";
import { rejectNulBytes } from "./http/nul-bytes.js";
import { ApiError, ERROR_CODES, type ErrorCode, problemResponse } from "./http/problem.js";
import { requestLogger } from "./http/request-log.js";
import { createRouter } from "./http/router.js";
import { childRoutes } from "./routes/children.js";
import { consultationRoutes } from "./routes/consultations.js";
import { healthRoutes } from "./routes/health.js";
import { importRoutes } from "./routes/import.js";
import { importLinksRoutes } from "./routes/import-links.js";
import { matchingRunRoutes } from "./routes/matching-runs.js";
import { optionRoutes } from "./routes/options.js";
import { panelStatsRoutes } from "./routes/panel-stats.js";
import { placementRoutes } from "./routes/placements.js";
import { referenceRoutes } from "./routes/reference.js";
import { registryRoutes } from "./routes/registry.js";
import { settingsRoutes } from "./routes/settings.js";
import { sufficiencyRoutes } from "./routes/sufficiency.js";
import { sufficiencyPlanRoutes } from "./routes/sufficiency-plan.js";
import { vacancyRoutes } from "./routes/vacancies.js";
import { whatIfRoutes } from "./routes/what-if.js";
import { requestJobWorker } from "./services/jobs/from-app.js";
import type { JobWorker } from "./services/jobs/worker.js";
import {
	appErrorPage,
	IMPORT_PAGE_PATH,
	isPagePath,
	mountWeb,
	notFoundPage,
	type WebOptions,
	wantsPage,
} from "./web/index.js";

export interface AppOptions {
	db: Db;
	dbKind: DriverKind;
	verify: Verifier;
	/** Largest request body accepted, in bytes. */
	maxBodyBytes?: number;
	/** Largest register file POST /settings/import accepts (a national GIAS extract is ~60 MB). */
	importMaxBodyBytes?: number;
	now?: () => Date;
	/** How background work (large matching runs) is scheduled; default: a Node timer. */
	defer?: (task: () => Promise<void>) => void;
	/** Runs jobs from the database; default: one that only runs what this app's requests start. */
	jobs?: JobWorker;
	/** Matching rounds up to this many children answer at once (default 500). */
	syncRunLimit?: number;
	/** The built static files (`npm install` builds them; see src/cli/build-assets.ts). */
	assets: StaticAssets;
	/** Receives one line per request (LOG_REQUESTS=true); absent, nothing is logged. */
	logRequest?: (line: string) => void;
	/** The web front (pages, sign-in); without it the app serves the API alone. */
	web?: WebOptions;
}

/** Statuses hono's own middleware raises, mapped onto our closed set of codes. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
	400: "bad_request",
	401: "unauthenticated",
	403: "forbidden",
	404: "not_found",
	405: "method_not_allowed",
	413: "payload_too_large",
	415: "unsupported_media_type",
};

export const SERVICE_NAME = "London SEND Placement Brokerage";
export const API_TITLE = `${SERVICE_NAME} API`;
export const API_VERSION = "0.1.0";

/** Builds the whole HTTP API from its dependencies; entry points (Node, Worker) stay thin. */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
	const deps = {
		db: options.db,
		dbKind: options.dbKind,
		verify: options.verify,
		now: options.now ?? (() => new Date()),
		defer:
			options.defer ??
			((task: () => Promise<void>) => {
				setTimeout(
					() => void task().catch((error) => console.error("background task failed", error)),
					0,
				);
			}),
		syncRunLimit: options.syncRunLimit ?? 500,
		jobs: options.jobs ?? requestJobWorker(options.db, options.now),
	};
	const app = createRouter();

	app.use(requestId());
	if (options.logRequest) app.use(requestLogger(options.logRequest));
	app.use(async (c, next) => {
		c.set("deps", deps);
		await next();
		// No answer may be sniffed into another type (a CSV or JSON rendered as HTML).
		c.header("X-Content-Type-Options", "nosniff");
		// An answer to a bearer token is the caller's own data (children above all): no shared
		// cache or browser history may keep it, unless the route said otherwise.
		if (c.req.header("authorization") && !c.res.headers.has("cache-control")) {
			c.header("Cache-Control", "no-store");
		}
	});
	const limit = (maxSize: number) =>
		bodyLimit({
			maxSize,
			onError: () => {
				// The rest of the body is never read, so the connection cannot carry another request:
				// say so rather than close it silently.
				throw new ApiError("payload_too_large", `the body exceeds ${maxSize} bytes`, {
					headers: { connection: "close" },
				});
			},
		});
	const bodyLimitDefault = limit(options.maxBodyBytes ?? 1_048_576);
	const bodyLimitImport = limit(options.importMaxBodyBytes ?? options.maxBodyBytes ?? 1_048_576);
	// The upload page takes a register file as large as the API's import does.
	const importPaths = ["/settings/import", "/settings/import-links", IMPORT_PAGE_PATH];
	app.use((c, next) =>
		importPaths.includes(c.req.path) ? bodyLimitImport(c, next) : bodyLimitDefault(c, next),
	);
	app.use(rejectNulBytes(options.web ? isPagePath : undefined));

	app.route("/", healthRoutes);
	app.route("/", referenceRoutes);
	app.route("/", settingsRoutes);
	app.route("/", registryRoutes);
	app.route("/", importRoutes);
	app.route("/", importLinksRoutes);
	app.route("/", vacancyRoutes);
	app.route("/", childRoutes);
	app.route("/", matchingRunRoutes);
	app.route("/", optionRoutes);
	app.route("/", whatIfRoutes);
	app.route("/", sufficiencyPlanRoutes);
	app.route("/", consultationRoutes);
	app.route("/", placementRoutes);
	app.route("/", panelStatsRoutes);
	app.route("/", sufficiencyRoutes);

	app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
		type: "http",
		scheme: "bearer",
		bearerFormat: "JWT",
		description:
			"A JWT from the identity provider (locally: `npm run -s token -- --la 314 --role publisher`). Claims: role (publisher, panel, commissioner, setting, admin), la (the caller's borough), urn (role setting), joint (role panel: the partnership whose joint panel the caller sits on).",
	});
	app.doc31("/openapi.json", {
		openapi: "3.1.0",
		info: {
			title: API_TITLE,
			version: API_VERSION,
			description:
				"Share specialist SEND places across London's 33 boroughs. Errors are application/problem+json (RFC 9457).",
			license: {
				name: "Data: Open Government Licence v3.0",
				url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
			},
		},
		servers: [{ url: "/" }],
	});
	const read = options.assets.read;
	if (read) {
		app.use(`${ASSET_PREFIX}*`, compress(), async (c, next) => (await read(c.req.path)) ?? next());
	}
	app.get("/docs", (c) => {
		c.header("Content-Security-Policy", DOCS_CSP);
		return c.html(docsPage(options.assets.manifest, API_TITLE));
	});
	const web =
		options.web &&
		mountWeb(app, options.web, options.assets.manifest, {
			importMaxBytes: options.importMaxBodyBytes ?? options.maxBodyBytes ?? 1_048_576,
		});

	app.notFound((c) =>
		web && wantsPage(c)
			? notFoundPage(c, web)
			: problemResponse(
					c,
					new ApiError("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
				),
	);
	app.onError((error, c) => {
		// Refused before the pages' own handler (a body over the limit): still a page.
		if (web && isPagePath(c.req.path)) return appErrorPage(error, c, web);
		if (error instanceof ApiError) return problemResponse(c, error);
		if (error instanceof HTTPException) {
			const code = HTTP_EXCEPTION_CODES[error.status] ?? "bad_request";
			return problemResponse(c, new ApiError(code, error.message || ERROR_CODES[code].title));
		}
		console.error(`[${c.get("requestId")}]`, error);
		return problemResponse(
			c,
			new ApiError("internal", "an unexpected error occurred; it has been logged"),
		);
	});
	return app;
}
