import { type AssetManifest, assetUrl } from "../assets/manifest.js";

/**
 * The API reference (Scalar, served from this app) and, until the web front exists, a start page
 * that leads a person to it. Plain HTML with no inline script, so a strict CSP holds.
 */

export const DOCS_CSP =
	"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function docsPage(manifest: AssetManifest, title: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — reference</title>
</head>
<body>
<div id="app"></div>
<noscript>The interactive reference needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<script src="${assetUrl(manifest, "scalar.js")}"></script>
<script src="${assetUrl(manifest, "docs.js")}"></script>
</body>
</html>
`;
}

export function homePage(serviceName: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(serviceName)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(serviceName)}</h1>
<p>London's 33 boroughs share specialist school places for children with special educational needs here: boroughs publish their places and vacancies, placement panels get ranked options and matching rounds, commissioners see where places are short.</p>
<ul>
<li><a href="/docs">API reference</a> (interactive)</li>
<li><a href="/openapi.json">OpenAPI document</a> (OpenAPI 3.1, JSON)</li>
<li><a href="/health">Service health</a></li>
</ul>
</main>
</body>
</html>
`;
}
