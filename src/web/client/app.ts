// Progressive enhancement only: every page works without this file.
import { ErrorSummary, ServiceNavigation, SkipLink } from "govuk-frontend";
import { followRunProgress } from "./run-progress.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
for (const el of document.querySelectorAll<HTMLElement>('[data-module="govuk-skip-link"]'))
	new SkipLink(el);
for (const el of document.querySelectorAll<HTMLElement>('[data-module="govuk-error-summary"]'))
	new ErrorSummary(el);
for (const el of document.querySelectorAll<HTMLElement>('[data-module="govuk-service-navigation"]'))
	new ServiceNavigation(el);
followRunProgress(document);
