import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { ApiError } from "../http/problem.js";
import { createRouter } from "../http/router.js";
import { bytesSource, charsetOf, refuseMislabelled } from "../services/import/encoding.js";
import { importLinks } from "../services/import-links.js";

const LinksResult = z
	.object({
		file: z.object({
			name: z.string().optional(),
			encoding: z.enum(["utf-8", "windows-1252"]),
			rows: z.number().int(),
			asOf: z.string(),
		}),
		links: z.number().int().openapi({ description: "Predecessor → successor pairs in the file" }),
		created: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		passedOver: z
			.record(z.string(), z.number().int())
			.openapi({ description: "Rows of other link types (sixth-form centres, Other), by type" }),
		dryRun: z.boolean(),
	})
	.openapi("UrnLinksImportResult");

const linksRoute = createRoute({
	method: "post",
	path: "/settings/import-links",
	operationId: "importUrnLinks",
	tags: ["Registry"],
	summary: "Import the GIAS links file (predecessor → successor URNs), all or nothing",
	description:
		"The GIAS *links* download (`links_edubasealldataYYYYMMDD.csv`: URN, LinkURN, LinkName, LinkType, LinkEstablishedDate), as `npm run import:gias-links` reads it: every Successor / Predecessor pair is stored once (a re-import updates its type and date), other link types are counted in `passedOver`. Then an old URN resolves to the current school wherever a URN is accepted. `text/csv`, UTF-8 or `charset=windows-1252` as GIAS downloads are. A missing column or broken quoting is a 400; a bad URN or date is a 422 naming `rows[n].<column>`; nothing is written. Admins only.",
	security: bearerSecurity,
	middleware: [requireRole("admin")] as const,
	request: {
		query: z.object({
			dryRun: z.enum(["true", "false"]).optional(),
			asOf: z.iso.date().optional().openapi({ example: "2026-09-01" }),
		}),
		body: {
			required: true,
			content: {
				"text/csv": {
					schema: z.string().openapi({
						example:
							'"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"\r\n"100002","990402","Brockley Park Primary School","Successor","01-04-2019"\r\n',
					}),
				},
			},
		},
	},
	responses: {
		200: jsonContent(LinksResult, "Imported (or, with dryRun, checked)"),
		...authResponses,
		...problemResponses(400, 413, 415, 422),
	},
});

/** Mounted by hand, as POST /settings/import is, so the CSV body is read by the importer. */
const { middleware, ...documented } = linksRoute;
export const importLinksRoutes = createRouter();
importLinksRoutes.openAPIRegistry.registerPath(documented);
importLinksRoutes.post(linksRoute.getRoutingPath(), ...middleware, async (c) => {
	const query = linksRoute.request.query.safeParse(c.req.query());
	if (!query.success)
		throw new ApiError("validation_failed", "dryRun must be true or false, asOf a date", {
			errors: query.error.issues.map((i) => ({
				path: `query.${i.path.join(".")}`,
				message: i.message,
			})),
		});
	const contentType = c.req.header("content-type") ?? "";
	const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
	if (media !== "text/csv")
		throw new ApiError(
			"unsupported_media_type",
			`send the GIAS links file as text/csv, not ${media || "a body without Content-Type"}`,
		);
	const bytes = new Uint8Array(await c.req.arrayBuffer());
	const encoding = charsetOf(contentType) ?? "utf-8";
	if (encoding === "windows-1252") refuseMislabelled(bytes);
	const name = /filename="?([^";]+)"?/i.exec(c.req.header("content-disposition") ?? "")?.[1];
	const { db, now } = c.get("deps");
	const result = await importLinks(
		db,
		actorOf(c),
		{ source: bytesSource(bytes), encoding, name },
		now(),
		{ dryRun: query.data.dryRun === "true", asOf: query.data.asOf },
	);
	return c.json(result, 200);
});
