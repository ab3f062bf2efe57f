import type { FairSharesView } from "../../../services/matching/fair-shares-view.js";
import { type Column, Table } from "../../components/table.js";
import { money } from "./context.js";

type Row = FairSharesView["boroughs"][number];

/** A count as shown: a suppressed one reads "hidden" (see the note under the table). */
const shown = (n: number | null) => (n === null ? "hidden" : String(n));

/** How the guarantee stands, in words that stay true whichever way its price falls. */
function guaranteeText(g: FairSharesView["guarantee"]): string {
	const worse = g.worseOffWithout.length;
	const without =
		worse === 0
			? "Without it, no borough would place fewer of its children than alone."
			: `Without it, ${worse} ${worse === 1 ? "borough" : "boroughs"} would place fewer of their children than alone.`;
	if (!g.on || !g.price)
		return `The no-borough-worse-off guarantee was off for this round. ${without}`;
	const p = g.price;
	const fewer =
		p.placedFewer === null
			? "a change of 1 to 4 in the children placed in published supply"
			: p.placedFewer === 0
				? "as many children placed in published supply"
				: `${Math.abs(p.placedFewer)} ${p.placedFewer > 0 ? "fewer" : "more"} children placed in published supply`;
	return `The no-borough-worse-off guarantee was on: each borough places at least as many of its children in published supply as alone. ${without} Its price: ${money(p.annualCost)} a year, ${fewer}.`;
}

/** Per borough, this round (pooled) against matching alone, with the guarantee's price beside it. */
export function FairSharesTable({
	fair,
	name,
}: {
	fair: FairSharesView;
	name: (b: string) => string;
}) {
	const columns: Column<Row>[] = [
		{ header: "Borough", rowHeader: true, cell: (r) => name(r.borough) },
		{ header: "Children", numeric: true, cell: (r) => shown(r.pooled.children) },
		{ header: "Placed, this round", numeric: true, cell: (r) => shown(r.pooled.placed) },
		{ header: "Placed, alone", numeric: true, cell: (r) => shown(r.alone.placed) },
		{ header: "Fallback, this round", numeric: true, cell: (r) => shown(r.pooled.fallback) },
		{ header: "Fallback, alone", numeric: true, cell: (r) => shown(r.alone.fallback) },
		{ header: "Annual cost, this round", numeric: true, cell: (r) => money(r.pooled.annualCost) },
		{ header: "Annual cost, alone", numeric: true, cell: (r) => money(r.alone.annualCost) },
	];
	return (
		<>
			<Table<Row>
				caption="Each borough: this round against matching alone"
				captionSize="s"
				rows={fair.boroughs}
				columns={columns}
			/>
			<p class="govuk-body-s">
				Hidden: another borough's count of 1 to 4 children, or a figure that would give one away
				(and its cost).
			</p>
			<p class="govuk-body">{guaranteeText(fair.guarantee)}</p>
		</>
	);
}
