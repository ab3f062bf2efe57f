import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonContent, problemResponses } from "../http/openapi.js";
import { ApiError } from "../http/problem.js";
import { createRouter } from "../http/router.js";
import { bytesSource, charsetOf, refuseMislabelled } from "../services/import/encoding.js";
import { REQUIRED_COLUMNS } from "../services/import/gias-columns.js";
import { ImportJson, MAX_ROWS } from "../services/import/json.js";
import { type ImportBody, importSettings } from "../services/import-settings.js";

const ImportResult = z
	.object({
		rows: z.array(
			z.object({
				row: z.number().int().openapi({
					description: "CSV: 1-based data row (the header not counted); JSON: index in `settings`",
				}),
				urn: z.number().int(),
				created: z.boolean(),
				outcome: z.enum(["created", "updated", "unchanged"]).openapi({
					description: "`unchanged`: the file repeats what is stored, so nothing was written",
				}),
				etag: z.string().openapi({ description: "The setting's ETag after the import" }),
				provisions: z.array(z.object({ code: z.string(), created: z.boolean() })),
				assumed: z.array(z.string()).openapi({
					description:
						"Fields the import filled in, e.g. `provisions.SS.annualCost.topUp` (the middle band) or `location` (the postcode district centroid); correct them with PUT",
					example: ["location", "provisions.SS.annualCost.placeFunding"],
				}),
			}),
		),
		skipped: z.array(
			z.object({ row: z.number().int(), urn: z.number().int().nullable(), reason: z.string() }),
		),
		closed: z
			.array(z.object({ row: z.number().int(), urn: z.number().int(), closedOn: z.string() }))
			.openapi({
				description:
					"Stored settings the register now says are closed: marked with the day, kept, and no longer counted as supply",
			}),
		created: z.number().int().openapi({ description: "Settings created" }),
		updated: z.number().int().openapi({ description: "Settings updated" }),
		unchanged: z.number().int().openapi({ description: "Settings the file repeats as stored" }),
		flagged: z.number().int().openapi({ description: "Rows imported with something to check" }),
		flags: z
			.array(
				z.object({
					row: z.number().int(),
					urn: z.number().int().nullable(),
					path: z.string(),
					message: z.string(),
				}),
			)
			.openapi({
				description:
					"What a person should look at: a capacity not published (places from the pupils on roll, else 0), more on roll than places, no designated need (no provision created)",
			}),
		changes: z
			.array(
				z.object({
					row: z.number().int(),
					urn: z.number().int(),
					field: z.string().openapi({ example: "provisions.RP.places" }),
					from: z.unknown(),
					to: z.unknown(),
				}),
			)
			.openapi({ description: "Every field of a stored setting or provision the import changed" }),
		file: z
			.object({
				name: z.string().optional(),
				encoding: z.enum(["utf-8", "windows-1252"]),
				rows: z.number().int().openapi({ description: "Data rows in the file" }),
				london: z.number().int().openapi({ description: "Rows of London's 33 boroughs" }),
				outsideLondon: z.number().int().openapi({ description: "Rows passed over" }),
				asOf: z.string().openapi({
					description: "The register's date, recorded as the real fields' provenance",
				}),
			})
			.optional(),
		urnsResolved: z
			.array(
				z.object({
					row: z.number().int(),
					from: z.number().int(),
					urn: z.number().int(),
					message: z.string(),
				}),
			)
			.optional()
			.openapi({
				description:
					"JSON rows that named a school by an old URN (a GIAS predecessor): written to the current school's URN",
			}),
		dryRun: z.boolean().openapi({ description: "true: checked and reported, nothing kept" }),
		defaults: z
			.object({
				placeFunding: z.string(),
				topUpBand: z.string(),
				topUp: z.object({ mainstream: z.number().int(), special: z.number().int() }),
				independentFee: z.number().int(),
			})
			.openapi({ description: "The cost defaults behind `assumed` annual costs" }),
	})
	.openapi("ImportResult");

const CSV_EXAMPLE = `URN,EstablishmentName,LA (code),TypeOfEstablishment (name),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Postcode,Easting,Northing,SEN1 (name),SEN2 (name),TypeOfResourcedProvision (name),ResourcedProvisionCapacity,SenUnitCapacity,SchoolCapacity,NumberOfPupils
990101,Hogsmill Valley School,314,Community special school,Not applicable,4,19,KT6 7AB,518650,166400,ASD - Autistic Spectrum Disorder,SLD - Severe Learning Difficulty,Not applicable,,,120,112
`;

