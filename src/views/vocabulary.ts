/** The words people see for the app's vocabularies, and the values behind them. */

export type MediaType = "movie" | "tv";
/** A status as Convex returns it, in today's words (every stored synonym is read as one of these). */
export type ProgressStatus = "want-to-watch" | "watching" | "finished" | "dropped";
/** The statuses the bot offers: its options, buttons and list filters (all of them, as the web app does). */
export type SettableStatus = ProgressStatus;
export type Reaction = "loved" | "liked" | "mixed" | "not-for-me";
/** What the reaction menu offers: a reaction, or clearing it. */
export type ReactionChoice = Reaction | "clear";

export const MEDIA_TYPES = ["movie", "tv"] as const satisfies readonly MediaType[];
export const SETTABLE_STATUSES = ["want-to-watch", "watching", "finished", "dropped"] as const satisfies readonly SettableStatus[];
export const REACTIONS = ["loved", "liked", "mixed", "not-for-me"] as const satisfies readonly Reaction[];
export const REACTION_CHOICES = [...REACTIONS, "clear"] as const satisfies readonly ReactionChoice[];

/** Film Fanatic's red, the colour of every card. */
export const BRAND = 0xe50914;

/** Discord's red, for a card that asks before something can't be undone. */
export const DANGER = 0xed4245;

export const STATUS_EMOJI: Record<ProgressStatus, string> = {
  "want-to-watch": "🔖",
  watching: "▶️",
  finished: "✅",
  dropped: "⏹️",
};
export const STATUS_NAME: Record<ProgressStatus, string> = {
  "want-to-watch": "Want to watch",
  watching: "Watching",
  finished: "Finished",
  dropped: "Dropped",
};
export const REACTION_EMOJI: Record<Reaction, string> = {
  loved: "❤️",
  liked: "👍",
  mixed: "😐",
  "not-for-me": "👎",
};
export const REACTION_NAME: Record<Reaction, string> = {
  loved: "Loved",
  liked: "Liked",
  mixed: "Mixed",
  "not-for-me": "Not for me",
};

/** "▶️ Watching" */
export function statusLabel(status: ProgressStatus): string {
  return `${STATUS_EMOJI[status]} ${STATUS_NAME[status]}`;
}

/** "❤️ Loved" */
export function reactionLabel(reaction: Reaction): string {
  return `${REACTION_EMOJI[reaction]} ${REACTION_NAME[reaction]}`;
}

export function isMediaType(value: unknown): value is MediaType {
  return value === "movie" || value === "tv";
}
export function isSettableStatus(value: unknown): value is SettableStatus {
  return value === "want-to-watch" || value === "watching" || value === "finished" || value === "dropped";
}
export function isReaction(value: unknown): value is Reaction {
  return value === "loved" || value === "liked" || value === "mixed" || value === "not-for-me";
}
