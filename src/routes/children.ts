import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import {
	Child,
	ChildId,
	ChildInput,
	ChildListQuery,
	ChildPage,
	ChildPatch,
} from "../contracts/children.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { childEtag, createChild, readChild, toChild, updateChild } from "../services/children.js";
import { listChildren } from "../services/children-list.js";

const tags = ["Panels"];
const withEtag = (description: string) => ({
	...jsonContent(Child, description),
	headers: z.object({ ETag: z.string() }),
});

const createChildRoute = createRoute({
	method: "post",
	path: "/children",
	operationId: "registerChild",
	tags,
	summary:
		"Register a child awaiting a specialist place (pseudonymous: case reference, never a name)",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { body: jsonBody(ChildInput) },
	responses: {
		201: withEtag("Created"),
		...authResponses,
		...problemResponses(400, 409, 413, 415, 422),
	},
});

const getChildRoute = createRoute({
	method: "get",
	path: "/children/{id}",
	operationId: "getChild",
	tags,
	summary: "One of the panel's own children (another borough's answers 404)",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { params: z.object({ id: ChildId }) },
	responses: { 200: withEtag("The child"), ...authResponses, ...problemResponses(400, 404) },
});

const patchChildRoute = createRoute({
	method: "patch",
	path: "/children/{id}",
	operationId: "updateChild",
	tags,
	summary: "Change a child's plan details, home or preferences",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: {
		params: z.object({ id: ChildId }),
		headers: z.object({ "if-match": z.string().optional() }),
		body: jsonBody(ChildPatch),
	},
	responses: {
		200: withEtag("Updated"),
		...authResponses,
		...problemResponses(400, 404, 409, 412, 413, 415, 422),
	},
});

const listChildrenRoute = createRoute({
	method: "get",
	path: "/children",
	operationId: "listChildren",
	tags,
	summary:
		"The panel's children, by status, need, year group, phase, overdue consultations and case reference",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: { query: ChildListQuery },
	responses: {
		200: jsonContent(ChildPage, "A page of children"),
		...authResponses,
		...problemResponses(400),
	},
});

export const childRoutes = createRouter()
	.openapi(createChildRoute, async (c) => {
		const { db, now } = c.get("deps");
		const child = await createChild(db, actorOf(c), c.req.valid("json"), now());
		c.header("ETag", childEtag(child));
		c.header("Location", `/children/${child.id}`);
		return c.json(toChild(child), 201);
	})
	.openapi(getChildRoute, async (c) => {
		const child = await readChild(c.get("deps").db, actorOf(c), c.req.valid("param").id);
		c.header("ETag", childEtag(child));
		return c.json(toChild(child), 200);
	})
	.openapi(patchChildRoute, async (c) => {
		const { db, now } = c.get("deps");
		const child = await updateChild(
			db,
			actorOf(c),
			c.req.valid("param").id,
			c.req.valid("json"),
			c.req.valid("header")["if-match"],
			now(),
		);
		c.header("ETag", childEtag(child));
		return c.json(toChild(child), 200);
	})
	.openapi(listChildrenRoute, async (c) => {
		const q = c.req.valid("query");
		const { db, now } = c.get("deps");
		const { total, items } = await listChildren(db, actorOf(c), q, now());
		return c.json({ items: items.map(toChild), total, limit: q.limit, offset: q.offset }, 200);
	});