const importRoute = createRoute({
	method: "post",
	path: "/settings/import",
	operationId: "importSettings",
	tags: ["Registry"],
	summary: "Bulk import settings and provisions (GIAS CSV or JSON), all or nothing",
	description: [
		"Creates or updates many settings and their provisions at once, each exactly as `PUT /settings/{urn}` and `PUT /settings/{urn}/provisions/{code}` would (each write audited). Provisions not named are left alone.",
		"",
		`**text/csv** in the column names of the GIAS *all establishment data* download; other columns are ignored. Required: ${REQUIRED_COLUMNS.join(", ")} (a missing one is a 400 naming it); used when present: EstablishmentStatus (name) (closed rows are skipped), Easting, Northing (British National Grid, converted to WGS84; else the postcode district centroid), SEN2 (name) … SEN13 (name), ResourcedProvisionCapacity, SenUnitCapacity, SchoolCapacity, NumberOfPupils, Section41Approved (name). UTF-8, or \`text/csv; charset=windows-1252\` as GIAS downloads are.`,
		"A special school type gives one provision `SS` at its level (places = SchoolCapacity, else NumberOfPupils); a mainstream school with TypeOfResourcedProvision gives `RP` (ResourcedProvisionCapacity) and/or `UNIT` (SenUnitCapacity); other rows are skipped and listed in `skipped`. Need types come from SEN1…SEN13 (GIAS labels, case and spaces ignored). Annual costs GIAS does not publish are assumed — the level's default place funding plus the middle top-up band, or the typical independent fee — and listed per row in `assumed`.",
		"",
		`**application/json**: \`{ "settings": [ { "urn", …SettingInput, "provisions": [ { "code", …ProvisionInput } ] } ] }\`, 1 to ${MAX_ROWS} settings.`,
		"",
		"A national extract (all of England) is read as a stream: rows outside London's 33 boroughs are passed over and counted in `file.outsideLondon`. A stored setting whose row says Closed is marked closed (`closed`), never deleted, and leaves the supply of places; a row not open yet is skipped. A blank or `Not applicable` capacity imports the provision with the places on roll (else 0), flagged; a row with no designated need keeps the setting and creates no provision, flagged. A field the file does not give never overwrites a stored one (a published location, cost, provision name or age range). A re-import writes only what changed, listed in `changes`; the rest is `unchanged`. Every field read from the file is recorded as real in the record's `provenance`, with the file's date (`asOf`, else the date in the file name `edubasealldataYYYYMMDD.csv` from Content-Disposition, else its latest LastChangedDate); the others are listed in `synthetic`. `dryRun=true` checks and reports everything and keeps nothing.",
		"",
		"Every row is checked before anything is written: shape, your borough, repeated URNs, provision ages within the setting's, places not below published vacancies, a known location. Errors name the row: `rows[n].<GIAS column>` with n the 1-based CSV data row (the header not counted), or `settings[i].provisions[j].<field>` with JSON indices. Any error → nothing is written: **403** when every error is a row of another borough (or an existing setting of one), otherwise **422** listing all errors, permission ones included. A body that cannot be read (broken CSV quoting, malformed JSON, missing columns, no rows) is a 400; a row with the wrong number of fields is a row error.",
	].join("\n"),
	security: bearerSecurity,
	middleware: [requireRole("publisher", "admin")] as const,
	request: {
		query: z.object({
			dryRun: z.enum(["true", "false"]).optional().openapi({
				description: "true: check and report everything, write nothing",
			}),
			asOf: z.iso
				.date()
				.optional()
				.openapi({ description: "The day the file describes (YYYY-MM-DD)", example: "2026-09-01" }),
		}),
		body: {
			required: true,
			content: {
				"text/csv": {
					schema: z
						.string()
						.openapi({ description: "GIAS CSV with a header row", example: CSV_EXAMPLE }),
				},
				"application/json": { schema: ImportJson },
			},
		},
	},
	responses: {
		200: jsonContent(ImportResult, "Imported; one result per row"),
		...authResponses,
		...problemResponses(400, 409, 413, 415, 422),
	},
});

/** Reads the body by its content type: a CSV (as text) or JSON; anything else is a 415. */
async function readBody(
	contentType: string,
	body: () => Promise<ArrayBuffer>,
	name: string | undefined,
): Promise<ImportBody> {
	const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
	if (media === "text/csv") {
		const bytes = new Uint8Array(await body());
		const encoding = charsetOf(contentType) ?? "utf-8";
		if (encoding === "windows-1252") refuseMislabelled(bytes);
		return { kind: "file", source: bytesSource(bytes), encoding, name };
	}
	if (media === "application/json") {
		const text = new TextDecoder().decode(await body());
		try {
			return { kind: "json", value: JSON.parse(text) };
		} catch {
			throw new ApiError("bad_request", "Malformed JSON in request body");
		}
	}
	throw new ApiError(
		"unsupported_media_type",
		`send text/csv (GIAS columns) or application/json, not ${media || "a body without Content-Type"}`,
	);
}

/**
 * Registered in the OpenAPI document but mounted by hand: OpenAPIHono.openapi() would validate
 * the JSON body itself (with `required: true` it validates a CSV body as `{}` and rejects it
 * with 400; either way a bad JSON row would be a 400 before the domain checks), whereas the
 * import reads both media types itself so that every row's errors come back together.
 */
const { middleware, ...documented } = importRoute;
export const importRoutes = createRouter();
importRoutes.openAPIRegistry.registerPath(documented);
importRoutes.post(importRoute.getRoutingPath(), ...middleware, async (c) => {
	const query = importRoute.request.query.safeParse(c.req.query());
	if (!query.success)
		throw new ApiError("validation_failed", "dryRun must be true or false, asOf a date", {
			errors: query.error.issues.map((i) => ({
				path: `query.${i.path.join(".")}`,
				message: i.message,
			})),
		});
	const name = /filename="?([^";]+)"?/i.exec(c.req.header("content-disposition") ?? "")?.[1];
	const body = await readBody(c.req.header("content-type") ?? "", () => c.req.arrayBuffer(), name);
	const { db, now } = c.get("deps");
	const options = { dryRun: query.data.dryRun === "true", asOf: query.data.asOf };
	return c.json(await importSettings(db, actorOf(c), body, now(), options), 200);
});
