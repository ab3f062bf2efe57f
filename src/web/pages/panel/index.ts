import type { Hono } from "hono";
import type { WebEnv } from "../../env.js";

/** The panel's pages by prefix (each prefix is a page group; see mountWeb). */
export const PANEL_PAGES: Record<string, Hono<WebEnv>> = {};
