import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/middleware.js";
import {
	AnswerInput,
	Consultation,
	ConsultationId,
	ConsultationInput,
	ConsultationListQuery,
	ConsultationPage,
	toConsultation,
} from "../contracts/consultations.js";
import { actorOf } from "../http/actor.js";
import { authResponses, bearerSecurity } from "../http/auth-docs.js";
import { jsonBody, jsonContent, problemResponses } from "../http/openapi.js";
import { createRouter } from "../http/router.js";
import { answerConsultation, withdrawConsultation } from "../services/consultation-outcomes.js";
import {
	listConsultations,
	openConsultation,
	readConsultation,
} from "../services/consultations.js";
import { isoDay } from "../services/matching/params.js";

const tags = ["Consultations"];
const params = { params: z.object({ id: ConsultationId }) };

const openRoute = createRoute({
	method: "post",
	path: "/consultations",
	operationId: "openConsultation",
	tags,
	summary: "Consult a setting about one of the panel's children (s.39/s.40; answer due in 15 days)",
	description:
		"Give a child and a provision, or accept a matching run's proposal. The provision must suit the child (need designated, age in range, level meeting the plan): 422 with the reasons otherwise. When the setting stands in another borough, that maintaining borough is consulted too. One open or agreed consultation per child and provision (409); one whose placement has ended or been cancelled is `closed` and does not count.",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: {
		body: jsonBody(ConsultationInput),
	},
	responses: {
		201: { ...jsonContent(Consultation, "Sent"), headers: z.object({ Location: z.string() }) },
		...authResponses,
		...problemResponses(400, 404, 409, 413, 415, 422),
	},
});

const listRoute = createRoute({
	method: "get",
	path: "/consultations",
	operationId: "listConsultations",
	tags,
	summary: "A panel's borough's consultations, or those addressed to the calling setting",
	description:
		"`overdue=true`: open and past the due date. A setting sees what it needs to answer (case reference, year group, age, needs, plan level), never the home location.",
	security: bearerSecurity,
	middleware: [requireRole("panel", "setting")] as const,
	request: { query: ConsultationListQuery },
	responses: {
		200: jsonContent(ConsultationPage, "A page of consultations, soonest due first"),
		...authResponses,
		...problemResponses(400),
	},
});

const getRoute = createRoute({
	method: "get",
	path: "/consultations/{id}",
	operationId: "getConsultation",
	tags,
	summary: "One consultation (the home panel's, or the consulted setting's; else 404)",
	security: bearerSecurity,
	middleware: [requireRole("panel", "setting")] as const,
	request: params,
	responses: {
		200: jsonContent(Consultation, "The consultation"),
		...authResponses,
		...problemResponses(400, 404),
	},
});

const answerRoute = createRoute({
	method: "post",
	path: "/consultations/{id}/answer",
	operationId: "answerConsultation",
	tags,
	summary: "The consulted setting answers: can it meet the need, has it capacity",
	description:
		"Agreed when both are true; otherwise declined, which needs a reason code and evidence of at least 20 characters (422 without, nothing changed). Only an open consultation can be answered (409).",
	security: bearerSecurity,
	middleware: [requireRole("setting")] as const,
	request: {
		...params,
		body: jsonBody(AnswerInput),
	},
	responses: {
		200: jsonContent(Consultation, "Answered"),
		...authResponses,
		...problemResponses(400, 404, 409, 413, 415, 422),
	},
});

const withdrawRoute = createRoute({
	method: "post",
	path: "/consultations/{id}/withdraw",
	operationId: "withdrawConsultation",
	tags,
	summary: "The home panel withdraws an open or agreed consultation",
	security: bearerSecurity,
	middleware: [requireRole("panel")] as const,
	request: params,
	responses: {
		200: jsonContent(Consultation, "Withdrawn"),
		...authResponses,
		...problemResponses(400, 404, 409),
	},
});

export const consultationRoutes = createRouter()
	.openapi(openRoute, async (c) => {
		const { db, now } = c.get("deps");
		const v = await openConsultation(db, actorOf(c), c.req.valid("json"), now());
		c.header("Location", `/consultations/${v.c.id}`);
		return c.json(toConsultation(v, "panel", isoDay(now())), 201);
	})
	.openapi(listRoute, async (c) => {
		const { db, now } = c.get("deps");
		const q = c.req.valid("query");
		const today = isoDay(now());
		const { total, items } = await listConsultations(db, actorOf(c), q, today);
		const audience = c.get("principal").role === "panel" ? "panel" : "setting";
		return c.json(
			{
				items: items.map((v) => toConsultation(v, audience, today)),
				total,
				limit: q.limit,
				offset: q.offset,
			},
			200,
		);
	})
	.openapi(getRoute, async (c) => {
		const { db, now } = c.get("deps");
		const v = await readConsultation(db, actorOf(c), c.req.valid("param").id);
		const audience = c.get("principal").role === "panel" ? "panel" : "setting";
		return c.json(toConsultation(v, audience, isoDay(now())), 200);
	})
	.openapi(answerRoute, async (c) => {
		const { db, now } = c.get("deps");
		const id = c.req.valid("param").id;
		const v = await answerConsultation(db, actorOf(c), id, c.req.valid("json"), now());
		return c.json(toConsultation(v, "setting", isoDay(now())), 200);
	})
	.openapi(withdrawRoute, async (c) => {
		const { db, now } = c.get("deps");
		const v = await withdrawConsultation(db, actorOf(c), c.req.valid("param").id, now());
		return c.json(toConsultation(v, "panel", isoDay(now())), 200);
	});
