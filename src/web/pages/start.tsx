import { Hono } from "hono";
import type { WebEnv } from "../env.js";
import { NAVIGATION, SERVICE_NAME } from "../layout.js";
import { boroughNames } from "../reference.js";
import { renderPage } from "../render.js";

const DESCRIPTIONS: Record<string, string> = {
	"/panel/children": "Find a child, see their plan and timeline, compare ranked options.",
	"/panel/rounds": "Match the panel's awaiting children together, then accept proposals.",
	"/panel/consultations": "Consultations sent to schools, with due dates and overdue ones marked.",
	"/panel/placements": "Confirm places schools have agreed; end or cancel a placement.",
	"/panel/figures": "Days from decision to offer and start, declines and their reasons, costs.",
	"/commissioner/sufficiency":
		"A map of the gap by need type and phase, each area's figures and forecast, CSV.",
	"/commissioner/shadow-prices":
		"Provisions ranked by what one more place would save a year, on the map.",
	"/commissioner/what-if":
		"Open or expand provision and see cost, journeys and children placed change.",
	"/publisher/settings": "The borough's settings and their provisions, places and vacancies.",
	"/publisher/vacancies": "Every vacancy in one grid: change several, publish them together.",
	"/publisher/changes": "London's vacancy change feed, in the order the changes were made.",
	"/publisher/import": "Upload a GIAS CSV or JSON of settings and provisions: all rows or none.",
	"/school/consultations": "Consultations from boroughs to answer, due dates, your past answers.",
	"/admin/audit": "Who did what to which record, when, before and after; filter and download.",
};

const HEADINGS: Record<string, string> = {
	panel: "Placement panel",
	publisher: "Place planning",
	commissioner: "Commissioning",
	setting: "School or college",
	admin: "Administrator",
};

/** `/`: what the service is and how to sign in; for a signed-in person, their role's home. */
export const startPage = new Hono<WebEnv>().get("/", async (c) => {
	if (!c.get("signedIn")) {
		return renderPage(
			c,
			{ title: "Start" },
			<div class="govuk-grid-row">
				<div class="govuk-grid-column-two-thirds">
					<h1 class="govuk-heading-xl">{SERVICE_NAME}</h1>
					<p class="govuk-body-l">
						London's 33 boroughs share their specialist school places for children with special
						educational needs, and find each child a suitable place closer to home at less cost to
						the public purse.
					</p>
					<p class="govuk-body">Use this service to:</p>
					<ul class="govuk-list govuk-list--bullet">
						<li>see a child's ranked options: cost, who pays, journey and vacancy</li>
						<li>match a round of children to places across borough lines</li>
						<li>consult schools and confirm placements</li>
					</ul>
					<p class="govuk-body">
						Children's records are pseudonymous and seen only by their home borough.
					</p>
					<a href="/sign-in" draggable="false" class="govuk-button govuk-button--start">
						Sign in
						<svg
							class="govuk-button__start-icon"
							xmlns="http://www.w3.org/2000/svg"
							width="17.5"
							height="19"
							viewBox="0 0 33 40"
							aria-hidden="true"
							focusable="false"
						>
							<path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
						</svg>
					</a>
					<h2 class="govuk-heading-m">For developers</h2>
					<ul class="govuk-list">
						<li>
							<a class="govuk-link" href="/docs">
								API reference
							</a>{" "}
							(interactive)
						</li>
						<li>
							<a class="govuk-link" href="/openapi.json">
								OpenAPI document
							</a>{" "}
							(OpenAPI 3.1, JSON)
						</li>
						<li>
							<a class="govuk-link" href="/health">
								Service health
							</a>
						</li>
					</ul>
				</div>
			</div>,
		);
	}
	const principal = c.get("principal");
	const borough = (await boroughNames(c)).get(principal.la ?? "");
	const items = NAVIGATION[principal.role] ?? [];
	return renderPage(
		c,
		{ title: "Home", boroughName: borough },
		<>
			<span class="govuk-caption-l">{borough ?? "London"}</span>
			<h1 class="govuk-heading-l">
				{HEADINGS[principal.role] ?? `Signed in as ${principal.role}`}
			</h1>
			{items.length === 0 ? (
				<p class="govuk-body">
					The pages for your role are coming; meanwhile use the{" "}
					<a class="govuk-link" href="/docs">
						API
					</a>
					.
				</p>
			) : (
				<ul class="govuk-list">
					{items.map((item) => (
						<li class="govuk-!-margin-bottom-4">
							<a
								class="govuk-link govuk-link--no-visited-state govuk-!-font-weight-bold"
								href={item.href}
							>
								{item.text}
							</a>
							<p class="govuk-body govuk-!-margin-bottom-0">{DESCRIPTIONS[item.href]}</p>
						</li>
					))}
				</ul>
			)}
		</>,
	);
});
