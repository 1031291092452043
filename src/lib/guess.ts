import { ButtonStyle, ComponentType, type StringSelectMenuInteraction, type ButtonInteraction } from "discord.js";
import { staleComponent } from "./errors.ts";
import type { Reply } from "./respond.ts";
import { label, LIMITS, plain } from "./text.ts";
import type { Lookup } from "./titles.ts";
import type { MediaType, SearchResult } from "./tmdb.ts";

/** A title a guess button or menu option carries: "t1396" (TV) or "m27205" (movie). */
export interface TitleChoice {
  mediaType: MediaType;
  tmdbId: number;
}

export function encodeTitleChoice(choice: TitleChoice): string {
  return `${choice.mediaType === "tv" ? "t" : "m"}${choice.tmdbId}`;
}

export function decodeTitleChoice(value: string | undefined): TitleChoice {
  const match = value === undefined ? null : /^([tm])(\d{1,10})$/.exec(value);
  const tmdbId = match ? Number(match[2]) : 0;
  if (match === null || tmdbId < 1 || tmdbId > 2_147_483_647) throw staleComponent();
  return { mediaType: match[1] === "t" ? "tv" : "movie", tmdbId };
}

/** The custom id argument standing for "whatever was picked in the menu". */
export const PICKED_IN_MENU = "-";

/** The title a guess button carries, or the one chosen in its menu. */
export function pickedTitle(interaction: ButtonInteraction | StringSelectMenuInteraction, arg: string | undefined): TitleChoice {
  return decodeTitleChoice(arg === PICKED_IN_MENU && interaction.isStringSelectMenu() ? interaction.values[0] : arg);
}

/** "Breaking Bad (2008 · TV)" as plain words, for a menu option. */
function describe(result: SearchResult): string {
  return `${result.title} (${result.year !== undefined ? `${result.year} · ` : ""}${result.mediaType === "tv" ? "TV" : "Movie"})`;
}

/**
 * Asks before acting on a typed title that was not an exact match: "Did you mean **X** (2008 · TV)?",
 * a button that performs the original action on X, and a menu of the other top matches that does
 * the same with the one picked. Nothing is written until one of them is used.
 */
export function guessPrompt(guess: Extract<Lookup, { kind: "guess" }>, action: { confirm: string; customId: (choice: string) => string }): Reply {
  const { best } = guess;
  const year = best.year !== undefined ? `${best.year} · ` : "";
  const components: NonNullable<Reply["components"]> = [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: label(action.confirm, LIMITS.buttonLabel), custom_id: action.customId(encodeTitleChoice(best)) },
      ],
    },
  ];
  if (guess.others.length > 0) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: action.customId(PICKED_IN_MENU),
          placeholder: "Or one of these…",
          options: guess.others.slice(0, 24).map((result) => ({ label: label(describe(result), 100), value: encodeTitleChoice(result) })),
        },
      ],
    });
  }
  return {
    content: `Did you mean **${plain(best.title, 150)}** (${year}${best.mediaType === "tv" ? "TV" : "Movie"})? Nothing has changed yet.`,
    embeds: [],
    components,
    ephemeral: true,
  };
}
