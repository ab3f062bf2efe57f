import type { Server, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

/** Work started by a request that outlives it (a background matching run), awaited on stop. */
export class BackgroundTasks {
	readonly #running = new Set<Promise<void>>();

	run = (task: () => Promise<void>): void => {
		const promise: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
			.then(task)
			.catch((error) => console.error("background task failed", error))
			.finally(() => this.#running.delete(promise));
		this.#running.add(promise);
	};

	get size(): number {
		return this.#running.size;
	}

	/** Resolves when every task has ended or at `deadline` (epoch ms), whichever comes first. */
	async drain(deadline: number): Promise<void> {
		while (this.#running.size > 0 && Date.now() < deadline) {
			await Promise.race([
				Promise.allSettled([...this.#running]),
				new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
			]);
		}
	}
}

/**
 * Waits `ms`, then until the event loop has polled its sockets once more. A timer fires before
 * the poll phase, so on a busy loop a connection that looks idle at the timer may already hold a
 * request that is read only in the poll; closing "idle" connections from the check phase that
 * follows it never drops such a request.
 */
async function afterSocketsRead(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
	await new Promise((resolve) => setImmediate(resolve));
}

export interface StopFigures {
	signal: string;
	/** Requests answered after the signal (those in flight, and any read from open connections). */
	finished: number;
	/** Requests still unanswered when the grace ran out (their connections were cut). */
	cutOff: number;
	/** Background tasks still running when the grace ran out. */
	abandoned: number;
	/** Claimed jobs handed back to the queue for another worker. */
	released: number;
	ms: number;
}

export interface GracefulStopOptions {
	server: Server;
	/** How long requests in flight (and background work) may take to finish, in ms. */
	graceMs: number;
	background?: BackgroundTasks;
	/** Runs as the signal comes: take on no new work (stop claiming jobs). */
	onStop?: () => void;
	/**
	 * Runs last, after the requests: wait for claimed jobs until `deadline`, hand back the rest,
	 * close the database. Resolves with how many jobs were handed back.
	 */
	release: (deadline: number) => Promise<number>;
	log: (line: string) => void;
	exit: (code: number) => void;
}

/**
 * Stops a Node HTTP server without dropping accepted work: stop listening at once; every answer
 * from then on says `Connection: close`; idle keep-alive connections are closed after one turn of
 * the event loop (so a request already sent on one is read and answered, not reset); requests in
 * flight and background tasks get `graceMs` to finish; then the rest are cut, `release` runs and
 * one line is logged. A second signal exits at once.
 */
export function installGracefulStop(options: GracefulStopOptions): {
	stop: (signal: string) => Promise<void>;
} {
	const { server } = options;
	const inFlight = new Set<ServerResponse>();
	let stopping: Promise<void> | undefined;
	let finished = 0;
	server.on("request", (_req, res: ServerResponse) => {
		if (stopping) res.setHeader("connection", "close");
		inFlight.add(res);
		res.on("finish", () => {
			if (stopping) finished += 1;
		});
		res.on("close", () => inFlight.delete(res));
	});

	const stop = (signal: string): Promise<void> => {
		if (stopping) {
			options.log(`Second ${signal}: stopping now`);
			options.exit(1);
			return stopping;
		}
		const started = Date.now();
		const deadline = started + options.graceMs;
		for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
		options.onStop?.();
		stopping = (async () => {
			// net.Server's close only stops listening; http.Server's would also drop idle
			// keep-alive connections at once, resetting requests sent on them but not yet read.
			const closed = new Promise<void>((resolve) =>
				NetServer.prototype.close.call(server, () => resolve()),
			);
			await afterSocketsRead(50);
			server.closeIdleConnections();
			while (inFlight.size > 0 && Date.now() < deadline) {
				await afterSocketsRead(20);
				server.closeIdleConnections();
			}
			const cutOff = inFlight.size;
			server.closeAllConnections();
			await closed;
			await options.background?.drain(deadline);
			const abandoned = options.background?.size ?? 0;
			const released = await options.release(deadline);
			const figures: StopFigures = {
				signal,
				finished,
				cutOff,
				abandoned,
				released,
				ms: Date.now() - started,
			};
			options.log(stopLine(figures));
			options.exit(0);
		})();
		return stopping;
	};
	return { stop };
}

export function stopLine(f: StopFigures): string {
	const cut = f.cutOff > 0 ? `, ${f.cutOff} cut off at the grace limit` : "";
	const left = f.abandoned > 0 ? `, ${f.abandoned} background tasks left unfinished` : "";
	const jobs = f.released > 0 ? `, ${f.released} claimed jobs handed back to the queue` : "";
	return `Stopped on ${f.signal} in ${f.ms} ms: ${f.finished} requests answered while stopping${cut}${left}${jobs}; database closed`;
}
