import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AllocationInput } from "../../../solver/index.js";
import type { RoundProgress, SolvedRound, SolveRound } from "./solve-round.js";

interface Waiting {
	id: number;
	input: AllocationInput;
	progress: RoundProgress | undefined;
	resolve: (solved: SolvedRound) => void;
	reject: (error: Error) => void;
}

interface ThreadMessage {
	id: number;
	progress?: number;
	solved?: SolvedRound;
	error?: string;
}

/** One thread per core less one (the event loop's), at least one. */
export const defaultSolverThreads = () => Math.max(1, availableParallelism() - 1);

/**
 * Solves rounds in `size` worker threads, so a long solve never holds the event loop: requests,
 * lease renewals and a stop signal are heard while it runs. Rounds queue for a free thread.
 */
export class SolverPool {
	readonly #idle: Worker[] = [];
	readonly #all: Worker[] = [];
	readonly #queue: Waiting[] = [];
	readonly #busy = new Map<Worker, Waiting>();
	#next = 1;

	constructor(size: number) {
		for (let i = 0; i < size; i++) this.#spawn();
	}

	solve: SolveRound = (input, progress) =>
		new Promise((resolve, reject) => {
			this.#queue.push({ id: this.#next++, input, progress, resolve, reject });
			this.#dispatch();
		});

	async close(): Promise<void> {
		for (const w of this.#queue.splice(0)) w.reject(new Error("the solver pool was closed"));
		await Promise.all(this.#all.map((worker) => worker.terminate()));
	}

	#spawn(): void {
		// The thread runs TypeScript like the main one: tsx registered first, then the entry.
		const entry = JSON.stringify(new URL("./solve-thread.ts", import.meta.url).href);
		const worker = new Worker(
			`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`,
			{ eval: true },
		);
		worker.unref();
		worker.on("message", (message: ThreadMessage) => {
			const job = this.#busy.get(worker);
			if (message.progress !== undefined) {
				if (job?.id === message.id) job.progress?.(message.progress);
				return;
			}
			this.#busy.delete(worker);
			this.#idle.push(worker);
			if (job && message.solved) job.resolve(message.solved);
			else job?.reject(new Error(message.error ?? "the solver thread answered nothing"));
			this.#dispatch();
		});
		worker.on("error", (error) => {
			// A thread that dies (out of memory) fails its round and is replaced.
			this.#busy.get(worker)?.reject(error);
			this.#busy.delete(worker);
			this.#all.splice(this.#all.indexOf(worker), 1);
			this.#spawn();
			this.#dispatch();
		});
		this.#all.push(worker);
		this.#idle.push(worker);
	}

	#dispatch(): void {
		while (this.#idle.length > 0 && this.#queue.length > 0) {
			const worker = this.#idle.pop() as Worker;
			const job = this.#queue.shift() as Waiting;
			this.#busy.set(worker, job);
			worker.postMessage({ id: job.id, input: job.input });
		}
	}
}
