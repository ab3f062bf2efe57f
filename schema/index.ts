export * from "./audit.js";
export * from "./census.js";
export * from "./codes.js";
export * from "./demand.js";
export * from "./jobs.js";
export * from "./panel.js";
export * from "./reference.js";
export * from "./registry.js";
