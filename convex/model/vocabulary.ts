import { MEDIA_TYPES, PROGRESS_STATUSES, REACTIONS, type MediaType, type ProgressStatus, type Reaction } from "../lib/validators";
import { fail } from "./errors";

export function parseMediaType(value: string): MediaType {
  if ((MEDIA_TYPES as readonly string[]).includes(value)) return value as MediaType;
  fail("INVALID_ARGUMENT", `"${clip(value)}" is not a media type: use movie or tv.`);
}

/** A status argument in any vocabulary the web app or the seed uses, in the bot's words. */
export function parseProgressStatus(value: string): ProgressStatus {
  const status = statusMeaning(value);
  if (status !== undefined) return status;
  fail("INVALID_ARGUMENT", `"${clip(value)}" is not a status: use ${PROGRESS_STATUSES.join(", ")}.`);
}

export function parseReaction(value: string): Reaction {
  const reaction = reactionMeaning(value);
  if (reaction !== undefined) return reaction;
  fail("INVALID_ARGUMENT", `"${clip(value)}" is not a reaction: use ${REACTIONS.join(", ")}.`);
}

export function parseTmdbId(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) fail("INVALID_ARGUMENT", `${value} is not a TMDB id.`);
  return value;
}

export function parseProgress(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    fail("INVALID_ARGUMENT", `Progress must be between 0 and 100 (got ${value}).`);
  }
  return value;
}

export function parseSeasonNumber(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    fail("INVALID_ARGUMENT", `${value} is not a season number.`);
  }
  return value;
}

export function parseEpisodeNumber(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > 100_000) {
    fail("INVALID_ARGUMENT", `${value} is not an episode number.`);
  }
  return value;
}

export function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

// ── One vocabulary ─────────────────────────────────────────────────────────────
// Every status value the web app or the seed has ever stored (docs/web-api.md),
// by meaning. Values are stored as written; these tables are the only place that reads
// them, for display, logic and the status filters (one index range per stored value).

/** Stored progressStatus values for each meaning, the meaning's own name (the seed's word) first. */
export const STATUS_SYNONYMS: Readonly<Record<ProgressStatus, readonly string[]>> = {
  "want-to-watch": ["want-to-watch", "watch-later", "plan-to-watch"],
  watching: ["watching", "caught-up"],
  finished: ["finished", "done", "completed", "liked"],
  dropped: ["dropped"],
};

/** Values the legacy combined `status` field held (2026-02-18 → 02-21), by meaning. */
export const LEGACY_STATUS_VALUES: Readonly<Record<ProgressStatus, readonly string[]>> = {
  "want-to-watch": ["plan-to-watch"],
  watching: ["watching"],
  finished: ["completed", "liked"],
  dropped: ["dropped"],
};

/**
 * The web app's current word for each meaning: what every write stores, the bot's
 * included. The web app's custom-list page labels the raw stored value and shows
 * any word it does not know ("finished", "want-to-watch") as "Watch Later".
 */
export const WEB_STATUS: Readonly<Record<ProgressStatus, string>> = {
  "want-to-watch": "watch-later",
  watching: "watching",
  finished: "done",
  dropped: "dropped",
};

const STATUS_MEANING = new Map<string, ProgressStatus>(
  (Object.entries(STATUS_SYNONYMS) as [ProgressStatus, readonly string[]][]).flatMap(([meaning, words]) =>
    words.map((word) => [word, meaning] as const),
  ),
);

/** What a stored or given status value means; undefined for values no version wrote. */
export function statusMeaning(value: string | undefined): ProgressStatus | undefined {
  return value === undefined ? undefined : STATUS_MEANING.get(value);
}

export function reactionMeaning(value: string | undefined): Reaction | undefined {
  return value !== undefined && (REACTIONS as readonly string[]).includes(value) ? (value as Reaction) : undefined;
}

/** Whether a status value is one some version of the app or the seed stored. */
export function isKnownStatus(value: string): boolean {
  return STATUS_MEANING.has(value);
}

/** What a row means once its values are read (stored values untouched). */
export interface NormalizedState {
  progressStatus?: ProgressStatus;
  reaction?: Reaction;
  progress?: number;
}

/**
 * Reads a row in the bot's words: progressStatus by meaning; when it is absent or
 * unknown, the legacy combined `status` read the same way (the web client's reading:
 * "dropped" stays dropped, "liked" also means the reaction liked). Once a row carries
 * a known progressStatus it was written in the split model, so its own reaction is
 * the whole truth (a cleared reaction stays cleared).
 */
export function normalizeState(row: { progressStatus?: string; reaction?: string; status?: string; progress?: number }): NormalizedState {
  const current = statusMeaning(row.progressStatus);
  const legacy = current === undefined ? statusMeaning(row.status) : undefined;
  const reaction = reactionMeaning(row.reaction) ?? (current === undefined && row.status === "liked" ? "liked" : undefined);
  return { progressStatus: current ?? legacy, reaction, progress: row.progress };
}

/** The word a status value is stored as: the web app's current word for its meaning (unknown values as given). */
export function storedWord(value: string): string {
  const meaning = statusMeaning(value);
  return meaning === undefined ? value : WEB_STATUS[meaning];
}

/**
 * The split-model fields a legacy row implies, in the web app's current words, for
 * fields the row lacks; {} when it already carries them. Legacy `dropped` is split as
 * the web app's server and the seed split it: a status by progress (none → watch-later,
 * 100 → done, else watching) plus the reaction not-for-me. This is the only rewrite any
 * write path makes of values it was not asked to change: a stored progressStatus (a
 * stored `dropped` included) is never replaced.
 */
export function legacyFill(row: { progressStatus?: string; reaction?: string; status?: string; progress?: number }): {
  progressStatus?: string;
  reaction?: string;
} {
  const out: { progressStatus?: string; reaction?: string } = {};
  if (row.progressStatus !== undefined) return out;
  const meaning = statusMeaning(row.status);
  if (meaning === "dropped") {
    const progress = row.progress ?? 0;
    out.progressStatus = WEB_STATUS[progress <= 0 ? "want-to-watch" : progress >= 100 ? "finished" : "watching"];
    if (row.reaction === undefined) out.reaction = "not-for-me";
  } else if (meaning !== undefined) {
    out.progressStatus = WEB_STATUS[meaning];
  }
  if (row.reaction === undefined && row.status === "liked") out.reaction = "liked";
  return out;
}
