import { listPageButton } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { plain, truncate } from "./text.ts";
import { BRAND, reactionLabel, statusLabel, type MediaType, type ProgressStatus, type Reaction } from "./vocabulary.ts";

/** Titles per list page: ten rows stay well inside one embed description. */
export const LIST_PAGE_SIZE = 10;

/** One row of someone's list. */
export interface ListRow {
  tmdbId: number;
  mediaType: string;
  title?: string;
  progressStatus?: ProgressStatus;
  progress?: number;
  reaction?: Reaction;
}

/** Where the next page starts (Convex's keyset cursor). */
export interface ListCursor {
  before: number;
  creation: number;
}

export interface ListFilter {
  status?: ProgressStatus;
  mediaType?: MediaType;
}

function rowLine(item: ListRow, n: number): string {
  const name = plain(item.title ?? `TMDB ${item.mediaType}/${item.tmdbId}`, 80);
  const bits = [
    item.mediaType === "tv" ? "TV" : "Movie",
    item.progressStatus ? statusLabel(item.progressStatus) : null,
    item.progressStatus === "watching" && item.progress !== undefined ? `${Math.round(item.progress)}%` : null,
    item.reaction ? reactionLabel(item.reaction) : null,
  ].filter(Boolean);
  return `\`${String(n).padStart(2)}.\` **${name}** — ${bits.join(" · ")}`;
}

/** "▶️ Watching, TV" */
export function filterLabel(filter: ListFilter): string {
  return [filter.status ? statusLabel(filter.status) : null, filter.mediaType === "tv" ? "TV" : filter.mediaType === "movie" ? "Movies" : null]
    .filter(Boolean)
    .join(", ");
}

/**
 * One page of someone's list, newest first, with First and Next buttons that
 * carry the owner, the filter and the keyset cursor (so they work after a restart).
 */
export function listPage(args: {
  owner: { discordUserId: string; name: string | null; isViewer: boolean };
  items: ListRow[];
  page: number;
  filter: ListFilter;
  next: ListCursor | null;
}): MessageView {
  const { owner, items, page, filter } = args;
  const lines = items.map((item, i) => rowLine(item, (page - 1) * LIST_PAGE_SIZE + i + 1));
  const filters = filterLabel(filter);
  const whose = owner.isViewer ? "Your titles" : owner.name ? `${plain(owner.name, 80)}'s titles` : "Their titles";
  const empty = page > 1 ? "No more titles." : owner.isViewer ? "Nothing here yet — add something with `/watch add`." : "They haven't tracked anything yet.";
  const ids = { owner: owner.discordUserId, status: filter.status, mediaType: filter.mediaType };
  return message({
    embeds: [
      {
        title: truncate(`${whose}${filters ? ` · ${filters}` : ""}`, LIMITS.embedTitle),
        description: truncate(lines.length > 0 ? lines.join("\n") : empty, LIMITS.embedDescription),
        color: BRAND,
        footer: { text: `Page ${page} · newest first` },
      },
    ],
    components: rows(
      page > 1 ? button({ customId: listPageButton.encode({ ...ids, before: 0, creation: 0, page: 1 }), label: "« First" }) : null,
      args.next
        ? button({ customId: listPageButton.encode({ ...ids, before: args.next.before, creation: args.next.creation, page: page + 1 }), label: "Next ›", style: ButtonStyle.Primary })
        : null,
    ),
  });
}
