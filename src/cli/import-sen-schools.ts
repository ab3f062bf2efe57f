import { importSenSchools } from "../services/import-sen-schools.js";
import { runImportCli } from "./import-run.js";

// npm run import:sen-schools -- <sen_school_level_underlying_data.csv>: the DfE school-level SEN
// census (Explore Education Statistics) against the register: each setting's EHC plans by
// primary need, each provision's designations confirmed or flagged, units on one side only.
await runImportCli(
	"import:sen-schools",
	"sen_school_level_underlying_data.csv",
	(r) =>
		importSenSchools(
			r.db,
			r.actor,
			{ source: r.source, encoding: r.encoding, name: r.source.name },
			new Date(),
			{ dryRun: r.dryRun, asOf: r.asOf, onProgress: r.progress.update },
		),
	(result, location) => {
		const n = (x: number) => x.toLocaleString("en-GB");
		return [
			`${result.file.name ?? "the file"} (${result.file.encoding}, as of ${result.file.asOf}): ${n(result.file.rows)} schools, ${n(result.settings)} in the register, ${n(result.notInRegister)} not`,
			`${result.dryRun ? "Dry run, nothing kept — would have: " : `Into ${location}: `}${n(result.created)} census records created, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged; ${n(result.confirmed)} findings confirmed, ${n(result.flagged)} settings flagged`,
			...result.resolved.map((r) => `  rows[${r.row}]: ${r.message}`),
			...result.passedOver.map((p) => `  rows[${p.row}] passed over: ${p.reason}`),
			...(result.flags.length ? [`To check (${n(result.flags.length)}):`] : []),
			...result.flags
				.slice(0, 60)
				.map((f) => `  URN ${f.urn}${f.code ? ` ${f.code}` : ""} (rows[${f.row}]): ${f.message}`),
			...(result.flags.length > 60 ? [`  … ${n(result.flags.length - 60)} more (--json)`] : []),
		].join("\n");
	},
);
