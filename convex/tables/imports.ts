// Imports of a watch history from another tracker's export (issue 22): a run per import, its
// staged titles (matched, previewed, applied and — for 24 hours — undoable), and the deployment's
// cache of external id → TMDB id, so each show or film is looked up on TMDB once, ever.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { importEntryValidator, importSourceValidator } from "../lib/importEntry";
import { mediaTypeValidator } from "../lib/validators";

/** Where a run is: staging → matching → preview → applying → done (→ undoing → undone), or cancelled / failed. */
export const importStateValidator = v.union(
  v.literal("staging"),
  v.literal("matching"),
  v.literal("preview"),
  v.literal("applying"),
  v.literal("done"),
  v.literal("undoing"),
  v.literal("undone"),
  v.literal("cancelled"),
  v.literal("failed"),
);

/** A TMDB title a source's title may be: offered for an ambiguous title. */
export const importCandidateValidator = v.object({ tmdbId: v.number(), title: v.string(), year: v.optional(v.number()) });

/** What applying one staged part changed, so undo can put exactly that back. */
export const importChangeValidator = v.object({
  /** The watch item's fields before; null when the import created it. */
  previousItem: v.union(
    v.null(),
    v.object({
      inWatchlist: v.optional(v.boolean()),
      progressStatus: v.optional(v.string()),
      reaction: v.optional(v.string()),
      progress: v.optional(v.number()),
      title: v.optional(v.string()),
      image: v.optional(v.string()),
      updatedAt: v.number(),
    }),
  ),
  /** The item's fields were written (otherwise only episodes, or nothing, changed). */
  itemChanged: v.boolean(),
  /** Episodes the import marked watched that were not. */
  flipped: v.array(v.object({ season: v.number(), episode: v.number() })),
  /** The show's bot-set status before, when episodes were flipped. */
  previousAutoStatus: v.optional(v.string()),
  /** The show had no episode summary before. */
  summaryCreated: v.optional(v.boolean()),
});

/** What an import's preview counts, kept up to date as titles are matched and chosen. */
export const importCountsValidator = v.object({
  shows: v.number(),
  episodes: v.number(),
  movies: v.number(),
  watchlist: v.number(),
  ratings: v.number(),
  ambiguous: v.number(),
  unmatched: v.number(),
  skipped: v.number(),
});

export const importTables = {
  import_runs: defineTable({
    userId: v.id("users"),
    discordUserId: v.string(),
    source: importSourceValidator,
    fileName: v.string(),
    state: importStateValidator,
    /** Parts staged (a show with many episodes takes several) and titles among them. */
    staged: v.number(),
    titles: v.number(),
    episodes: v.number(),
    /** Rows the file had and lines it skipped (said by the reader). */
    rows: v.number(),
    skipped: v.number(),
    /** The reply Convex edits with progress while its token lasts (15 minutes from tokenAt). */
    reply: v.optional(v.object({ applicationId: v.string(), token: v.string(), tokenAt: v.number() })),
    lastEditAt: v.optional(v.number()),
    /** An edit is scheduled and not yet sent (throttling). */
    editPending: v.optional(v.boolean()),
    /** The next staged index a page of matching / applying / undoing reads. */
    cursor: v.number(),
    /** What the preview counts, kept up to date as titles are matched and chosen. */
    counts: importCountsValidator,
    /** Titles matched so far (of `titles`), while matching. */
    matched: v.number(),
    /** Parts applied (or undone) so far, and what they changed. */
    done: v.number(),
    changes: v.number(),
    kept: v.number(),
    error: v.optional(v.string()),
    createdAt: v.number(),
    touchedAt: v.number(),
    appliedAt: v.optional(v.number()),
    /** When the import last wrote to the library (each page): undo keeps what the person changed after it. */
    lastAppliedAt: v.optional(v.number()),
    finishedAt: v.optional(v.number()),
    /** Undo works until then; the run and its record are swept after. */
    expiresAt: v.number(),
  })
    .index("by_user", ["userId", "createdAt"])
    .index("by_expires", ["expiresAt"]),

  import_entries: defineTable({
    runId: v.id("import_runs"),
    /** Order in the file; a title's parts are consecutive, its first part carries its item fields. */
    index: v.number(),
    /** The title's first part (item fields, matching); later parts hold more episodes. */
    first: v.boolean(),
    // What the file said of the title (or, in a later part, only more of its episodes).
    ...importEntryValidator.fields,
    match: v.union(v.literal("pending"), v.literal("matched"), v.literal("ambiguous"), v.literal("unmatched"), v.literal("skipped")),
    tmdbId: v.optional(v.number()),
    matchTitle: v.optional(v.string()),
    matchImage: v.optional(v.string()),
    candidates: v.optional(v.array(importCandidateValidator)),
    change: v.optional(importChangeValidator),
    undone: v.optional(v.boolean()),
  })
    .index("by_run", ["runId", "index"])
    .index("by_run_key", ["runId", "key"])
    .index("by_run_match", ["runId", "match", "index"]),

  /** External id (or title and year) → TMDB id, shared by every import: "tv:tvdb:121361", "movie:title:heat|1995". */
  import_lookups: defineTable({
    key: v.string(),
    mediaType: mediaTypeValidator,
    result: v.union(v.literal("found"), v.literal("ambiguous"), v.literal("none")),
    tmdbId: v.optional(v.number()),
    title: v.optional(v.string()),
    image: v.optional(v.string()),
    candidates: v.optional(v.array(importCandidateValidator)),
    fetchedAt: v.number(),
  }).index("by_key", ["key"]),
};
