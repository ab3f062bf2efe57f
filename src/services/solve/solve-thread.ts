import { parentPort, threadId } from "node:worker_threads";
import { solveRoundHere } from "./solve-round.js";

/**
 * A solver thread: one round per message, its progress and then the answer (or the error)
 * posted back by its id.
 */
parentPort?.on(
	"message",
	(message: { id: number; input: Parameters<typeof solveRoundHere>[0] }) => {
		try {
			const solved = solveRoundHere(message.input, threadId, (progress) =>
				parentPort?.postMessage({ id: message.id, progress }),
			);
			parentPort?.postMessage({ id: message.id, solved });
		} catch (error) {
			parentPort?.postMessage({ id: message.id, error: (error as Error).message ?? String(error) });
		}
	},
);
