import { problemResponses } from "./openapi.js";

/** OpenAPI security requirement of routes that need a bearer token. */
export const bearerSecurity = [{ bearerAuth: [] }];

/** The auth-related error responses every secured route can return. */
export const authResponses = problemResponses(401, 403);
