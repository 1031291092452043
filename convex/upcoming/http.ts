// GET /calendar/<token>.ics (convex/http.ts): the person's feed, or 404 for any token that isn't a
// live one (wrong, reset, or its owner's data deleted) — the same answer whatever the reason.
import { internal } from "../_generated/api";
import { httpAction } from "../_generated/server";
import { calendarText } from "./calendar";
import { sha256Hex, TOKEN } from "./feed";

export const CALENDAR_PATH = "/calendar/";
const HOUR_MS = 60 * 60 * 1000;

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function notFound(): Response {
  return new Response("No calendar here: the link is wrong or was reset. Get yours with /upcoming feed in Discord.\n", {
    status: 404,
    headers: { ...COMMON, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export const calendarFeed = httpAction(async (ctx, request) => {
  const path = new URL(request.url).pathname;
  const token = path.startsWith(CALENDAR_PATH) && path.endsWith(".ics") ? path.slice(CALENDAR_PATH.length, -".ics".length) : "";
  if (!TOKEN.test(token)) return notFound();
  // The hour, not the millisecond: repeated fetches in an hour are the same query, which Convex
  // answers from its cache until something the feed reads changes.
  const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const data = await ctx.runQuery(internal.upcoming.feed.calendar, { tokenHash: await sha256Hex(token), now });
  if (data === null) return notFound();
  return new Response(calendarText(data), {
    status: 200,
    headers: {
      ...COMMON,
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="film-fanatic.ics"',
      // Private to whoever holds the link; calendar apps poll, so a short cache is plenty.
      "cache-control": "private, max-age=900",
    },
  });
});
