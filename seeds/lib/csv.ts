/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ",") {
			row.push(field);
			field = "";
		} else if (c === "\n" || c === "\r") {
			if (c === "\r" && src[i + 1] === "\n") i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else field += c;
	}
	if (field !== "" || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** CSV with a header row → records; throws on a row whose field count differs from the header. */
export function parseCsvRecords(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	if (!header) return [];
	return rows
		.filter((r) => !(r.length === 1 && r[0] === ""))
		.map((r, n) => {
			if (r.length !== header.length) {
				throw new Error(`CSV row ${n + 2}: ${r.length} fields, header has ${header.length}`);
			}
			return Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]));
		});
}
