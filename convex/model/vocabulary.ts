import {
  MEDIA_TYPES,
  PROGRESS_STATUSES,
  REACTIONS,
  type MediaType,
  type ProgressStatus,
  type Reaction,
} from "../validators";
import { fail } from "./errors";

export function parseMediaType(value: string): MediaType {
  if ((MEDIA_TYPES as readonly string[]).includes(value)) return value as MediaType;
  fail("INVALID_ARGUMENT", `"${clip(value)}" is not a media type: use movie or tv.`);
}

export function parseProgressStatus(value: string): ProgressStatus {
  if ((PROGRESS_STATUSES as readonly string[]).includes(value)) return value as ProgressStatus;
  fail("INVALID_ARGUMENT", `"${clip(value)}" is not a status: use ${PROGRESS_STATUSES.join(", ")}.`);
}

export function parseReaction(value: string): Reaction {
  if ((REACTIONS as readonly string[]).includes(value)) return value as Reaction;
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

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** What a row means once legacy values are read in today's vocabulary. */
export interface NormalizedState {
  progressStatus?: ProgressStatus;
  reaction?: Reaction;
  progress?: number;
}

const LEGACY_PROGRESS: Record<string, ProgressStatus> = {
  "want-to-watch": "want-to-watch",
  "plan-to-watch": "want-to-watch",
  "watch-later": "want-to-watch",
  planned: "want-to-watch",
  watchlist: "want-to-watch",
  watching: "watching",
  "in-progress": "watching",
  finished: "finished",
  completed: "finished",
  done: "finished",
  watched: "finished",
};

const LEGACY_REACTION: Record<string, Reaction> = {
  loved: "loved",
  love: "loved",
  liked: "liked",
  like: "liked",
  mixed: "mixed",
  "not-for-me": "not-for-me",
  disliked: "not-for-me",
};

/**
 * Maps legacy values onto the split model (see seed-schema.md and DESIGN.md):
 * plan-to-watch/watch-later → want-to-watch, completed/done → finished,
 * liked → finished + liked, dropped → by progress (≤0 want-to-watch, between
 * watching, ≥100 finished) with reaction not-for-me. A row that already has a
 * current progressStatus is read as it stands.
 */
export function normalizeState(row: {
  progressStatus?: string;
  reaction?: string;
  status?: string;
  progress?: number;
}): NormalizedState {
  const progress = row.progress;
  let progressStatus = row.progressStatus !== undefined ? LEGACY_PROGRESS[row.progressStatus] : undefined;
  let reaction = row.reaction !== undefined ? LEGACY_REACTION[row.reaction] : undefined;

  // Once a row carries a current progressStatus it has been written in the split
  // model: its own reaction is the whole truth (a cleared one stays cleared).
  const migrated = row.progressStatus !== undefined && (PROGRESS_STATUSES as readonly string[]).includes(row.progressStatus);
  for (const legacy of migrated ? [] : [row.progressStatus, row.status]) {
    if (legacy === undefined) continue;
    if (legacy === "dropped") {
      progressStatus ??= droppedStatus(progress);
      reaction ??= "not-for-me";
    } else if (legacy === "liked" || legacy === "loved") {
      progressStatus ??= "finished";
      reaction ??= LEGACY_REACTION[legacy];
    } else {
      progressStatus ??= LEGACY_PROGRESS[legacy];
    }
  }
  return { progressStatus, reaction, progress };
}

function droppedStatus(progress: number | undefined): ProgressStatus {
  if (progress === undefined || progress <= 0) return "want-to-watch";
  if (progress >= 100) return "finished";
  return "watching";
}
