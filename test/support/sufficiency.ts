import { expect } from "vitest";
import type { SufficiencyFigures, SufficiencyRow } from "../../src/services/sufficiency/report.js";
import type { TestContext } from "./app.js";
import { bearer } from "./auth.js";

/** GET /sufficiency's JSON as the tests read it (the service's own row and figure types). */
export interface Report {
	groupBy: string[];
	rows: SufficiencyRow[];
	totals: SufficiencyFigures;
	method: Record<string, string>;
}
export type Row = SufficiencyRow;

/** A commissioner's token and a reader of GET /sufficiency that expects 200. */
export function sufficiencyClient(t: TestContext) {
	const commissioner = () => bearer(t.keys, "commissioner");
	const report = async (query: string, headers?: Record<string, string>): Promise<Report> => {
		const res = await t.get(`/sufficiency?${query}`, headers ?? (await commissioner()));
		expect(res.status).toBe(200);
		return (await res.json()) as Report;
	};
	return { commissioner, report };
}
