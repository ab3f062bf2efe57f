const COLOURS: Record<string, string> = {
	awaiting: "yellow",
	consulting: "blue",
	placed: "green",
	open: "blue",
	agreed: "green",
	declined: "red",
	withdrawn: "grey",
	closed: "grey",
	active: "green",
	ended: "grey",
	cancelled: "grey",
	overdue: "red",
	done: "green",
	running: "blue",
	queued: "grey",
	failed: "red",
};

export function Tag({ status, text }: { status: string; text?: string }) {
	return (
		<strong class={`govuk-tag govuk-tag--${COLOURS[status] ?? "grey"}`}>{text ?? status}</strong>
	);
}
