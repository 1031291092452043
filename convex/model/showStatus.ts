// TMDB's show status, read the same way by the bot (src/lib/tmdb-shows.ts) and by Convex's daily
// airing check (remindersAlerts.ts). Pure: no Convex imports.

/** TMDB statuses of a show with more to come; "Ended" and "Canceled" (and anything unknown) are not. */
const ONGOING = new Set(["returning series", "in production", "planned", "pilot"]);

/** Whether TMDB's `status` says more episodes are coming. */
export function isOngoing(status: string): boolean {
  return ONGOING.has(status.trim().toLowerCase());
}
