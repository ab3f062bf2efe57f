import { createRoute, z } from "@hono/zod-openapi";
import { publicAccess } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { listBoroughs, listLevels, listNeedTypes, listPartnerships } from "../queries/reference.js";

const Borough = z
	.object({
		code: z.string().openapi({ example: "314", description: "DfE 3-digit LA code" }),
		gssCode: z.string().openapi({ example: "E09000021", description: "ONS GSS code" }),
		name: z.string().openapi({ example: "Kingston upon Thames" }),
		inner: z.boolean(),
		centroid: z.object({ lat: z.number(), lon: z.number() }),
		partnerships: z.array(z.string()),
	})
	.openapi("Borough");

const Partnership = z
	.object({
		id: z.string().openapi({ example: "aldcs-south" }),
		name: z.string(),
		kind: z.string().openapi({ example: "aldcs-subregion" }),
		note: z.string().nullable(),
		members: z.array(z.string()),
	})
	.openapi("Partnership");

const NeedType = z
	.object({
		code: z.string().openapi({ example: "ASD" }),
		label: z.string(),
		giasLabel: z.string().openapi({ example: "ASD - Autistic Spectrum Disorder" }),
	})
	.openapi("NeedType");

const PlanLevel = z
	.object({
		code: z.string().openapi({ example: "special_school" }),
		label: z.string(),
		provisionLevels: z.array(
			z.object({
				code: z.string(),
				label: z.string(),
				mainstream: z.boolean(),
				sen2Codes: z.record(z.string(), z.string()),
				defaultPlaceFunding: z.number().int(),
			}),
		),
	})
	.openapi("PlanLevel");

const tags = ["Reference"];
/** Reference lists take no parameters; an unknown one (a filter that does not exist) is a 400. */
const list = <T extends z.ZodTypeAny>(
	operationId: string,
	path: string,
	summary: string,
	item: T,
) =>
	createRoute({
		method: "get",
		path,
		operationId,
		tags,
		summary,
		security: publicAccess,
		request: { query: z.object({}).strict() },
		responses: {
			200: jsonContent(z.object({ items: z.array(item) }), summary),
			...problemResponses(400),
		},
	});

export const referenceRoutes = createRouter()
	.openapi(
		list("listBoroughs", "/boroughs", "London's 33 local authorities", Borough),
		async (c) => {
			const rows = await listBoroughs(c.get("deps").db);
			const items = rows.map(({ centroidLat, centroidLon, ...b }) => ({
				...b,
				centroid: { lat: centroidLat, lon: centroidLon },
			}));
			return c.json({ items }, 200);
		},
	)
	.openapi(
		list("listPartnerships", "/partnerships", "Groupings of boroughs", Partnership),
		async (c) => {
			return c.json({ items: await listPartnerships(c.get("deps").db) }, 200);
		},
	)
	.openapi(list("listNeedTypes", "/need-types", "SEN2 primary-need types", NeedType), async (c) => {
		return c.json({ items: await listNeedTypes(c.get("deps").db) }, 200);
	})
	.openapi(
		list(
			"listLevels",
			"/levels",
			"Levels a plan calls for, and the provision levels meeting each",
			PlanLevel,
		),
		async (c) => {
			return c.json({ items: await listLevels(c.get("deps").db) }, 200);
		},
	);
