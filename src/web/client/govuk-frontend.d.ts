// govuk-frontend ships no type declarations; these are the few components the pages start.
declare module "govuk-frontend" {
	export class ErrorSummary {
		constructor(root: Element);
	}
	export class ServiceNavigation {
		constructor(root: Element);
	}
	export class SkipLink {
		constructor(root: Element);
	}
}
