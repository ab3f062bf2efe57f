import { type AssetManifest, assetUrl } from "../assets/manifest.js";

/**
 * The API reference (Scalar, served from this app). Plain HTML with no inline script, so a strict
 * CSP holds. The start page at `/` is the web front's (src/web/pages/start.tsx).
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
