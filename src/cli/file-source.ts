import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { ByteSource } from "../services/import/encoding.js";

/** A file on disk as a byte source read in 1 MiB chunks, once per pass (never whole). */
export function fileSource(path: string): ByteSource & { name: string } {
	let size: number;
	try {
		const stat = statSync(path);
		if (!stat.isFile()) throw new Error(`${path} is not a file`);
		size = stat.size;
	} catch (error) {
		throw new FileError(
			(error as NodeJS.ErrnoException).code === "ENOENT"
				? `no file ${path}`
				: (error as Error).message,
		);
	}
	return {
		name: basename(path),
		size,
		async *chunks() {
			for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
				yield chunk as Buffer;
		},
	};
}

export class FileError extends Error {}
