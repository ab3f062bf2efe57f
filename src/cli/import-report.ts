import type { ImportProgress, importSettings } from "../services/import-settings.js";

export interface Progress {
	update: (p: ImportProgress) => void;
	done: () => void;
}

const n = (x: number) => x.toLocaleString("en-GB");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Progress on the terminal: one line rewritten in place on a TTY, else a line every 10% (so a
 * log of a cron run says how far it got).
 */
export function progressPrinter(out: NodeJS.WriteStream, size: number | undefined): Progress {
	let lastTenth = -1;
	let shown = false;
	const write = (line: string, tenth: number) => {
		if (out.isTTY) {
			out.write(`\r${line}\x1b[K`);
			shown = true;
		} else if (tenth !== lastTenth) {
			out.write(`${line}\n`);
			lastTenth = tenth;
		}
	};
	return {
		update(p) {
			if (p.phase === "reading") {
				const share = size ? p.done / size : 0;
				write(
					`reading ${mb(p.done)} of ${mb(size ?? 0)} MB (${Math.floor(share * 100)}%)`,
					Math.floor(share * 10),
				);
			} else {
				const share = p.total ? p.done / p.total : 1;
				write(`writing ${n(p.done)} of ${n(p.total ?? 0)} settings`, 10 + Math.floor(share * 10));
			}
		},
		done() {
			if (shown) out.write("\n");
		},
	};
}

type Result = Awaited<ReturnType<typeof importSettings>>;

/** The summary a person reads after an import: what it did, then what to look at. */
export function printImport(result: Result, location: string): string {
	const lines: string[] = [];
	const f = result.file;
	if (f)
		lines.push(
			`${f.name ?? "the file"} (${f.encoding}, dated ${f.asOf}): ${n(f.rows)} rows, ${n(f.london)} in London, ${n(f.outsideLondon)} outside London passed over`,
		);
	lines.push(
		`${result.dryRun ? "Dry run, nothing kept — would have: " : `Into ${location}: `}${n(result.created)} settings created, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged, ${n(result.closed.length)} closed, ${n(result.flagged)} flagged; ${n(result.skipped.length)} rows skipped`,
	);
	const provisions = result.rows.flatMap((r) => r.provisions.filter((p) => p.created));
	lines.push(`${n(provisions.length)} provisions created`);
	const reasons = new Map<string, number>();
	for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
	for (const [reason, count] of reasons) lines.push(`  skipped ${n(count)}: ${reason}`);
	if (result.changes.length) {
		lines.push(`Changes (${n(result.changes.length)}):`);
		for (const c of result.changes.slice(0, 40))
			lines.push(`  ${c.urn} ${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`);
		if (result.changes.length > 40)
			lines.push(`  … ${n(result.changes.length - 40)} more (--json)`);
	}
	if (result.flags.length) {
		lines.push(`To check (${n(result.flags.length)}):`);
		for (const x of result.flags.slice(0, 40))
			lines.push(`  ${x.path} (URN ${x.urn}): ${x.message}`);
		if (result.flags.length > 40) lines.push(`  … ${n(result.flags.length - 40)} more (--json)`);
	}
	return lines.join("\n");
}
