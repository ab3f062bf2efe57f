import { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { requireSignIn } from "../../session/session.js";
import { changePages } from "./changes.js";
import { importPages } from "./import.js";
import { settingPages } from "./settings.js";
import { vacancyPages } from "./vacancies.js";

/** The upload page: it takes a body as large as POST /settings/import does. */
export const IMPORT_PAGE_PATH = "/publisher/import";

/** A borough publisher's pages: its settings and provisions, and its vacancies as one grid. */
export const PUBLISHER_PAGES: Record<string, Hono<WebEnv>> = {
	"/publisher/settings": new Hono<WebEnv>()
		.use(requireSignIn("publisher"))
		.route("/", settingPages),
	"/publisher/changes": new Hono<WebEnv>().use(requireSignIn("publisher")).route("/", changePages),
	[IMPORT_PAGE_PATH]: new Hono<WebEnv>().use(requireSignIn("publisher")).route("/", importPages),
	"/publisher/vacancies": new Hono<WebEnv>()
		.use(requireSignIn("publisher"))
		.route("/", vacancyPages),
};
