import { z } from "zod";
import { LA_CODE_PATTERN } from "../../schema/index.js";

export const ROLES = ["publisher", "panel", "commissioner", "setting", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The verified identity of a caller, as the token states it. */
export interface Principal {
	subject: string;
	role: Role;
	/** The caller's borough (DfE LA code); admins and pan-London commissioners may have none. */
	la: string | null;
	/** For the `setting` role: the URN the caller answers for. */
	urn: number | null;
	/**
	 * For the `panel` role: the partnership (id) whose joint panel the caller sits on. Its runs
	 * may span the partnership's member boroughs; each borough still sees only its own children.
	 */
	joint: string | null;
}

/** The custom claims we require beside the registered ones (iss, aud, exp, sub). */
export const claimsSchema = z
	.object({
		sub: z.string().min(1),
		role: z.enum(ROLES),
		la: z.string().regex(new RegExp(LA_CODE_PATTERN)).optional(),
		urn: z.number().int().positive().optional(),
		joint: z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
			.optional(),
	})
	.superRefine((c, ctx) => {
		if ((c.role === "publisher" || c.role === "panel") && !c.la) {
			ctx.addIssue({ code: "custom", path: ["la"], message: `role ${c.role} needs an la claim` });
		}
		if (c.joint && c.role !== "panel") {
			ctx.addIssue({
				code: "custom",
				path: ["joint"],
				message: "only a panel sits on a joint panel",
			});
		}
		if (c.role === "setting" && !c.urn) {
			ctx.addIssue({ code: "custom", path: ["urn"], message: "role setting needs a urn claim" });
		}
	});

export function toPrincipal(claims: z.infer<typeof claimsSchema>): Principal {
	return {
		subject: claims.sub,
		role: claims.role,
		la: claims.la ?? null,
		urn: claims.urn ?? null,
		joint: claims.joint ?? null,
	};
}
