// Who listens to the "progress changed" hook (model/progress.ts). Every module that starts an
// episode write (model/tracking.ts, undo.ts, merge.ts, convex/migrations.ts) imports this file, so
// the subscribers are registered wherever the write path can run; the write path itself
// (model/episodes.ts) imports neither this file nor the features below.
import { markPartiesOfUserDirty } from "./parties";
import { onProgressChanged } from "./progress";
import { noteEpisodeActivity } from "./reminderRows";
import { countEpisodeFlips } from "../stats/counters";

// Watch parties this member is in move with them (their boards are re-rendered), also when a
// board showed what was known so far and now can show all of it.
onProgressChanged("partyBoards", (ctx, change) => markPartiesOfUserDirty(ctx, change.userId, change.tmdbId));

// A mark (or unmark) restarts the show's stalled-show reminder from now.
onProgressChanged("reminders", async (ctx, change) => {
  if (change.kind === "episodes") await noteEpisodeActivity(ctx, change.userId, change.tmdbId, change.at);
});

// Stats count each flipped episode in the year it was watched, and take an unmarked one off that year.
onProgressChanged("stats", async (ctx, change) => {
  if (change.kind === "episodes" && change.flips !== undefined) await countEpisodeFlips(ctx, change.userId, change.tmdbId, change.flips);
});
