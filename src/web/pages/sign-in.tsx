import { Hono } from "hono";
import { claimsSchema, ROLES } from "../../auth/claims.js";
import { signToken } from "../../auth/sign.js";
import { listBoroughs, listPartnerships } from "../../queries/reference.js";
import { ErrorSummary, type FormErrors } from "../components/error-summary.js";
import { Select, TextInput } from "../components/fields.js";
import type { WebEnv } from "../env.js";
import { errorPage } from "../errors.js";
import { formText } from "../forms.js";
import { type PageContext, renderPage } from "../render.js";
import { clearCookie, readSealedCookie, writeSealedCookie } from "../session/cookie.js";
import { OidcTransaction } from "../session/oidc.js";
import { endSession, localPath, sessionIdToken, startSession } from "../session/session.js";
import { type DevSignInForm, devSignInClaims } from "./sign-in-form.js";

const OIDC_COOKIE = "send_oidc";
const ROLE_TEXT: Record<string, string> = {
	panel: "Placement panel",
	publisher: "Place-planning officer (publisher)",
	commissioner: "Commissioner",
	setting: "School or college (setting)",
	admin: "Administrator",
};

async function devSignInPage(c: PageContext, form: DevSignInForm, errors: FormErrors = {}) {
	const db = c.get("deps").db;
	const [boroughs, partnerships] = await Promise.all([listBoroughs(db), listPartnerships(db)]);
	const hasErrors = Object.keys(errors).length > 0;
	return renderPage(
		c,
		{ title: "Sign in (development)", hasErrors },
		<div class="govuk-grid-row">
			<div class="govuk-grid-column-two-thirds">
				<ErrorSummary errors={errors} />
				<h1 class="govuk-heading-l">Sign in (development)</h1>
				<div class="govuk-warning-text">
					<span class="govuk-warning-text__icon" aria-hidden="true">
						!
					</span>
					<strong class="govuk-warning-text__text">
						<span class="govuk-visually-hidden">Warning</span>
						This server signs its own tokens with a development key. With an identity provider
						configured, this page does not exist.
					</strong>
				</div>
				<form method="post" action="/sign-in" novalidate>
					<input type="hidden" name="next" value={localPath(form.next)} />
					<Select
						id="role"
						label="Role"
						error={errors.role}
						value={form.role ?? "panel"}
						choices={ROLES.map((r) => ({ value: r, text: ROLE_TEXT[r] ?? r }))}
					/>
					<Select
						id="la"
						label="Borough"
						hint="Panels and publishers act for one borough"
						error={errors.la}
						value={form.la ?? "314"}
						choices={[
							{ value: "", text: "None (pan-London)" },
							...boroughs.map((b) => ({ value: b.code, text: `${b.name} (${b.code})` })),
						]}
					/>
					<Select
						id="joint"
						label="Joint panel (optional)"
						hint="A panel sitting on a partnership's joint panel"
						error={errors.joint}
						value={form.joint ?? ""}
						choices={[
							{ value: "", text: "None" },
							...partnerships.map((p) => ({ value: p.id, text: p.name })),
						]}
					/>
					<TextInput
						id="urn"
						label="URN (schools and colleges only)"
						width={10}
						inputmode="numeric"
						error={errors.urn}
						value={form.urn ?? ""}
					/>
					<button type="submit" class="govuk-button" data-module="govuk-button">
						Sign in
					</button>
				</form>
			</div>
		</div>,
		hasErrors ? 400 : 200,
	);
}

export const signInPages = new Hono<WebEnv>()
	.get("/sign-in", async (c) => {
		const method = c.get("web").signIn;
		const next = localPath(c.req.query("next"));
		if (method.kind === "development") return devSignInPage(c, { next });
		if (method.kind === "none") {
			return errorPage(c, 503, "Sign-in is not configured on this server (no OpenID provider).");
		}
		const { url, transaction } = await method.client.start(next);
		await writeSealedCookie(c, c.get("web").session, OIDC_COOKIE, transaction, 600);
		return c.redirect(url, 303);
	})
	.post("/sign-in", async (c) => {
		const method = c.get("web").signIn;
		// The development sign-in exists only while the server signs its own tokens.
		if (method.kind !== "development") return errorPage(c, 404, "There is no such page.");
		const body = await c.req.parseBody();
		const form: DevSignInForm = {
			role: formText(body.role),
			la: formText(body.la),
			urn: formText(body.urn),
			joint: formText(body.joint),
			next: formText(body.next),
		};
		const claims = devSignInClaims(form);
		if (!claims.ok) return devSignInPage(c, form, claims.errors);
		const token = await signToken(method.privateJwk, {
			...claims.value,
			ttlSeconds: c.get("web").session.ttlSeconds,
			issuer: method.issuer,
			audience: method.audience,
		});
		await startSession(c, { token });
		return c.redirect(localPath(form.next), 303);
	})
	.get("/auth/callback", async (c) => {
		const method = c.get("web").signIn;
		if (method.kind !== "oidc") return errorPage(c, 404, "There is no such page.");
		const saved = OidcTransaction.safeParse(
			await readSealedCookie(c, c.get("web").session, OIDC_COOKIE),
		);
		clearCookie(c, OIDC_COOKIE);
		if (!saved.success)
			return errorPage(c, 400, "The sign-in took too long or was not started here. Sign in again.");
		let claims: Record<string, unknown>;
		let idToken: string | undefined;
		try {
			({ claims, idToken } = await method.client.finish(new URL(c.req.url), saved.data));
		} catch (error) {
			console.error(`[${c.get("requestId")}] OpenID sign-in failed`, error);
			return errorPage(
				c,
				401,
				"The identity provider's answer could not be verified. Sign in again.",
			);
		}
		const checked = claimsSchema.safeParse(claims);
		if (!checked.success) {
			const issue = checked.error.issues[0];
			return errorPage(
				c,
				403,
				`Your account cannot use this service: claim ${issue?.path.join(".")} ${issue?.message}.`,
			);
		}
		await startSession(c, { claims: checked.data, idToken });
		return c.redirect(localPath(saved.data.next), 303);
	})
	.post("/sign-out", async (c) => {
		// Signed out here first; then, after an OpenID sign-in, at the provider too (RP-initiated
		// logout), which sends the person back to the start page.
		const method = c.get("web").signIn;
		const idToken = method.kind === "oidc" ? await sessionIdToken(c) : undefined;
		endSession(c);
		const atProvider =
			method.kind === "oidc" ? await method.client.endSessionUrl(idToken) : undefined;
		return c.redirect(atProvider ?? "/", 303);
	});
