import type { Role } from "../../src/auth/claims.js";
import type { TestContext } from "../support/app.js";
import { bearer } from "../support/auth.js";
import type { DocumentedParameter, Operation } from "../support/contract.js";

/**
 * Requests any operation can be sent knowing only its entry in the document: no token, each role,
 * a malformed path parameter, an unknown query parameter, a body that is not JSON, too large or of
 * another media type. Whatever they answer is checked against the document as it comes back.
 */

/** A caller of each role (Kingston for the borough roles, Bedelsford School for a setting). */
const CALLERS: [Role, Parameters<typeof bearer>[2]][] = [
	["publisher", { la: "314" }],
	["panel", { la: "314" }],
	["commissioner", {}],
	["setting", { urn: 142687 }],
	["admin", {}],
];

/** A well-formed value naming nothing, or a malformed one, for a path parameter. */
function pathValue(p: DocumentedParameter, wellFormed: boolean): string {
	const schema = p.schema ?? {};
	if (schema.format === "uuid") return wellFormed ? "00000000-0000-4000-8000-000000000000" : "x1";
	if (schema.type === "integer" || schema.type === "number") {
		return wellFormed ? String(schema.maximum ?? 999_999) : "not-a-number";
	}
	return wellFormed ? "NOSUCHCODE" : "!!";
}

export function pathOf(op: Operation, wellFormed = true): string {
	const params = (op.parameters ?? []).filter((p) => p.in === "path");
	return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
		const p = params.find((q) => q.name === name);
		return p ? pathValue(p, wellFormed) : name;
	});
}

const isPublic = (op: Operation) => (op.security ?? []).length === 0;

/** Sends the generic probes; returns the roles the operation admits (answered other than 403). */
export async function probe(t: TestContext, op: Operation, maxBodyBytes: number): Promise<Role[]> {
	const send = (path: string, init: RequestInit = {}) =>
		t.app.request(path, { method: op.method.toUpperCase(), ...init });
	const hasBody = op.requestBody !== undefined;
	const json = { "content-type": "application/json" };

	if (isPublic(op)) {
		await send(pathOf(op));
		await send(`${pathOf(op)}?no-such-parameter=1`);
		if ((op.parameters ?? []).some((p) => p.in === "path")) await send(pathOf(op, false));
		return [];
	}
	await send(pathOf(op), hasBody ? { headers: json, body: "{}" } : {});

	const admitted: Role[] = [];
	let token: Record<string, string> | undefined;
	for (const [role, options] of CALLERS) {
		const auth = await bearer(t.keys, role, options);
		// Not JSON, so that an admitted caller stops at validation and nothing is written.
		const res = await send(
			pathOf(op),
			hasBody
				? { headers: { ...auth, ...json }, body: "{" }
				: {
						headers: auth,
					},
		);
		if (res.status !== 403) {
			admitted.push(role);
			token ??= auth;
		}
	}
	if (!token) return admitted;
	if ((op.parameters ?? []).some((p) => p.in === "path")) {
		await send(pathOf(op, false), { headers: token });
	}
	await send(`${pathOf(op)}?no-such-parameter=1`, { headers: token });
	if (hasBody) {
		const headers = { ...token, ...json };
		await send(pathOf(op), { headers, body: `"${"x".repeat(maxBodyBytes)}"` });
		await send(pathOf(op), { headers: { ...token, "content-type": "text/plain" }, body: "x" });
	}
	return admitted;
}
