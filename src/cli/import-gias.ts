import { importSettings } from "../services/import-settings.js";
import { printImport } from "./import-report.js";
import { runImportCli } from "./import-run.js";

// npm run import:gias -- <edubasealldataYYYYMMDD.csv>: the GIAS register (national or a
// borough's extract), all or nothing, as POST /settings/import does for an admin.
await runImportCli(
	"import:gias",
	"edubasealldataYYYYMMDD.csv",
	(r) =>
		importSettings(
			r.db,
			r.actor,
			{ kind: "file", source: r.source, encoding: r.encoding, name: r.source.name },
			new Date(),
			{ dryRun: r.dryRun, asOf: r.asOf, onProgress: r.progress.update },
		),
	printImport,
);
