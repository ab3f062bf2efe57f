import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "../http/problem.js";
import { type PageContext, renderPage } from "./render.js";

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503;

const TITLES: Record<ErrorStatus, string> = {
	400: "There is a problem with the request",
	401: "You need to sign in",
	403: "You cannot see this page",
	404: "Page not found",
	409: "That has changed since you looked",
	413: "The file is too large",
	422: "That cannot be done",
	500: "Sorry, there is a problem with the service",
	503: "Sorry, the service is unavailable",
};

export function errorPage(c: PageContext, status: ErrorStatus, detail: string) {
	return renderPage(
		c,
		{ title: TITLES[status] },
		<>
			<h1 class="govuk-heading-l">{TITLES[status]}</h1>
			<p class="govuk-body">{detail}</p>
			<p class="govuk-body">
				<a class="govuk-link" href="/">
					Go to the start page
				</a>
			</p>
		</>,
		status,
	);
}

function statusOf(status: number): ErrorStatus {
	return status in TITLES ? (status as ErrorStatus) : status >= 500 ? 500 : 400;
}

/** Pages answer errors as pages in the same style, never a stack trace or problem+json. */
export function pageErrorHandler(error: Error, c: Context) {
	const pc = c as PageContext;
	if (error instanceof ApiError) {
		const detail =
			error.status === 404 ? "Check the address, or go back and choose again." : error.message;
		return errorPage(pc, statusOf(error.status), detail);
	}
	if (error instanceof HTTPException) {
		return errorPage(
			pc,
			statusOf(error.status),
			error.message || "The request could not be handled.",
		);
	}
	console.error(`[${c.get("requestId")}]`, error);
	return errorPage(pc, 500, `Try again later. Reference: ${c.get("requestId")}.`);
}
