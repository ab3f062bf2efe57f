import type { Child, PropsWithChildren } from "hono/jsx";
import { type AssetManifest, assetUrl } from "../assets/manifest.js";
import type { Principal } from "../auth/claims.js";

export const SERVICE_NAME = "London SEND Placement Brokerage";

export interface NavItem {
	href: string;
	text: string;
}

/** Each role's pages. */
export const NAVIGATION: Partial<Record<Principal["role"], NavItem[]>> = {
	panel: [
		{ href: "/panel/children", text: "Children" },
		{ href: "/panel/rounds", text: "Rounds" },
		{ href: "/panel/consultations", text: "Consultations" },
		{ href: "/panel/placements", text: "Placements" },
		{ href: "/panel/figures", text: "Figures" },
	],
	commissioner: [
		{ href: "/commissioner/sufficiency", text: "Sufficiency" },
		{ href: "/commissioner/shadow-prices", text: "Where a place saves most" },
		{ href: "/commissioner/what-if", text: "What if" },
	],
	publisher: [
		{ href: "/publisher/settings", text: "Settings" },
		{ href: "/publisher/vacancies", text: "Vacancies" },
		{ href: "/publisher/changes", text: "Changes" },
		{ href: "/publisher/import", text: "Upload" },
	],
	setting: [{ href: "/school/consultations", text: "Consultations" }],
	admin: [{ href: "/admin/audit", text: "Audit trail" }],
};

export interface LayoutProps {
	title: string;
	assets: AssetManifest;
	principal?: Principal | undefined;
	/** The current path, to mark the active navigation item. */
	path: string;
	/** Prefixes the title with "Error:" when a form has errors, as the GOV.UK pattern asks. */
	hasErrors?: boolean;
	beforeContent?: Child;
	/** A page whose main table needs more room than the reading width (the ranked options). */
	wide?: boolean;
	/** The signed-in person's borough, named in the menu. */
	boroughName?: string | undefined;
}

function whoIs(p: Principal, boroughName?: string): string {
	const where = boroughName ?? (p.la ? `borough ${p.la}` : "London");
	return `${p.role === "panel" ? "Panel" : p.role}, ${where}${p.joint ? ` (joint: ${p.joint})` : ""}`;
}

export function Layout(props: PropsWithChildren<LayoutProps>) {
	const nav = props.principal ? (NAVIGATION[props.principal.role] ?? []) : [];
	return (
		<html lang="en-GB" class="govuk-template">
			<head>
				<meta charset="utf-8" />
				<title>{`${props.hasErrors ? "Error: " : ""}${props.title} – ${SERVICE_NAME}`}</title>
				<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
				<meta name="theme-color" content="#5b2a86" />
				<link rel="stylesheet" href={assetUrl(props.assets, "app.css")} />
				<script type="module" src={assetUrl(props.assets, "app.js")} />
			</head>
			<body class="govuk-template__body">
				<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
					Skip to main content
				</a>
				<header class="govuk-generic-header app-header">
					<div class="govuk-generic-header__container govuk-width-container">
						<div class="govuk-generic-header__logo">
							<a href="/" class="govuk-generic-header__homepage-link">
								{SERVICE_NAME}
							</a>
						</div>
					</div>
				</header>
				{props.principal ? (
					<section aria-label="Service menu" class="govuk-service-navigation">
						<div class="govuk-width-container">
							<div class="govuk-service-navigation__container">
								<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
									<ul class="govuk-service-navigation__list" id="navigation">
										{nav.map((item) => {
											const active = props.path.startsWith(item.href);
											return (
												<li
													class={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}
												>
													<a
														class="govuk-service-navigation__link"
														href={item.href}
														aria-current={active ? "page" : undefined}
													>
														{active ? (
															<strong class="govuk-service-navigation__active-fallback">
																{item.text}
															</strong>
														) : (
															item.text
														)}
													</a>
												</li>
											);
										})}
									</ul>
								</nav>
								<form method="post" action="/sign-out" class="govuk-!-margin-left-4">
									<span class="govuk-body-s govuk-!-margin-right-2">
										{whoIs(props.principal, props.boroughName)}
									</span>
									<button
										type="submit"
										class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-2"
									>
										Sign out
									</button>
								</form>
							</div>
						</div>
					</section>
				) : null}
				<div class={`govuk-width-container${props.wide ? " app-width-container--wide" : ""}`}>
					{props.beforeContent}
					<main class="govuk-main-wrapper" id="main-content">
						{props.children}
					</main>
				</div>
				<footer class="govuk-footer">
					<div class="govuk-width-container">
						<div class="govuk-footer__meta">
							<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
								<h2 class="govuk-visually-hidden">Support links</h2>
								<ul class="govuk-footer__inline-list">
									<li class="govuk-footer__inline-list-item">
										<a class="govuk-footer__link" href="/docs">
											API reference
										</a>
									</li>
								</ul>
								<p class="govuk-body-s">
									Data: DfE and Get Information about Schools, Open Government Licence v3.0. Borough
									boundaries contain OS data © Crown copyright.
								</p>
							</div>
						</div>
					</div>
				</footer>
			</body>
		</html>
	);
}
