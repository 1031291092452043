import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { MediaType } from "../lib/validators";
import { applyEpisodes, getSummary, type EpisodeRef } from "./episodes";
// Registers who hears of a progress change (party boards, reminders): this module starts episode writes.
import "./progressSubscribers";
import { fail } from "./errors";
import { getShow } from "./shows";
import { syncTitleStats } from "../stats/counters";
import { episodeRange } from "../../src/views/text";
import { english, type Translator } from "../../src/i18n";
import { findItem, viewItem } from "./watchItems";
import { reactionMeaning, statusMeaning } from "./vocabulary";

/** "S1E3", "S1E1–E4", "12 episodes": the episodes an undo flipped. */
function episodesLabel(episodes: EpisodeRef[], t: Translator): string {
  const seasons = [...new Set(episodes.map((e) => e.season))];
  const range =
    seasons.length === 1
      ? episodeRange(
          seasons[0]!,
          episodes.map((e) => e.episode),
        )
      : null;
  return range ?? t("undo.episodeCount", { count: episodes.length });
}

/**
 * What an undo did, as the state it left ("S1E3 of Breaking Bad is watched again") — never the
 * change it took back, which read as the opposite ("Undone: unmarked S1E3" after re-marking it).
 */
export function undoneSentence(
  entry: Pick<Doc<"undo_entries">, "flippedEpisodes" | "previousItem">,
  row: Doc<"watch_items"> | null,
  title: string,
  t: Translator = english,
): string {
  const parts: string[] = [];
  for (const wasWatched of [true, false]) {
    const episodes = entry.flippedEpisodes.filter((e) => e.wasWatched === wasWatched);
    if (episodes.length === 0) continue;
    parts.push(t("undo.episodes", { episodes: episodesLabel(episodes, t), title, count: episodes.length, wasWatched: String(wasWatched) }));
  }
  if (parts.length > 0) return parts.join("; ");
  const before = entry.previousItem;
  if (before === null) return t(row?.inWatchlist === true ? "undo.offWatchlist" : "undo.untracked", { title });
  if (row !== null && Boolean(row.inWatchlist) !== Boolean(before.inWatchlist))
    parts.push(t(before.inWatchlist ? "undo.backOnWatchlist" : "undo.offWatchlist", { title }));
  const status = statusMeaning(before.progressStatus);
  if (row === null || statusMeaning(row.progressStatus) !== status)
    parts.push(status === undefined ? t("undo.noStatus", { title }) : t("undo.statusBack", { title, status: t(`status.${status}`) }));
  const reaction = reactionMeaning(before.reaction);
  if (row !== null && reactionMeaning(row.reaction) !== reaction)
    parts.push(reaction === undefined ? t("undo.noReaction", { title }) : t("undo.reactionBack", { title, reaction }));
  return parts.length > 0 ? parts.join("; ") : t("undo.asItWas", { title });
}

/** How long the Undo button on a reply keeps working. */
export const UNDO_WINDOW_MS = 5 * 60 * 1000;
/** Bigger changes are not kept for undo (the entry would outgrow a document). */
export const UNDO_MAX_EPISODES = 2_000;

type ItemSnapshot = Doc<"undo_entries">["previousItem"];

export function snapshotItem(row: Doc<"watch_items"> | null): ItemSnapshot {
  if (row === null) return null;
  return { inWatchlist: row.inWatchlist, progressStatus: row.progressStatus, reaction: row.reaction, progress: row.progress };
}

export async function recordUndo(
  ctx: MutationCtx,
  userId: Id<"users">,
  entry: {
    tmdbId: number;
    mediaType: MediaType;
    description: string;
    previousItem: ItemSnapshot;
    flipped?: (EpisodeRef & { wasWatched: boolean })[];
    /** Pass when the change touched the show's auto status (episode marks, a chosen status). */
    autoStatus?: { previous: string | undefined };
  },
): Promise<Id<"undo_entries"> | null> {
  const flipped = entry.flipped ?? [];
  if (flipped.length > UNDO_MAX_EPISODES) return null;
  const now = Date.now();
  // Keep the table small: drop this user's oldest entries once they can no longer be used.
  const oldest = await ctx.db
    .query("undo_entries")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .take(4);
  for (const old of oldest) if (old.expiresAt < now || old.usedAt !== undefined) await ctx.db.delete(old._id);
  return await ctx.db.insert("undo_entries", {
    userId,
    tmdbId: entry.tmdbId,
    mediaType: entry.mediaType,
    description: entry.description.slice(0, 300),
    previousItem: entry.previousItem,
    flippedEpisodes: flipped,
    previousAutoStatus: entry.autoStatus?.previous,
    restoreAutoStatus: entry.autoStatus !== undefined,
    createdAt: now,
    expiresAt: now + UNDO_WINDOW_MS,
  });
}

