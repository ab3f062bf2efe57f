import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { useTestApp } from "../support/app.js";
import { bearer } from "../support/auth.js";

const t = useTestApp();

describe("LOG_REQUESTS: one line per request", () => {
	it("gives method, path, status, duration and request id, and never a token or a case reference", async () => {
		const lines: string[] = [];
		const app = createApp({
			db: t.database.db,
			dbKind: t.database.kind,
			verify: t.keys.verify,
			assets: { manifest: {} },
			logRequest: (line) => lines.push(line),
		});
		const headers = await bearer(t.keys, "panel", { la: "314" });
		const token = headers.authorization?.replace("Bearer ", "") as string;
		const ok = await app.request("/children?caseRef=314-SECRET-0042", { headers });
		const missing = await app.request("/no-such-route");
		expect(lines).toHaveLength(2);
		const [first, second] = lines as [string, string];
		expect(first).toMatch(
			new RegExp(
				`^\\d{4}-\\d\\d-\\d\\dT\\S+ GET /children ${ok.status} \\d+\\.\\dms ${ok.headers.get("x-request-id")}$`,
			),
		);
		expect(second).toMatch(
			new RegExp(` GET /no-such-route 404 \\d+\\.\\dms ${missing.headers.get("x-request-id")}$`),
		);
		expect(lines.join("\n")).not.toContain("SECRET");
		expect(lines.join("\n")).not.toContain(token.slice(0, 20));
	});
});
