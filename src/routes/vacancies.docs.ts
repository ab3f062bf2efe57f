/**
 * What an integrator needs to keep a case-management system in step with the vacancies, said in
 * the reference itself (the operations' descriptions), not only in the README.
 */

export const PUBLISH_DESCRIPTION = [
	"Each row sets the places free now (or from `availableFrom`) in one provision of the caller's borough, optionally per year group. One bad row rejects the whole batch and writes nothing. `count` is the new number free, not a change to it, so sending the same row twice leaves the same state.",
	"",
	"**Retrying safely.** Send an `Idempotency-Key` unique to the batch (your system's batch or job id, 1–255 characters). If the answer is lost (timeout, 5xx, dropped connection), send the same body with the same key: a key that has succeeded once replays its first answer exactly and applies nothing again, and concurrent retries run once. The same key with a different body is refused (422). A request that failed stored nothing, so its retry runs afresh. Keys belong to the token's subject and do not expire; never reuse one for another batch.",
	"",
	"Every change appears once in `GET /vacancies/changes`; the answer's `cursor` is that of this batch's last change.",
].join("\n");

export const CHANGES_DESCRIPTION = [
	"Every change to a vacancy row — a publication, a placement taking a place, a placement ending or cancelled giving it back, and the rows loaded with the data (`seed`) — as an ordered feed. There are no webhooks: poll this feed.",
	"",
	"- **Order.** Events come in commit order with strictly increasing cursors. Writers take one lock to append, so an event never appears later below a cursor you have already read: nothing is skipped.",
	"- **Cursor.** Send the previous answer's `nextCursor` as `since`; it equals `since` when there is nothing new. Start with `since=0`: the feed keeps every event, so replaying it from 0 gives the current vacancies. Cursors stay valid; treat them as opaque strings.",
	"- **Delivery.** The server returns each event once per cursor and never skips one; store the cursor after applying a page and a crash makes your delivery *at least once* (the page after the stored cursor comes again), never lossy. Applying an event twice is harmless: `count` is the number now free in that row (`yearGroup` null: any year group), not a difference; `previousCount` is what it replaced. It is not exactly once.",
	"- **Paging.** Up to `limit` events (1–1000, default 200). A full page means more are waiting: ask again at once. A shorter page means you are up to date.",
	"- **How often.** Vacancies change a few times a day per provision: once a minute is plenty when up to date. No rate limit is enforced by the API itself (no 429 today); keep to about one request a second while catching up.",
	"- **Retries.** The read is safe to repeat: on a network error or 5xx retry the same `since` with exponential backoff (1 s, doubling, up to 5 minutes, with jitter). A 400 means the request itself is wrong (a cursor that is not a decimal number, a `limit` out of range, an unknown parameter): do not retry it unchanged.",
	"",
	"Public, like `GET /vacancies`: the feed carries places, never children.",
].join("\n");