/** Puts back what an undo entry recorded: the item's fields and every flipped episode. */
/** `t`: the person's language, for what the undo left (only the episodes' sentence is translated yet). */
export async function applyUndo(ctx: MutationCtx, userId: Id<"users">, undoId: Id<"undo_entries">, t: Translator = english) {
  const entry = await ctx.db.get(undoId);
  const now = Date.now();
  if (entry === null || entry.userId !== userId) fail("UNDO_UNAVAILABLE", "There is nothing of yours to undo there.");
  if (entry.usedAt !== undefined) fail("UNDO_UNAVAILABLE", "That change was already undone.");
  if (entry.expiresAt < now) fail("UNDO_UNAVAILABLE", "Undo only works for a few minutes after a change — that one is too old.");

  const row = await findItem(ctx, userId, entry.tmdbId, entry.mediaType);
  const showTitle = entry.mediaType === "tv" ? (await getShow(ctx, entry.tmdbId))?.title : undefined;
  const undone = undoneSentence(entry, row, row?.title ?? showTitle ?? t("undo.theTitle"), t);
  const statusBefore = row === null ? undefined : viewItem(row).progressStatus;
  if (row !== null && row.updatedAt > entry.createdAt) {
    // Putting old values back now would silently throw away the later change.
    fail("UNDO_UNAVAILABLE", "That title changed again since, so I won't undo the older change — set it the way you want directly.");
  }
  if (entry.previousItem === null) {
    if (row !== null) await ctx.db.delete(row._id);
  } else if (row !== null) {
    const before = entry.previousItem;
    // Every field explicitly: a field that was empty before the change must become empty again.
    await ctx.db.patch(row._id, {
      inWatchlist: before.inWatchlist,
      progressStatus: before.progressStatus,
      reaction: before.reaction,
      progress: before.progress,
      updatedAt: now,
    });
  } else {
    // No row: this change deleted it (unmarking every episode of a show followed only through its
    // episodes) — unless a later change did, which a newer Undo entry for the title would show
    // (undoing the older one would bring back a row the later change removed on purpose).
    const newer = await ctx.db
      .query("undo_entries")
      .withIndex("by_user", (q) => q.eq("userId", userId))
      .order("desc")
      .filter((q) =>
        q.and(
          q.eq(q.field("tmdbId"), entry.tmdbId),
          q.eq(q.field("mediaType"), entry.mediaType),
          q.gt(q.field("createdAt"), entry.createdAt),
        ),
      )
      .first();
    if (newer !== null)
      fail("UNDO_UNAVAILABLE", "That title changed again since, so I won't undo the older change — set it the way you want directly.");
    // Make it again with what it held, named as the bot names such a row.
    const before = entry.previousItem;
    const show = entry.mediaType === "tv" ? await getShow(ctx, entry.tmdbId) : null;
    await ctx.db.insert("watch_items", {
      userId,
      tmdbId: entry.tmdbId,
      mediaType: entry.mediaType,
      ...(before.inWatchlist !== undefined ? { inWatchlist: before.inWatchlist } : {}),
      ...(before.progressStatus !== undefined ? { progressStatus: before.progressStatus } : {}),
      ...(before.reaction !== undefined ? { reaction: before.reaction } : {}),
      ...(before.progress !== undefined ? { progress: before.progress } : {}),
      ...(show !== null ? { title: show.title, ...(show.image !== undefined ? { image: show.image } : {}) } : {}),
      updatedAt: now,
    });
  }

  await syncTitleStats(ctx, userId, entry.tmdbId, entry.mediaType);
  for (const wasWatched of [true, false]) {
    const episodes = entry.flippedEpisodes.filter((e) => e.wasWatched === wasWatched);
    if (episodes.length === 0) continue;
    const bySeason = new Map<number, number[]>();
    for (const e of episodes) bySeason.set(e.season, [...(bySeason.get(e.season) ?? []), e.episode]);
    await applyEpisodes(
      ctx,
      userId,
      entry.tmdbId,
      [...bySeason.entries()].map(([season, eps]) => ({ season, episodes: eps })),
      wasWatched,
    );
  }
  if (entry.restoreAutoStatus === true || entry.flippedEpisodes.length > 0) {
    const summary = await getSummary(ctx, userId, entry.tmdbId);
    if (summary !== null) await ctx.db.patch(summary._id, { autoStatus: entry.previousAutoStatus });
  }
  await ctx.db.patch(entry._id, { usedAt: now });
  return {
    description: entry.description,
    undone,
    episodes: entry.flippedEpisodes.length > 0,
    ...(statusBefore !== undefined ? { statusBefore } : {}),
    tmdbId: entry.tmdbId,
    mediaType: entry.mediaType,
  };
}
