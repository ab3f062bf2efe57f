import { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { requireSignIn } from "../../session/session.js";
import { areaPages } from "./area.js";
import { shadowPricePages } from "./shadow-prices.js";
import { sufficiencyPages } from "./sufficiency.js";
import { whatIfPages } from "./what-if.js";

/** A commissioner's pages (admins may read them too): sufficiency by area, where a place saves most, what if. */
export const COMMISSIONER_PAGES: Record<string, Hono<WebEnv>> = {
	"/commissioner/sufficiency": new Hono<WebEnv>()
		.use(requireSignIn("commissioner", "admin"))
		.route("/", sufficiencyPages)
		.route("/", areaPages),
	"/commissioner/shadow-prices": new Hono<WebEnv>()
		.use(requireSignIn("commissioner", "admin"))
		.route("/", shadowPricePages),
	"/commissioner/what-if": new Hono<WebEnv>()
		.use(requireSignIn("commissioner", "admin"))
		.route("/", whatIfPages),
};
