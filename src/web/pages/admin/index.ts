import { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { requireSignIn } from "../../session/session.js";
import { auditPages } from "./audit.js";

/** An administrator's pages. */
export const ADMIN_PAGES: Record<string, Hono<WebEnv>> = {
	"/admin/audit": new Hono<WebEnv>().use(requireSignIn("admin")).route("/", auditPages),
};
