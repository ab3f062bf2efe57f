import { importLinks } from "../services/import-links.js";
import { runImportCli } from "./import-run.js";

// npm run import:gias-links -- <links_edubasealldataYYYYMMDD.csv>: predecessor → successor URNs
// (academy conversions, amalgamations), so an old URN finds the current school.
await runImportCli(
	"import:gias-links",
	"links_edubasealldataYYYYMMDD.csv",
	(r) =>
		importLinks(
			r.db,
			r.actor,
			{ source: r.source, encoding: r.encoding, name: r.source.name },
			new Date(),
			{ dryRun: r.dryRun, asOf: r.asOf },
		),
	(result, location) =>
		[
			`${result.file.name ?? "the file"} (${result.file.encoding}, dated ${result.file.asOf}): ${result.file.rows} rows, ${result.links} successor links`,
			`${result.dryRun ? "Dry run, nothing kept — would have: " : `Into ${location}: `}${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
			...Object.entries(result.passedOver).map(([type, n]) => `  passed over ${n}: ${type}`),
		].join("\n"),
);
