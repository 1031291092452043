/**
 * Every button's and select's custom_id, written and read by one typed codec
 * per component (the machinery is in custom-id.ts). The bot's handlers receive
 * what these decode to; Convex-built messages encode their buttons with the
 * same codecs. Anything that does not decode — forged, cut short, from an older
 * version — is refused in one place with StaleComponentError.
 */
import {
  component,
  documentId,
  flag,
  fromMenu,
  int,
  INVALID,
  mapped,
  oneOf,
  optional,
  or,
  pattern,
  reshape,
  select,
  snowflake,
  StaleComponentError,
  timestamp,
  type ComponentCodec,
  type Field,
} from "./custom-id.ts";
import { LIMITS } from "./limits.ts";
import {
  MEDIA_TYPES,
  REACTION_CHOICES,
  REACTIONS,
  SETTABLE_STATUSES,
  type MediaType,
  type ReactionChoice,
  type SettableStatus,
} from "./vocabulary.ts";

export { STALE_COMPONENT_MESSAGE, StaleComponentError } from "./custom-id.ts";

/** The highest season number commands accept and buttons carry. */
export const MAX_SEASON = 200;
/** No show numbers episodes this high; anything above is a typo. */
export const MAX_EPISODE_NUMBER = 9_999;
/** TMDB ids are 32-bit. */
export const MAX_TMDB_ID = 2_147_483_647;
/** The furthest a list can be paged. */
export const MAX_LIST_PAGE = 10_000;

const tmdbId = int(MAX_TMDB_ID, 1);
const mediaType = oneOf<MediaType>(MEDIA_TYPES);
const watched = flag("w", "u");

/** A title picked from a guess: "t1396" (TV) or "m27205" (movie), in an id or as a menu option's value. */
export interface TitleChoice {
  mediaType: MediaType;
  tmdbId: number;
}

export const titleChoice: Field<TitleChoice> = mapped(
  pattern(/^[tm][1-9][0-9]{0,9}$/, 11, "t1"),
  (raw) => {
    const id = Number(raw.slice(1));
    return id <= MAX_TMDB_ID ? { mediaType: raw[0] === "t" ? "tv" : "movie", tmdbId: id } : INVALID;
  },
  (choice) => `${choice.mediaType === "tv" ? "t" : "m"}${tmdbId.encode(choice.tmdbId)}`,
);

/** A show picked from a guess ("t1396"): episode commands' guesses offer only shows. */
export const showChoice: Field<TitleChoice & { mediaType: "tv" }> = mapped(
  titleChoice,
  (choice) => (choice.mediaType === "tv" ? { mediaType: "tv", tmdbId: choice.tmdbId } : INVALID),
  (choice) => choice,
);

/** What a title subcommand asked for, carried by its "Did you mean …?" buttons. */
export type TitleAction =
  | { sub: "add" | "remove" | "info" }
  | { sub: "status"; status: SettableStatus; progress?: number }
  | { sub: "react"; reaction: ReactionChoice };

export type ListScope = "watchlist" | "all";

/** Whose list, which filters, which page, and where it starts (Convex's keyset cursor). */
export interface ListPosition {
  owner: string;
  status?: SettableStatus;
  mediaType?: MediaType;
  scope: ListScope;
  page: number;
  cursor?: { before: number; creation: number };
}

// ---------------------------------------------------------------- episodes

/** ep:mark:<tmdbId>:<season>:<episode> — "Mark S1E4", the next episode after a change. */
export const markEpisodeButton = component("ep:mark", { tmdbId, season: int(MAX_SEASON), episode: int(MAX_EPISODE_NUMBER, 1) });

