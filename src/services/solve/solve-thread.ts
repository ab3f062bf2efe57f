import { parentPort, threadId } from "node:worker_threads";
import { solveRoundHere } from "./solve-round.js";

/** A solver thread: one round per message, the answer (or the error) posted back by its id. */
parentPort?.on(
	"message",
	(message: { id: number; input: Parameters<typeof solveRoundHere>[0] }) => {
		try {
			parentPort?.postMessage({ id: message.id, solved: solveRoundHere(message.input, threadId) });
		} catch (error) {
			parentPort?.postMessage({ id: message.id, error: (error as Error).message ?? String(error) });
		}
	},
);
