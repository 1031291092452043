// /party membership: the parties of a channel (listing, autocomplete), joining one, and the
// "we watched" prompt posted for everyone there.
import type { AnyInteraction as Interaction, AutocompleteInteraction } from "../core/interaction.ts";
import { api } from "../../convex/_generated/api.js";
import type { Responder } from "../core/respond.ts";
import { plain } from "../views/text.ts";
import { movieReactionButtons, movieWatchedPrompt, watchedTogetherPrompt } from "../views/party-board.ts";
import { displayName, place as partyPlace } from "./party-place.ts";
import { type BotContext } from "./types.ts";

export const withNotices = (notices: readonly string[], text: string) => [...notices, text].join("\n\n");

export async function listParties(ctx: BotContext, interaction: Interaction) {
  return await ctx.backend.query(api.bot.parties.list, { discordUserId: interaction.user.id, ...partyPlace(interaction, ctx.directory) });
}

export async function suggestParties(ctx: BotContext, interaction: AutocompleteInteraction, partial: string) {
  if (!interaction.inGuild()) return [];
  const parties = await listParties(ctx, interaction);
  const typed = partial.trim().toLowerCase();
  return parties
    .filter((p) => typed === "" || p.label.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((p) => {
      const where = ctx.directory?.channelName(interaction.guildId, p.channelId);
      return { name: `${p.label}${where ? ` · #${where}` : ""}`.slice(0, 100), value: p.partyId };
    });
}

/** "We watched …" in the channel, for everyone there to confirm for themselves. */
export async function postPrompt(
  respond: Responder,
  prompt: {
    promptId: string;
    movie: boolean;
    party: { title: string };
    what: string;
    expiresAt: number;
    markedForYou: number;
    notices: string[];
  },
  fresh: boolean,
) {
  const view = prompt.movie
    ? movieWatchedPrompt({ promptId: prompt.promptId, title: prompt.party.title, expiresAt: prompt.expiresAt })
    : watchedTogetherPrompt({
        promptId: prompt.promptId,
        showTitle: prompt.party.title,
        what: prompt.what,
        expiresAt: prompt.expiresAt,
      });
  const reply = { ...view, ephemeral: false };
  // From a button, a new message: the board it sits on belongs to Convex's publisher.
  if (fresh) await respond.sendNew(reply);
  else await respond.send(reply);
  if (prompt.movie) {
    // The host pressed We watched it: they were there, so the film is marked for them, and they can react.
    const title = `**${plain(prompt.party.title, 150)}**`;
    const mine = prompt.markedForYou > 0 ? `✅ Marked ${title} finished for you.` : `You already had ${title} as finished.`;
    await respond.sendNew({
      content: [`${mine} How was it?`, ...prompt.notices].join("\n\n"),
      components: movieReactionButtons(prompt.promptId),
      ephemeral: true,
    });
    return;
  }
  // The asker was there: their own episodes were marked with the prompt.
  const mine = prompt.markedForYou > 0 ? `✅ Marked ${prompt.what} for you too.` : `You had already marked ${prompt.what}.`;
  await respond.sendNew({ content: [mine, ...prompt.notices].join("\n\n"), ephemeral: true });
}

export async function join(ctx: BotContext, respond: Responder, interaction: Interaction, party: string | undefined) {
  const result = await ctx.backend.mutation(api.bot.parties.join, {
    discordUserId: interaction.user.id,
    username: interaction.user.username,
    ...partyPlace(interaction, ctx.directory),
    ...(party !== undefined ? { party } : {}),
    displayName: displayName(interaction),
  });
  const hosting = result.party.hostDiscordUserId === interaction.user.id;
  const text = result.already
    ? `You're already in **${plain(result.party.label, 150)}**${hosting ? " — you host it" : ""}.`
    : `🎉 You joined **${plain(result.party.label, 150)}** in <#${result.party.channelId}>.${result.host ? " Nobody else is in it, so you host it now." : ""} ${result.party.movie ? " The board has the night: say Going on the session's post, and press I was there after the film." : " The board shows how far you've got — mark episodes with /ep as you watch."}`;
  await respond.sendNew({ content: withNotices(result.notices, text), ephemeral: true });
}

export function partyArg(party: string | undefined): { party?: string } {
  return party === undefined ? {} : { party };
}
