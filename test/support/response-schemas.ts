import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { OpenApiDocument, Operation } from "./contract.js";

const pointer = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * Checks JSON answers against the schema the document gives for their operation, status and media
 * type (JSON Schema 2020-12, as OpenAPI 3.1 says), so a body that strays from the published
 * contract fails the test that received it, not only the integrator who trusted it.
 */
export function responseSchemaChecker(doc: OpenApiDocument) {
	// strict: false because OpenAPI adds keywords of its own to schemas (example, discriminator).
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats.default(ajv);
	ajv.addSchema(doc, "openapi.json");
	const compiled = new Map<string, ValidateFunction | undefined>();
	return (op: Operation, status: number, media: string, body: unknown): string | undefined => {
		const ref = `openapi.json#/paths/${pointer(op.path)}/${op.method}/responses/${status}/content/${pointer(media)}/schema`;
		if (!compiled.has(ref)) {
			const exists = op.responses[String(status)]?.content?.[media]?.schema !== undefined;
			compiled.set(ref, exists ? ajv.getSchema(ref) : undefined);
		}
		const validate = compiled.get(ref);
		if (!validate || validate(body)) return undefined;
		const errors = ajv.errorsText(validate.errors?.slice(0, 5), { dataVar: "body" });
		return `${op.label} (${op.operationId}) answered ${status} with a body its schema refuses: ${errors}`;
	};
}
