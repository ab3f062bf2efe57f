/** A form's problems: one per field, keyed by the field's id so the summary links to it. */
export type FormErrors = Record<string, string>;

/** The GOV.UK error summary: first on the page, focused by its script, each error a link. */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
	const entries = Object.entries(errors);
	if (entries.length === 0) return null;
	return (
		<div class="govuk-error-summary" data-module="govuk-error-summary">
			<div role="alert">
				<h2 class="govuk-error-summary__title">There is a problem</h2>
				<div class="govuk-error-summary__body">
					<ul class="govuk-list govuk-error-summary__list">
						{entries.map(([field, message]) => (
							<li>
								<a href={`#${field}`}>{message}</a>
							</li>
						))}
					</ul>
				</div>
			</div>
		</div>
	);
}
