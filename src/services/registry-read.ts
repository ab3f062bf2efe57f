/** Reading the registry (public data): the same query functions the API's settings routes use. */
export { getSetting, listSettings } from "../queries/settings.js";
