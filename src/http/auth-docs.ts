import { problemResponses } from "./openapi.js";

/** OpenAPI security requirement of routes that need a bearer token. */
export const bearerSecurity = [{ bearerAuth: [] }];

/**
 * OpenAPI security of public routes: an explicit empty list says "no token needed" (tooling
 * such as Redocly reads a missing `security` as an omission, not as public).
 */
export const publicAccess: { [scheme: string]: string[] }[] = [];

/** The auth-related error responses every secured route can return. */
export const authResponses = problemResponses(401, 403);
