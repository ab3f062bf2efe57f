import type { Db } from "../db/types.js";
import { findBoroughVacancySlots } from "../queries/vacancy-grid.js";

export type { GridRow } from "../queries/vacancy-grid.js";

/** A borough's vacancy slots for its publisher to edit (its own borough only: the caller passes it). */
export function vacancyGrid(db: Db, borough: string) {
	return findBoroughVacancySlots(db, borough);
}
