import {
	type Choice,
	describedBy,
	ErrorMessage,
	type FieldProps,
	Hint,
	Labelled,
} from "./fields.js";

/** GOV.UK radios in a fieldset; the first radio carries the field's id for the error link. */
export function Radios(
	props: Omit<FieldProps, "label"> & {
		legend: string;
		choices: Choice[];
		value?: string | undefined;
		inline?: boolean;
	},
) {
	return (
		<div class={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
			<fieldset class="govuk-fieldset" aria-describedby={describedBy(props)}>
				<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
				<Hint id={props.id} hint={props.hint} />
				<ErrorMessage id={props.id} error={props.error} />
				<div class={`govuk-radios${props.inline ? " govuk-radios--inline" : ""}`}>
					{props.choices.map((c, i) => {
						const id = i === 0 ? props.id : `${props.id}-${c.value}`;
						return (
							<div class="govuk-radios__item">
								<input
									class="govuk-radios__input"
									id={id}
									name={props.name ?? props.id}
									type="radio"
									value={c.value}
									checked={props.value === c.value}
								/>
								<label class="govuk-label govuk-radios__label" for={id}>
									{c.text}
								</label>
							</div>
						);
					})}
				</div>
			</fieldset>
		</div>
	);
}

/** A GOV.UK textarea with its label, hint and error. */
export function Textarea(props: FieldProps & { value?: string | undefined; rows?: number }) {
	return (
		<Labelled {...props}>
			<textarea
				class={`govuk-textarea${props.error ? " govuk-textarea--error" : ""}`}
				id={props.id}
				name={props.name ?? props.id}
				rows={props.rows ?? 5}
				aria-describedby={describedBy(props)}
			>
				{props.value ?? ""}
			</textarea>
		</Labelled>
	);
}
