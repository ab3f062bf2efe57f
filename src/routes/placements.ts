import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import {
	CancelInput,
	EndInput,
	PlacementChange,
	PlacementId,
	PlacementInput,
	PlacementListQuery,
	PlacementPage,
	toPlacement,
	toPlacementChange,
} from "../contracts/placements.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { closePlacement, confirmPlacement, listPlacements } from "../services/placements.js";

const tags = ["Placements"];

const confirmRoute = createRoute({
	method: "post",
	path: "/placements",
	operationId: "confirmPlacement",
	tags,
	summary: "Confirm a placement on an agreed consultation, taking one vacancy",
	description:
		"All or nothing: one place of the provision is taken (the child's year-group row when places are published per year group, free by the start date; recorded as `vacancyYearGroup`), the change feed gets a `placement` event and the child becomes `placed`. 409 when no place is left or the child is placed already.",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { body: jsonBody(PlacementInput) },
	responses: {
		201: {
			...jsonContent(PlacementChange, "Confirmed"),
			headers: z.object({ Location: z.string() }),
		},
		...authResponses,
		...problemResponses(400, 404, 409, 413, 415, 422),
	},
});

const endRoute = createRoute({
	method: "post",
	path: "/placements/{id}/end",
	operationId: "endPlacement",
	tags,
	summary: "End an active placement (the child has left), freeing its place",
	description:
		"The place is given back to the vacancy row it was taken from (`vacancyYearGroup`, whatever the child's year group is now): count + 1, feed event `placement-ended`, unless the provision's published vacancies already reach its places; `vacancy.changed` says which. The placement's consultation becomes `closed`, so the child may be consulted at that provision again.",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { params: z.object({ id: PlacementId }), body: jsonBody(EndInput) },
	responses: {
		200: jsonContent(PlacementChange, "Ended"),
		...authResponses,
		...problemResponses(400, 404, 409, 413, 415, 422),
	},
});

const cancelRoute = createRoute({
	method: "post",
	path: "/placements/{id}/cancel",
	operationId: "cancelPlacement",
	tags,
	summary: "Cancel an active placement that will not go ahead, freeing its place",
	description:
		"As for ending (the place goes back to its row, the consultation is `closed`); the child goes back to `awaiting` (or `consulting` while other consultations run).",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { params: z.object({ id: PlacementId }), body: jsonBody(CancelInput) },
	responses: {
		200: jsonContent(PlacementChange, "Cancelled"),
		...authResponses,
		...problemResponses(400, 404, 409, 413, 415),
	},
});

const listRoute = createRoute({
	method: "get",
	path: "/placements",
	operationId: "listPlacements",
	tags,
	summary: "The panel's borough's placements, newest first",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { query: PlacementListQuery },
	responses: {
		200: jsonContent(PlacementPage, "A page of placements"),
		...authResponses,
		...problemResponses(400),
	},
});

export const placementRoutes = createRouter()
	.openapi(confirmRoute, async (c) => {
		const { db, now } = c.get("deps");
		const result = await confirmPlacement(db, actorOf(c), c.req.valid("json"), now());
		c.header("Location", `/placements/${result.view.pl.id}`);
		return c.json(toPlacementChange(result), 201);
	})
	.openapi(endRoute, async (c) => {
		const { db, now } = c.get("deps");
		const close = { kind: "end" as const, ...c.req.valid("json") };
		const result = await closePlacement(db, actorOf(c), c.req.valid("param").id, close, now());
		return c.json(toPlacementChange(result), 200);
	})
	.openapi(cancelRoute, async (c) => {
		const { db, now } = c.get("deps");
		const close = { kind: "cancel" as const, ...c.req.valid("json") };
		const result = await closePlacement(db, actorOf(c), c.req.valid("param").id, close, now());
		return c.json(toPlacementChange(result), 200);
	})
	.openapi(listRoute, async (c) => {
		const q = c.req.valid("query");
		const { total, items } = await listPlacements(c.get("deps").db, actorOf(c), q);
		return c.json({ items: items.map(toPlacement), total, limit: q.limit, offset: q.offset }, 200);
	});
