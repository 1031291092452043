import { listPageButton, MAX_LIST_PAGE, type ListPosition, type ListScope } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { plain, truncate } from "./text.ts";
import { BRAND, reactionLabel, statusLabel, type ProgressStatus, type Reaction } from "./vocabulary.ts";

/** Titles per list page: ten rows stay well inside one embed description. */
export const LIST_PAGE_SIZE = 10;

/** One row of someone's list. */
export interface ListRow {
  tmdbId: number;
  mediaType: string;
  title?: string;
  inWatchlist?: boolean;
  progressStatus?: ProgressStatus;
  progress?: number;
  reaction?: Reaction;
}

function rowLine(item: ListRow, n: number, scope: ListScope): string {
  const name = plain(item.title ?? `TMDB ${item.mediaType}/${item.tmdbId}`, 80);
  const bits = [
    item.mediaType === "tv" ? "TV" : "Movie",
    item.progressStatus ? statusLabel(item.progressStatus) : null,
    item.progressStatus === "watching" && item.progress !== undefined ? `${Math.round(item.progress)}%` : null,
    item.reaction ? reactionLabel(item.reaction) : null,
    scope === "all" && item.inWatchlist ? "📌 on watchlist" : null,
  ].filter(Boolean);
  return `\`${String(n).padStart(2)}.\` **${name}** — ${bits.join(" · ")}`;
}

/** "Your watchlist", "Ann's watchlist", "Everything Ann tracks" (the name made inert). */
function listTitle(ownerName: string | null, own: boolean, scope: ListScope): string {
  if (own) return scope === "watchlist" ? "Your watchlist" : "Everything you track";
  const owner = ownerName === null ? null : plain(ownerName, 80);
  if (scope === "watchlist") return owner ? `${owner}'s watchlist` : "Their watchlist";
  return owner ? `Everything ${owner} tracks` : "Everything they track";
}

/** "▶️ Watching, TV" */
export function filterLabel(position: Pick<ListPosition, "status" | "mediaType">): string {
  return [
    position.status ? statusLabel(position.status) : null,
    position.mediaType === "tv" ? "TV" : position.mediaType === "movie" ? "Movies" : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * One page of someone's list, newest first, with First and Next buttons that
 * carry the owner, the filters and the keyset cursor (so they work after a restart).
 */
export function listPage(args: {
  position: ListPosition;
  ownerName: string | null;
  /** Whether the person looking is the list's owner. */
  own: boolean;
  items: ListRow[];
  /** Where the page after this one starts, if there is one. */
  next: { before: number; creation: number } | null;
}): MessageView {
  const { position, items } = args;
  const lines = items.map((item, i) => rowLine(item, (position.page - 1) * LIST_PAGE_SIZE + i + 1, position.scope));
  const filters = filterLabel(position);
  const empty =
    position.page > 1
      ? "No more titles."
      : filters
        ? `No titles match ${filters}.`
        : position.scope === "watchlist"
          ? "Your watchlist is empty — add something with `/watch add`. Titles you track without adding them are under `/watch list scope:all`."
          : "Nothing here yet — add something with `/watch add`, or mark an episode with `/ep`.";
  const { cursor: _, ...start } = position;
  return message({
    embeds: [
      {
        title: truncate(`${listTitle(args.ownerName, args.own, position.scope)}${filters ? ` · ${filters}` : ""}`, LIMITS.embedTitle),
        description: truncate(lines.length > 0 ? lines.join("\n") : empty, LIMITS.embedDescription),
        color: BRAND,
        footer: { text: `Page ${position.page} · newest first` },
      },
    ],
    components: rows(
      position.page > 1 ? button({ customId: listPageButton.encode({ ...start, page: 1 }), label: "« First" }) : null,
      args.next && position.page < MAX_LIST_PAGE
        ? button({
            customId: listPageButton.encode({ ...start, page: position.page + 1, cursor: args.next }),
            label: "Next ›",
            style: ButtonStyle.Primary,
          })
        : null,
    ),
  });
}
