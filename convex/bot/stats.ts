// The bot's API for /stats (docs/stats.md): a person's figures, sharing them in a server, and the
// server's leaderboard. Each command is one call here; the figures come from the counters kept by
// the write paths (convex/stats/counters.ts), so a call reads a bounded handful of documents.
import { v } from "convex/values";
import { botMutation, botQuery } from "../lib/botFunctions";
import { fail } from "../model/errors";
import { existingUserForDiscord } from "../model/users";
import { MAX_SHARED_SERVERS, refreshBoards, removeBoardRows } from "../stats/counters";
import { boardPeriod, readBoard, readFigures, serverBoard, shareOf, statsFigures } from "../stats/read";

/** Years /stats answers for. */
export const FIRST_YEAR = 2000;

function checkGuild(guildId: string): string {
  if (!/^\d{15,22}$/.test(guildId)) fail("INVALID_ARGUMENT", "That works in a server.");
  return guildId;
}

function checkYear(year: number | undefined): number | null {
  if (year === undefined) return null;
  const now = new Date().getUTCFullYear();
  if (!Number.isSafeInteger(year) || year < FIRST_YEAR || year > now) fail("INVALID_ARGUMENT", `Pick a year from ${FIRST_YEAR} to ${now}.`);
  return year;
}

/**
 * Someone's figures: your own always; another person's only in a server where they share them
 * (`/stats share on` there) — else "not_shared", which says nothing of whether they have any.
 */
export const stats = botQuery({
  args: { subjectDiscordUserId: v.optional(v.string()), guildId: v.optional(v.string()), year: v.optional(v.number()) },
  returns: v.union(
    v.object({
      status: v.literal("ok"),
      self: v.boolean(),
      figures: v.union(statsFigures, v.null()),
      sharedHere: v.union(v.boolean(), v.null()),
    }),
    v.object({ status: v.literal("not_shared") }),
  ),
  handler: async (ctx, args) => {
    const year = checkYear(args.year);
    const guildId = args.guildId === undefined ? undefined : checkGuild(args.guildId);
    const self = args.subjectDiscordUserId === undefined || args.subjectDiscordUserId === ctx.actor.discordUserId;
    const userId = self ? await ctx.actor.userId() : await existingUserForDiscord(ctx, args.subjectDiscordUserId!);
    const share = userId === null || guildId === undefined ? null : await shareOf(ctx, userId, guildId);
    if (!self && share === null) return { status: "not_shared" as const };
    const figures = userId === null ? null : await readFigures(ctx, userId, year);
    return { status: "ok" as const, self, figures, sharedHere: guildId === undefined ? null : share !== null };
  },
});

/** `/stats share on|off` in a server: others here may see your stats, and the leaderboard lists you. */
export const setStatsShare = botMutation({
  args: { guildId: v.string(), on: v.boolean(), name: v.string() },
  returns: v.object({ on: v.boolean(), changed: v.boolean() }),
  handler: async (ctx, args) => {
    const guildId = checkGuild(args.guildId);
    const userId = ctx.actor.userId;
    const share = await shareOf(ctx, userId, guildId);
    if (!args.on) {
      if (share === null) return { on: false, changed: false };
      await ctx.db.delete(share._id);
      await removeBoardRows(ctx, userId, guildId);
      return { on: false, changed: true };
    }
    const name = args.name.trim().slice(0, 80) || "Someone";
    if (share === null) {
      const shared = await ctx.db
        .query("stats_shares")
        .withIndex("by_user_guild", (q) => q.eq("userId", userId))
        .take(MAX_SHARED_SERVERS);
      if (shared.length >= MAX_SHARED_SERVERS)
        fail(
          "INVALID_ARGUMENT",
          `You share your stats in ${MAX_SHARED_SERVERS} servers already: \`/stats share state:off\` in one of them first.`,
        );
    }
    if (share !== null) {
      if (share.name !== name) await ctx.db.patch(share._id, { name });
    } else await ctx.db.insert("stats_shares", { userId, guildId, discordUserId: ctx.actor.discordUserId, name, at: Date.now() });
    // Their leaderboard rows for this week, month and year, from their counters.
    await refreshBoards(ctx, userId);
    return { on: true, changed: share === null };
  },
});

/** The server's leaderboard (members who share here) for the current week, month or year, and its watch parties. */
export const serverStats = botQuery({
  args: { guildId: v.string(), period: boardPeriod },
  returns: serverBoard,
  handler: async (ctx, args) => await readBoard(ctx, checkGuild(args.guildId), args.period),
});
