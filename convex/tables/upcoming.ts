// The calendar feed's table (convex/upcoming/feed.ts): one private iCalendar URL per Discord user.
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const upcomingTables = {
  /**
   * A person's calendar feed. The URL's token is never stored: it is HMAC-SHA256 of `salt` under a
   * key derived from the deployment's BOT_API_SECRET, so `/upcoming feed` can show the same URL
   * again while a copy of the table alone can't. `tokenHash` (SHA-256 of the token) finds the row
   * when the URL is fetched. **Reset link** replaces the salt: the old URL then answers 404.
   */
  calendar_feeds: defineTable({
    discordUserId: v.string(),
    /** 32 random bytes (made by the bot), base64url. */
    salt: v.string(),
    /** SHA-256 (hex) of the token in the URL. */
    tokenHash: v.string(),
    createdAt: v.number(),
  })
    .index("by_discord", ["discordUserId"])
    .index("by_token", ["tokenHash"]),
};
