import type { Context } from "hono";
import type { Actor } from "../services/audit.js";
import type { AppEnv } from "./env.js";

/** The verified caller and the request id, as the audit log records them. */
export function actorOf(c: Context<AppEnv>): Actor {
	return { principal: c.get("principal"), requestId: c.get("requestId") };
}
