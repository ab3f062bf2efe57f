import type { Hono } from "hono";
import type { WebEnv } from "../../env.js";
import { childrenPages } from "./children.js";
import { consultationPages } from "./consultations.js";
import { figurePages } from "./figures.js";
import { placementPages } from "./placements.js";
import { roundPages } from "./rounds.js";

/** The panel's pages by prefix (each prefix is a page group; see mountWeb). */
export const PANEL_PAGES: Record<string, Hono<WebEnv>> = {
	"/panel/children": childrenPages,
	"/panel/rounds": roundPages,
	"/panel/consultations": consultationPages,
	"/panel/placements": placementPages,
	"/panel/figures": figurePages,
};
