import { english, type Translator } from "../i18n/index.ts";
import { titleChoice, type TitleChoice } from "./component-ids.ts";
import { button, ButtonStyle, rows, stringSelect } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { plain } from "./text.ts";
import type { MediaType } from "./vocabulary.ts";

/** A search result offered in a guess. */
export interface TitleMatch {
  tmdbId: number;
  mediaType: MediaType;
  title: string;
  year?: number;
}

/** "Breaking Bad (2008 · TV)" as plain words, for a menu option. */
function describe(match: TitleMatch, t: Translator): string {
  return `${match.title} (${match.year !== undefined ? `${match.year} · ` : ""}${t(match.mediaType === "tv" ? "media.tv" : "media.movie")})`;
}

/**
 * Asks before acting on a typed title that was not an exact match: "Did you
 * mean **X** (2008 · TV)?", a button that performs the original action on X,
 * and a menu of the other top matches that does the same with the one picked.
 * Nothing is written until one of them is used. `customId` writes the id for a
 * choice, or for "whatever is picked in the menu" (undefined).
 */
export function guessPrompt(args: {
  best: TitleMatch;
  others: TitleMatch[];
  confirm: string;
  customId: (choice: TitleChoice | undefined) => string;
  /** The asker's language. */
  t?: Translator;
}): MessageView {
  const { best, others } = args;
  const t = args.t ?? english;
  const choice = (m: TitleMatch): TitleChoice => ({ mediaType: m.mediaType, tmdbId: m.tmdbId });
  return message({
    content: t("guess.question", {
      title: plain(best.title, 150),
      year: best.year === undefined ? "none" : String(best.year),
      mediaType: best.mediaType,
    }),
    embeds: [],
    components: [
      ...rows(button({ customId: args.customId(choice(best)), label: args.confirm, style: ButtonStyle.Primary })),
      ...(others.length > 0
        ? rows(
            stringSelect({
              customId: args.customId(undefined),
              placeholder: t("guess.others"),
              options: others.slice(0, 24).map((m) => ({ label: describe(m, t), value: titleChoice.encode(choice(m)) })),
            }),
          )
        : []),
    ],
  });
}
