/**
 * While a round solves, its page polls its own progress (JSON from the same page URL) and moves
 * the bar; when the round is done it reloads to show the result. Without JavaScript the page
 * refreshes itself by a link the person follows.
 */
export function followRunProgress(doc: Document): void {
	const bar = doc.querySelector<HTMLProgressElement>("progress[data-run-progress]");
	const url = bar?.dataset.runProgress;
	if (!bar || !url) return;
	const status = doc.querySelector<HTMLElement>("[data-run-status]");
	const poll = async () => {
		const response = await fetch(url, { headers: { accept: "application/json" } });
		if (!response.ok) return;
		const run = (await response.json()) as { status: string; progress: number };
		bar.value = run.progress;
		if (status) status.textContent = `${run.progress}% (${run.status})`;
		if (run.status === "done" || run.status === "failed") window.location.reload();
		else setTimeout(poll, 700);
	};
	setTimeout(poll, 700);
}
