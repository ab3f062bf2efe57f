import { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { requireSignIn } from "../../session/session.js";
import { consultationPage } from "./consultation.js";
import { inboxPage } from "./inbox.js";

/** A school's pages (role `setting`, for its URN): its consultations and its answers. */
export const SCHOOL_PAGES: Record<string, Hono<WebEnv>> = {
	"/school/consultations": new Hono<WebEnv>()
		.use(requireSignIn("setting"))
		.route("/", inboxPage)
		.route("/", consultationPage),
};
