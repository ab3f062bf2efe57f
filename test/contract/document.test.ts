import { describe, expect, it } from "vitest";
import { servedOpenApiDocument } from "../../src/cli/served-document.js";
import { type OpenApiDocument, operationsOf } from "../support/contract.js";

const doc = (await servedOpenApiDocument()) as unknown as OpenApiDocument;
const operations = operationsOf(doc);

/** Every `pattern` in the document, with where it is (a JSON pointer). */
function patternsIn(node: unknown, at = "#"): { at: string; pattern: string }[] {
	if (Array.isArray(node)) return node.flatMap((v, i) => patternsIn(v, `${at}/${i}`));
	if (node === null || typeof node !== "object") return [];
	return Object.entries(node).flatMap(([key, value]) =>
		key === "pattern" && typeof value === "string"
			? [{ at, pattern: value }]
			: patternsIn(value, `${at}/${key}`),
	);
}

describe("the served OpenAPI document", () => {
	it("names every operation with a unique, lowerCamelCase operationId", () => {
		expect(operations.length).toBeGreaterThan(30);
		const ids = operations.map((op) => op.operationId);
		for (const op of operations) expect(op.operationId, op.label).toMatch(/^[a-z][a-zA-Z]+$/);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it("says of every operation whether it needs a token: bearerAuth, or security: [] when public", () => {
		for (const op of operations) {
			expect(op.security, op.label).toBeDefined();
			const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
			expect(
				schemes.every((s) => s === "bearerAuth"),
				op.label,
			).toBe(true);
			if (schemes.length > 0) expect(Object.keys(op.responses), op.label).toContain("401");
			else expect(Object.keys(op.responses), op.label).not.toContain("401");
		}
		expect(operations.filter((op) => op.security?.length === 0).length).toBeGreaterThan(5);
	});

	it("publishes only flag-free ECMA-262 patterns, which compile as they stand and in unicode mode", () => {
		const patterns = patternsIn(doc);
		expect(patterns.length).toBeGreaterThan(10);
		for (const { at, pattern } of patterns) {
			expect(() => new RegExp(pattern), at).not.toThrow();
			expect(() => new RegExp(pattern, "u"), at).not.toThrow(); // as JSON Schema validators use it
			// A regex literal's flags pasted into the source (`…$/i`) compile but match nothing.
			expect(pattern, at).not.toMatch(/\/[dgimsuvy]*$/);
		}
	});

	it("accepts KT2 5AA and kt2 5aa wherever it expects a postcode, and refuses what is not one", () => {
		const postcodes = patternsIn(doc).filter(({ at }) => /postcode\/pattern$|postcode$/i.test(at));
		expect(postcodes.length).toBeGreaterThanOrEqual(2); // settings and children, at least
		for (const { at, pattern } of postcodes) {
			const re = new RegExp(pattern, "u");
			for (const good of ["KT2 5AA", "kt2 5aa", "KT25AA", "SW1A 1AA", "E1 6AN"]) {
				expect(re.test(good), `${at}: ${good}`).toBe(true);
			}
			for (const bad of ["KT2 5A", "KT2  5AA", "not a postcode", "KT2 5AA\u0000", ""]) {
				expect(re.test(bad), `${at}: ${JSON.stringify(bad)}`).toBe(false);
			}
		}
	});

	it("gives its licence a URL, and every error answer as application/problem+json", () => {
		expect(doc.info.license).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
		for (const op of operations) {
			for (const [status, response] of Object.entries(op.responses)) {
				if (Number(status) < 400 || op.operationId === "getHealth") continue;
				expect(Object.keys(response.content ?? {}), `${op.label} ${status}`).toEqual([
					"application/problem+json",
				]);
			}
		}
	});
});
