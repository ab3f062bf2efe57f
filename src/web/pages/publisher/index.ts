import { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { requireSignIn } from "../../session/session.js";
import { changePages } from "./changes.js";
import { settingPages } from "./settings.js";
import { vacancyPages } from "./vacancies.js";

/** A borough publisher's pages: its settings and provisions, and its vacancies as one grid. */
export const PUBLISHER_PAGES: Record<string, Hono<WebEnv>> = {
	"/publisher/settings": new Hono<WebEnv>()
		.use(requireSignIn("publisher"))
		.route("/", settingPages),
	"/publisher/changes": new Hono<WebEnv>().use(requireSignIn("publisher")).route("/", changePages),
	"/publisher/vacancies": new Hono<WebEnv>()
		.use(requireSignIn("publisher"))
		.route("/", vacancyPages),
};