/** The canonical short episode list a button repeats, "1-5,7" or "all"; whatever room the id leaves. */
const episodeList = pattern(/^(all|[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?(,[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?)*)$/, 74, "1-5,7");

/**
 * ep:pick:<season>:<w|u>:<episodes>:<title|-> — "Did you mean …?" confirmed: the
 * /ep that was typed, on the show picked (on the button, or "-": in the menu).
 * The episode list is text for the handler's episode parser; encoding a list
 * too long for the id fails (tryEncode gives null).
 */
export const episodePickButton = component("ep:pick", {
  season: int(MAX_SEASON),
  isWatched: watched,
  episodes: episodeList,
  choice: fromMenu(showChoice),
});

/** mark:pick:<season|all>:<w|u>:<title|-> — "Did you mean …?" for /mark season (a number) or /mark show ("all"). */
export const markPickButton = component("mark:pick", {
  season: or(int(MAX_SEASON), "all"),
  isWatched: watched,
  choice: fromMenu(showChoice),
});

/** party:pick:<season|->:<channelId>:<title|-> — "Did you mean …?" for /party start typed by name (a show, or with title: a movie). */
export const partyPickButton = component("party:pick", {
  season: optional(int(MAX_SEASON)),
  channelId: snowflake,
  choice: fromMenu(titleChoice),
});

/** mark:specials:<tmdbId>:<w|u> — season 0, which /mark show leaves out. */
export const specialsButton = component("mark:specials", { tmdbId, isWatched: watched });

// ---------------------------------------------------------------- titles

/** watch:undo:<undoId> — undo the change the card reports. */
export const undoButton = component("watch:undo", { undoId: documentId });

/** watch:status:<type>:<tmdbId>:<status> — the status buttons on a title card. */
export const statusButton = component("watch:status", { mediaType, tmdbId, status: oneOf<SettableStatus>(SETTABLE_STATUSES) });

/** watch:add:<type>:<tmdbId> — "Add to watchlist" on a title card. */
export const addButton = component("watch:add", { mediaType, tmdbId });

/** watch:remove:<type>:<tmdbId> — "Remove from watchlist" on a title card. */
export const removeButton = component("watch:remove", { mediaType, tmdbId });

/** watch:react:<type>:<tmdbId>, value = a reaction or "clear" — the reaction menu on a title card. */
export const reactionSelect = select("watch:react", { mediaType, tmdbId }, oneOf<ReactionChoice>(REACTION_CHOICES));

/** watch:share:<type>:<tmdbId>:<finished|loved> — post a finished or loved title to the channel, if still true. */
export const shareButton = component("watch:share", { mediaType, tmdbId, what: oneOf(["finished", "loved"]) });

const ACTION_ARG = /^(-|(want-to-watch|watching|finished)(\.(0|[1-9][0-9]?|100))?|loved|liked|mixed|not-for-me|clear)$/;

/** watch:pick:<subcommand>:<argument>:<title|-> — "Did you mean …?" confirmed: the typed /watch, on the title picked. */
export const titlePickButton = reshape(
  component("watch:pick", {
    sub: oneOf(["add", "remove", "info", "status", "react"]),
    arg: pattern(ACTION_ARG, 17, "-"),
    choice: fromMenu(titleChoice),
  }),
  ({ sub, arg, choice }): { action: TitleAction; choice: TitleChoice } | typeof INVALID => {
    if (sub === "add" || sub === "remove" || sub === "info") return arg === "-" ? { action: { sub }, choice } : INVALID;
    if (sub === "react")
      return (REACTION_CHOICES as readonly string[]).includes(arg) ? { action: { sub, reaction: arg as ReactionChoice }, choice } : INVALID;
    const [status, progress] = arg.split(".");
    if (!(SETTABLE_STATUSES as readonly string[]).includes(status!)) return INVALID;
    return { action: { sub, status: status as SettableStatus, ...(progress !== undefined ? { progress: Number(progress) } : {}) }, choice };
  },
  ({ action, choice }: { action: TitleAction; choice: TitleChoice | undefined }) => {
    const arg =
      action.sub === "status"
        ? action.progress === undefined
          ? action.status
          : `${action.status}.${int(100).encode(action.progress)}`
        : action.sub === "react"
          ? action.reaction
          : "-";
    return { sub: action.sub, arg, choice };
  },
);

// ---------------------------------------------------------------- lists

const STATUS_CODE: Record<SettableStatus, string> = { "want-to-watch": "p", watching: "w", finished: "f", dropped: "d" };
const TYPE_CODE: Record<MediaType, string> = { movie: "m", tv: "t" };
const SCOPE_CODE: Record<ListScope, string> = { watchlist: "l", all: "a" };
const keyOf = <K extends string>(codes: Record<K, string>, code: string): K | undefined =>
  (Object.keys(codes) as K[]).find((k) => codes[k] === code);

/** Status, type and scope in three letters ("-" for no filter): "wtl" is watching · TV · watchlist. */
const listFilters: Field<Pick<ListPosition, "status" | "mediaType" | "scope">> = mapped(
  pattern(/^[pwfd-][mt-][la]$/, 3, "--l"),
  (raw) => {
    const status = raw[0] === "-" ? undefined : keyOf(STATUS_CODE, raw[0]!);
    const type = raw[1] === "-" ? undefined : keyOf(TYPE_CODE, raw[1]!);
    const scope = keyOf(SCOPE_CODE, raw[2]!);
    return scope === undefined ? INVALID : { status, mediaType: type, scope };
  },
  (f) => `${f.status ? STATUS_CODE[f.status] : "-"}${f.mediaType ? TYPE_CODE[f.mediaType] : "-"}${SCOPE_CODE[f.scope]}`,
);

/** watch:page:<owner>:<filters>:<before|->:<creation|->:<page> — a list page; the keyset cursor survives restarts. */
export const listPageButton = reshape(
  component("watch:page", {
    owner: snowflake,
    filters: listFilters,
    before: optional(timestamp),
    creation: optional(timestamp),
    page: int(MAX_LIST_PAGE, 1),
  }),
  ({ owner, filters, before, creation, page }): ListPosition | typeof INVALID => {
    if ((before === undefined) !== (creation === undefined)) return INVALID;
    const position: ListPosition = { owner, scope: filters.scope, page };
    if (filters.status) position.status = filters.status;
    if (filters.mediaType) position.mediaType = filters.mediaType;
    if (before !== undefined && creation !== undefined) position.cursor = { before, creation };
    return position;
  },
  (p: ListPosition) => ({
    owner: p.owner,
    filters: { status: p.status, mediaType: p.mediaType, scope: p.scope },
    before: p.cursor?.before,
    creation: p.cursor?.creation,
    page: p.page,
  }),
);

// ---------------------------------------------------------------- parties (issue 9) and reminders (issue 12)

/** party:join:<partyId> — "Join" on a party board. */
export const partyJoinButton = component("party:join", { partyId: documentId });

/** party:watched:<partyId> — the host's "We watched together" on a party board. */
export const partyWatchedButton = component("party:watched", { partyId: documentId });

/** party:there:<promptId> — "I was there" under a watched-together prompt: marks those episodes for whoever clicks. */
export const partyThereButton = component("party:there", { promptId: documentId });

/** party:react:<promptId>:<reaction> — after "I was there" on a movie night: the clicker's reaction, counted on the board. */
export const partyReactButton = component("party:react", { promptId: documentId, reaction: oneOf(REACTIONS) });

/** party:host:<partyId>:<userId> — the confirmation under `/party host`: hands the party to that member. */
export const partyHostButton = component("party:host", { partyId: documentId, userId: snowflake });

/** party:remove:<partyId>:<userId> — the confirmation under `/party remove`: takes that member out of the party. */
export const partyRemoveButton = component("party:remove", { partyId: documentId, userId: snowflake });

/** party:keep — "Cancel" on that confirmation: nothing changes. */
export const partyKeepButton = component("party:keep", {});

/** session:rsvp:<sessionId>:<going|maybe|cant> — Going / Maybe / Can't under a session's post. */
export const sessionRsvpButton = component("session:rsvp", { sessionId: documentId, answer: oneOf(["going", "maybe", "cant"]) });

/** What a session's Confirm schedules: `weekly` left out keeps the repeat of the session it replaces. */
export interface SessionConfirm {
  partyId: string;
  at: number;
  weekly?: boolean;
}

/**
 * session:confirm:<partyId>:<at><o|w|k> — Confirm under `/party schedule`'s echo (once or weekly)
 * or under a poll's winner (k: keep the scheduled session's repeat): the session is saved only by
 * this click. The time and the repeat share one field to fit in 100 characters.
 */
export const sessionConfirmButton = reshape(
  component("session:confirm", { partyId: documentId, when: pattern(/^[1-9][0-9]{0,14}[owk]$/, 16, "1796412600000w") }),
  ({ partyId, when }): SessionConfirm => {
    const at = Number(when.slice(0, -1));
    return when.endsWith("k") ? { partyId, at } : { partyId, at, weekly: when.endsWith("w") };
  },
  (args: SessionConfirm) => ({
    partyId: args.partyId,
    when: `${timestamp.encode(args.at)}${args.weekly === undefined ? "k" : args.weekly ? "w" : "o"}`,
  }),
);

/** remind:mark:<tmdbId>:<season>:<episode> — "Mark watched" in a reminder or new-episode DM. */
export const reminderMarkButton = component("remind:mark", { tmdbId, season: int(MAX_SEASON), episode: int(MAX_EPISODE_NUMBER, 1) });

/** remind:snooze:<tmdbId> — "Snooze a week". */
export const reminderSnoozeButton = component("remind:snooze", { tmdbId });

/** remind:stop:<tmdbId> — "Stop for this show". */
export const reminderStopButton = component("remind:stop", { tmdbId });

/** remind:settings — "Settings": the person's reminder settings. */
export const reminderSettingsButton = component("remind:settings", {});

/** account:export — "Export my data" on /account: a JSON file of everything stored. */
export const accountExportButton = component("account:export", {});

/** account:export-as — "Letterboxd CSV" / "Trakt JSON" on /account: the library in another tracker's format. */
export const accountExportAsButton = component("account:export-as", { format: oneOf(["letterboxd", "trakt"]) });

/** account:delete — "Delete my Discord data…" on /account: asks to confirm. */
export const accountDeleteButton = component("account:delete", {});

/** account:delete-yes — the confirmation that deletes it. */
export const accountDeleteConfirmButton = component("account:delete-yes", {});

/** account:delete-no — "Keep my data" on the confirmation: back to /account, nothing deleted. */
export const accountDeleteCancelButton = component("account:delete-no", {});

/** unlink:yes — "Unlink" on /unlink's confirmation. */
export const unlinkConfirmButton = component("unlink:yes", {});

/** unlink:no — "Keep it linked" on /unlink's confirmation. */
export const unlinkCancelButton = component("unlink:no", {});

/** account:resume — "Resume" for a merge that stopped after failures. */
export const accountResumeButton = component("account:resume", {});

// ---------------------------------------------------------------- the server's list (issue 21)

/** A position in the server's list: how it is sorted, the page, and where the page starts. */
export interface ServerListPosition {
  sort: "added" | "votes" | "random";
  page: number;
  start?: number;
  key?: number;
  seq?: number;
}

const listKey = optional(int(2 ** 31));

/** list:page:<sort>:<page>:<start|->:<key|->:<seq|-> — a page of /list show; the keyset cursor survives restarts. */
export const serverListPageButton = reshape(
  component("list:page", {
    sort: oneOf(["added", "votes", "random"]),
    page: int(500, 1),
    start: listKey,
    key: listKey,
    seq: listKey,
  }),
  (p): ServerListPosition => ({
    sort: p.sort,
    page: p.page,
    ...(p.start !== undefined ? { start: p.start } : {}),
    ...(p.key !== undefined ? { key: p.key } : {}),
    ...(p.seq !== undefined ? { seq: p.seq } : {}),
  }),
  (p: ServerListPosition) => ({ sort: p.sort, page: p.page, start: p.start, key: p.key, seq: p.seq }),
);

/** list:draw:<userId>:<u|a>:<entryId> — Draw again under /list pick (for whoever drew; not the title just shown). */
export const serverListDrawButton = component("list:draw", { userId: snowflake, unseen: flag("u", "a"), previous: documentId });

/** list:schedule:<userId>:<title> — Schedule it under a drawn title or a poll's winner (for whoever drew it or started the poll). */
export const serverListScheduleButton = component("list:schedule", { userId: snowflake, title: titleChoice });

/** list:suggest:<type>:<tmdbId> — Suggest for movie night on a title card (in a server). */
export const serverListSuggestButton = component("list:suggest", { mediaType, tmdbId });

/** list:add:<title|-> — "Did you mean …?" confirmed for /list add typed by name. */
export const serverListAddPickButton = component("list:add", { choice: fromMenu(titleChoice) });

// ---------------------------------------------------------------- what's on next (issue 23)

/** upcoming:page:<days>:<page> — a page of /upcoming episodes (the listing is read again). */
export const upcomingPageButton = component("upcoming:page", { days: int(60, 1), page: int(100, 1) });

/** upcoming:reset — "Reset link" under /upcoming feed: asks to confirm. */
export const upcomingResetButton = component("upcoming:reset", {});

/** upcoming:reset-yes — the confirmation: a new calendar URL, the old one answers 404 from then on. */
export const upcomingResetConfirmButton = component("upcoming:reset-yes", {});

/** upcoming:reset-no — "Keep it" on that confirmation: nothing changes. */
export const upcomingResetCancelButton = component("upcoming:reset-no", {});
/** stats:post:<year> — Share: post your year in review card in the channel. */
export const statsYearShareButton = component("stats:post", { year: int(2100, 2000) });
// ---------------------------------------------------------------- imports (issue 22)

const importRun = documentId;
const importPage = int(10_000);

/** account:import — "Import my history" on /account: how to use /import. */
export const accountImportButton = component("account:import", {});

/** import:go:<run> — Import on the preview: applies it. */
export const importGoButton = component("import:go", { run: importRun });

/** import:cancel:<run> — Cancel on the preview: nothing is written. */
export const importCancelButton = component("import:cancel", { run: importRun });

/** import:pick:<run>:<index>:<page>, value = a TMDB id or "skip" — an ambiguous title's menu. */
export const importPickSelect = select("import:pick", { run: importRun, index: int(1_000_000), page: importPage }, or(tmdbId, "skip"));

/** import:page:<run>:<page> — another page of the preview's ambiguous titles. */
export const importPageButton = component("import:page", { run: importRun, page: importPage });

/** import:unmatched:<run> — the titles nothing matched, as a CSV file. */
export const importUnmatchedButton = component("import:unmatched", { run: importRun });

/** import:undo:<run> — Undo on a finished import (for 24 hours). */
export const importUndoButton = component("import:undo", { run: importRun });

// ---------------------------------------------------------------- decoding

/** Every codec: the one table the dispatcher reads. */
export const componentCodecs = [
  markEpisodeButton,
  episodePickButton,
  partyPickButton,
  markPickButton,
  specialsButton,
  undoButton,
  statusButton,
  addButton,
  removeButton,
  reactionSelect,
  shareButton,
  titlePickButton,
  listPageButton,
  partyJoinButton,
  partyWatchedButton,
  partyThereButton,
  partyReactButton,
  partyHostButton,
  partyRemoveButton,
  partyKeepButton,
  sessionRsvpButton,
  sessionConfirmButton,
  reminderMarkButton,
  reminderSnoozeButton,
  reminderStopButton,
  reminderSettingsButton,
  accountExportButton,
  accountExportAsButton,
  accountDeleteButton,
  accountDeleteConfirmButton,
  accountDeleteCancelButton,
  accountResumeButton,
  unlinkConfirmButton,
  unlinkCancelButton,
  serverListPageButton,
  serverListDrawButton,
  serverListScheduleButton,
  serverListSuggestButton,
  serverListAddPickButton,
  upcomingPageButton,
  upcomingResetButton,
  upcomingResetConfirmButton,
  upcomingResetCancelButton,
  statsYearShareButton,
  accountImportButton,
  importGoButton,
  importCancelButton,
  importPickSelect,
  importPageButton,
  importUnmatchedButton,
  importUndoButton,
] as const;

type AnyCodec = (typeof componentCodecs)[number];
export type ComponentName = AnyCodec["name"];
export type ComponentArgs<N extends ComponentName> = Extract<AnyCodec, { name: N }> extends ComponentCodec<N, infer A, any> ? A : never;
/** A decoded id: which component, and its typed arguments. */
export type DecodedComponent = { [N in ComponentName]: { name: N; args: ComponentArgs<N> } }[ComponentName];

const byName = new Map<string, ComponentCodec<string, unknown, never>>(
  componentCodecs.map((codec) => [codec.name, codec as ComponentCodec<string, unknown, never>]),
);

/**
 * Reads any custom id a person's client sent (and a select's chosen values).
 * Returns the component and its typed arguments, or throws
 * StaleComponentError — never anything else, whatever the input.
 */
export function decodeComponentId(customId: string, values: readonly string[] = []): DecodedComponent {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) throw new StaleComponentError();
  const parts = customId.split(":");
  const codec = parts.length >= 2 ? byName.get(`${parts[0]}:${parts[1]}`) : undefined;
  if (codec === undefined) throw new StaleComponentError();
  const chosen = Array.isArray(values) && values.length <= LIMITS.selectOptions && values.every((v) => typeof v === "string") ? values : [];
  return { name: codec.name, args: codec.decode(parts.slice(2), chosen) } as DecodedComponent;
}
