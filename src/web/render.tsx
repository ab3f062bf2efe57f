import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { WebEnv } from "./env.js";
import { Layout, type LayoutProps } from "./layout.js";
import { boroughNames } from "./reference.js";

export type PageContext = Context<WebEnv>;

/**
 * Renders a page in the service's layout. Every page is `no-store`: they show a signed-in
 * person's borough data (children above all), which no shared cache or back button may keep.
 */
export async function renderPage(
	c: PageContext,
	props: Omit<LayoutProps, "assets" | "path" | "principal">,
	body: Child,
	status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503 = 200,
) {
	c.header("Cache-Control", "no-store");
	const principal = c.get("signedIn") ? c.get("principal") : undefined;
	const boroughName = principal?.la ? (await boroughNames(c)).get(principal.la) : undefined;
	const element = (
		<Layout
			{...props}
			assets={c.get("web").manifest}
			path={c.req.path}
			principal={principal}
			boroughName={props.boroughName ?? boroughName}
		>
			{body}
		</Layout>
	);
	return c.html(html`<!DOCTYPE html>${element}`, status);
}
