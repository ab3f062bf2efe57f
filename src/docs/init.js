// Starts the API reference (Scalar) from a file of our own, so the page needs no inline script.
// Fonts and the request proxy stay off: everything is served by this app and works offline.
/* global Scalar */
Scalar.createApiReference("#app", {
	url: "/openapi.json",
	withDefaultFonts: false,
	hideClientButton: true,
	showDeveloperTools: "never",
	telemetry: false,
	agent: { disabled: true },
	mcp: { disabled: true },
});
