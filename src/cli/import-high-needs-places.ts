import { importHighNeedsPlaces } from "../services/import-high-needs-places.js";
import { runImportCli } from "./import-run.js";

// npm run import:high-needs-places -- <High_needs_place_numbers….ods|csv>: ESFA's funded places
// per URN beside the register's capacities; a capacity above the funded places is flagged.
await runImportCli(
	"import:high-needs-places",
	"High_needs_place_numbers_….ods|csv",
	(r) =>
		importHighNeedsPlaces(
			r.db,
			r.actor,
			{ source: r.source, encoding: r.encoding, name: r.source.name },
			new Date(),
			{ dryRun: r.dryRun, asOf: r.asOf },
		),
	(result, location) => {
		const n = (x: number) => x.toLocaleString("en-GB");
		const f = result.file;
		return [
			`${f.name ?? "the file"} (${f.kind}${f.sheet ? `, sheet ${f.sheet}` : ""}${f.academicYear ? `, ${f.academicYear}` : ""}): ${n(f.rows)} rows, ${n(result.settings)} in the register, ${n(result.notInRegister)} not`,
			`${result.dryRun ? "Dry run, nothing kept — would have: " : `Into ${location}: `}${n(result.created)} funded-place records created, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged; ${n(result.confirmed)} capacities within funding, ${n(result.flagged)} settings flagged`,
			...result.resolved.map((r) => `  rows[${r.row}]: ${r.message}`),
			...result.passedOver.map((p) => `  rows[${p.row}] passed over: ${p.reason}`),
			...(result.flags.length ? [`To check (${n(result.flags.length)}):`] : []),
			...result.flags.slice(0, 60).map((x) => `  URN ${x.urn} (rows[${x.row}]): ${x.message}`),
			...(result.flags.length > 60 ? [`  … ${n(result.flags.length - 60)} more (--json)`] : []),
		].join("\n");
	},
);
