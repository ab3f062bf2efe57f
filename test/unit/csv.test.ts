import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/http/csv.js";

describe("CSV cells and documents", () => {
	it("writes numbers plainly and null as an empty cell", () => {
		expect(csvCell(1234567)).toBe("1234567");
		expect(csvCell(-3)).toBe("-3");
		expect(csvCell(0.5)).toBe("0.5");
		expect(csvCell(null)).toBe("");
		expect(csvCell(undefined)).toBe("");
		expect(csvCell(Number.NaN)).toBe("");
	});

	it("quotes as RFC 4180 says: commas, quotes and line breaks", () => {
		expect(csvCell("Kingston upon Thames")).toBe("Kingston upon Thames");
		expect(csvCell("Richmond, Twickenham")).toBe('"Richmond, Twickenham"');
		expect(csvCell('The "Bridge" School')).toBe('"The ""Bridge"" School"');
		expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
	});

	it("guards text against formula injection, but leaves numbers alone", () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell("+44 20")).toBe("'+44 20");
		expect(csvCell("-minus")).toBe("'-minus");
		expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
		expect(csvCell("\tcmd")).toBe("'\tcmd");
		expect(csvCell(-12)).toBe("-12");
	});

	it("writes a header row and CRLF after every line", () => {
		const csv = toCsv(
			[
				{ header: "name", value: (r: { name: string; n: number | null }) => r.name },
				{ header: "n", value: (r) => r.n },
			],
			[
				{ name: "a,b", n: 1 },
				{ name: "c", n: null },
			],
		);
		expect(csv).toBe('name,n\r\n"a,b",1\r\nc,\r\n');
	});
});
