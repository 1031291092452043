import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Stalled-show reminders (model/reminders.ts): only due rows are read, a page at a time; the end
// of someone's quiet hours is scheduled to the minute on its own, so hourly is enough here.
crons.interval("reminder scan", { hours: 1 }, internal.reminders.delivery.scan, {});
// New-episode alerts: each followed show is checked against TMDB once a day, at its own hour.
crons.interval("airing check", { hours: 1 }, internal.reminders.airing.checkAiring, {});

// Reminder DMs are kept 30 days (their buttons find the shows they listed), then deleted.
crons.interval("reminder DMs prune", { hours: 24 }, internal.reminders.delivery.prune, {});

// Link codes, "were you there?" prompts and Undo entries, deleted a while after they expire.
crons.interval("expired rows sweep", { hours: 24 }, internal.housekeeping.jobs.sweepExpired, {});

export default crons;
