/** A JSON array with one record per line: valid JSON that diffs well in git. */
export function jsonLines(items: readonly unknown[]): string {
	if (items.length === 0) return "[]\n";
	return `[\n${items.map((i) => JSON.stringify(i)).join(",\n")}\n]\n`;
}

export function jsonPretty(value: unknown): string {
	return `${JSON.stringify(value, null, "\t")}\n`;
}
