import type { Child } from "hono/jsx";

export interface FieldProps {
	id: string;
	name?: string;
	label: Child;
	/** A smaller, bold label: a field inside a table row. */
	labelSize?: "s";
	hint?: string;
	error?: string | undefined;
	/** Render the label as the page heading (a one-question page). */
	width?: 2 | 3 | 4 | 5 | 10 | 20;
}

export function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
	return hint ? (
		<div id={`${id}-hint`} class="govuk-hint">
			{hint}
		</div>
	) : null;
}

export function ErrorMessage({ id, error }: { id: string; error?: string | undefined }) {
	return error ? (
		<p id={`${id}-error`} class="govuk-error-message">
			<span class="govuk-visually-hidden">Error:</span> {error}
		</p>
	) : null;
}

export const describedBy = (p: Pick<FieldProps, "id" | "hint" | "error">) =>
	[p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : ""].filter(Boolean).join(" ") ||
	undefined;

/** The GOV.UK form group: label, hint and error message above the control they describe. */
export function Labelled(props: FieldProps & { children: Child }) {
	return (
		<div class={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
			<label
				class={`govuk-label${props.labelSize ? ` govuk-label--${props.labelSize}` : ""}`}
				for={props.id}
			>
				{props.label}
			</label>
			<Hint id={props.id} hint={props.hint} />
			<ErrorMessage id={props.id} error={props.error} />
			{props.children}
		</div>
	);
}

export function TextInput(
	props: FieldProps & {
		value?: string | number | null;
		type?: string;
		inputmode?: "numeric" | "text";
	},
) {
	return (
		<Labelled {...props}>
			<input
				class={`govuk-input${props.width ? ` govuk-input--width-${props.width}` : ""}${props.error ? " govuk-input--error" : ""}`}
				id={props.id}
				name={props.name ?? props.id}
				type={props.type ?? "text"}
				inputmode={props.inputmode}
				value={props.value ?? ""}
				aria-describedby={describedBy(props)}
				spellcheck={false}
			/>
		</Labelled>
	);
}

export interface Choice {
	value: string;
	text: string;
}

export function Select(props: FieldProps & { choices: Choice[]; value?: string | undefined }) {
	return (
		<Labelled {...props}>
			<select
				class={`govuk-select${props.error ? " govuk-select--error" : ""}`}
				id={props.id}
				name={props.name ?? props.id}
				aria-describedby={describedBy(props)}
			>
				{props.choices.map((c) => (
					<option value={c.value} selected={c.value === props.value}>
						{c.text}
					</option>
				))}
			</select>
		</Labelled>
	);
}

/** Several checkboxes in a fieldset; the first box carries the field's id for the error link. */
export function Checkboxes(
	props: FieldProps & { legend: string; choices: Choice[]; values: string[]; small?: boolean },
) {
	return (
		<div class={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
			<fieldset class="govuk-fieldset" aria-describedby={describedBy(props)}>
				<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
				<Hint id={props.id} hint={props.hint} />
				<ErrorMessage id={props.id} error={props.error} />
				<div class={`govuk-checkboxes${props.small ? " govuk-checkboxes--small" : ""}`}>
					{props.choices.map((c, i) => (
						<div class="govuk-checkboxes__item">
							<input
								class="govuk-checkboxes__input"
								id={i === 0 ? props.id : `${props.id}-${c.value}`}
								name={props.name ?? props.id}
								type="checkbox"
								value={c.value}
								checked={props.values.includes(c.value)}
							/>
							<label
								class="govuk-label govuk-checkboxes__label"
								for={i === 0 ? props.id : `${props.id}-${c.value}`}
							>
								{c.text}
							</label>
						</div>
					))}
				</div>
			</fieldset>
		</div>
	);
}
