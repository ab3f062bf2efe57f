// Placeholder replaced by the database harness (see test/support/db.ts).
export default async function setup(): Promise<void> {}
