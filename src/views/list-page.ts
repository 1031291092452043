import { listPageButton, MAX_LIST_PAGE, type ListPosition, type ListScope } from "./component-ids.ts";
import { button, ButtonStyle, rows } from "./components.ts";
import { LIMITS } from "./limits.ts";
import { message, type MessageView } from "./message.ts";
import { plain, truncate } from "./text.ts";
import { english, type Translator } from "../i18n/index.ts";
import { translatedReaction, translatedStatus } from "./title-card.ts";
import { BRAND, type ProgressStatus, type Reaction } from "./vocabulary.ts";

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

function rowLine(item: ListRow, n: number, scope: ListScope, t: Translator): string {
  const name = plain(item.title ?? `TMDB ${item.mediaType}/${item.tmdbId}`, 80);
  const bits = [
    t(item.mediaType === "tv" ? "media.tv" : "media.movie"),
    item.progressStatus ? translatedStatus(item.progressStatus, t) : null,
    item.progressStatus === "watching" && item.progress !== undefined ? t.number(item.progress / 100, { style: "percent" }) : null,
    item.reaction ? translatedReaction(item.reaction, t) : null,
    scope === "all" && item.inWatchlist ? t("watch.list.onWatchlist") : null,
  ].filter(Boolean);
  return `\`${String(n).padStart(2)}.\` **${name}** — ${bits.join(" · ")}`;
}

/** "Your watchlist", "Ann's watchlist", "Everything Ann tracks" (the name made inert). */
function listTitle(ownerName: string | null, own: boolean, scope: ListScope, t: Translator): string {
  if (own) return t(scope === "watchlist" ? "watch.list.yours" : "watch.list.yoursAll");
  const owner = ownerName === null ? null : plain(ownerName, 80);
  if (scope === "watchlist") return owner ? t("watch.list.theirs", { owner }) : t("watch.list.theirsUnnamed");
  return owner ? t("watch.list.theirsAll", { owner }) : t("watch.list.theirsAllUnnamed");
}

/** "▶️ Watching, TV" */
export function filterLabel(position: Pick<ListPosition, "status" | "mediaType">, t: Translator = english): string {
  return [
    position.status ? translatedStatus(position.status, t) : null,
    position.mediaType === "tv" ? t("media.tv") : position.mediaType === "movie" ? t("watch.list.movies") : null,
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
  /** The reader's language. */
  t?: Translator;
}): MessageView {
  const { position, items } = args;
  const t = args.t ?? english;
  const lines = items.map((item, i) => rowLine(item, (position.page - 1) * LIST_PAGE_SIZE + i + 1, position.scope, t));
  const filters = filterLabel(position, t);
  const empty =
    position.page > 1
      ? t("watch.list.noMore")
      : filters
        ? t("watch.list.noMatch", { filters })
        : t(position.scope === "watchlist" ? "watch.list.emptyWatchlist" : "watch.list.emptyAll");
  const { cursor: _, ...start } = position;
  return message({
    embeds: [
      {
        title: truncate(`${listTitle(args.ownerName, args.own, position.scope, t)}${filters ? ` · ${filters}` : ""}`, LIMITS.embedTitle),
        description: truncate(lines.length > 0 ? lines.join("\n") : empty, LIMITS.embedDescription),
        color: BRAND,
        footer: { text: t("watch.list.footer", { page: position.page }) },
      },
    ],
    components: rows(
      position.page > 1 ? button({ customId: listPageButton.encode({ ...start, page: 1 }), label: t("watch.list.button.first") }) : null,
      args.next && position.page < MAX_LIST_PAGE
        ? button({
            customId: listPageButton.encode({ ...start, page: position.page + 1, cursor: args.next }),
            label: t("watch.list.button.next"),
            style: ButtonStyle.Primary,
          })
        : null,
    ),
  });
}
