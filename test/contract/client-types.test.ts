import { readFile } from "node:fs/promises";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { expect, it } from "vitest";
import { servedOpenApiDocument } from "../../src/cli/served-document.js";

const COMMITTED = new URL("../client/api.d.ts", import.meta.url);

it("the committed client types are what openapi-typescript makes of the served document today", async () => {
	const doc = (await servedOpenApiDocument()) as unknown as OpenAPI3;
	// As `npm run openapi:types` writes them (the openapi-typescript CLI: header, then the AST).
	// defaultNonNullable: false, because request fields with a default may be left out.
	const generated = await openapiTS(doc, { silent: true, defaultNonNullable: false });
	const fresh = COMMENT_HEADER + astToString(generated);
	const committed = await readFile(COMMITTED, "utf8");
	// On failure: run `npm run openapi:types` and commit test/client/api.d.ts with the change.
	expect(committed === fresh, "test/client/api.d.ts is stale: run npm run openapi:types").toBe(
		true,
	);
});
