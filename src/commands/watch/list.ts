/** /watch list: whose list may be seen where, and one page of it. */
import type { CommandInteraction, UserView } from "../../core/interaction.ts";
import { api } from "../../../convex/_generated/api.js";
import { describeError, UserError } from "../../lib/errors.ts";
import type { Responder } from "../../core/respond.ts";
import { type ListPosition } from "../../views/component-ids.ts";
import { LIST_PAGE_SIZE, listPage } from "../../views/list-page.ts";
import { forPerson, type BotContext, type ComponentInteraction } from "../types.ts";

// "watch.list.unavailable" is one answer for a list that is private, empty, or whose owner never used the bot:
// none of them is told apart. "watch.list.onlyInTheirServer": another member's list is seen only in a server they are in.

/**
 * Someone else's list is shown only inside a server its owner is a member of: Discord resolves
 * the user option to a member only then. From a DM, a group DM or another server, never.
 */
export async function checkListVisibleHere(
  ctx: BotContext,
  interaction: CommandInteraction | ComponentInteraction,
  owner: string,
  resolvedMember: boolean | null,
) {
  if (interaction.guildId === null) throw new UserError(forPerson(ctx)("watch.list.onlyInTheirServer"));
  // A page button carries no resolved member: ask Discord whether the owner is (still) here.
  const isMember = resolvedMember ?? (await ctx.directory.isMember(interaction.guildId, owner));
  if (!isMember) throw new UserError(forPerson(ctx)("watch.list.onlyInTheirServer"));
}

export async function replyList(ctx: BotContext, respond: Responder, viewer: UserView, position: ListPosition, ownerName: string | null) {
  const own = position.owner === viewer.id;
  const t = forPerson(ctx);
  let result;
  try {
    result = await ctx.backend.query(api.bot.lists.listTitles, {
      discordUserId: viewer.id,
      ownerDiscordUserId: own ? undefined : position.owner,
      progressStatus: position.status,
      mediaType: position.mediaType,
      scope: position.scope,
      cursor: position.cursor,
      pageSize: LIST_PAGE_SIZE,
    });
  } catch (error) {
    if (!own && describeError(error).code === "LIST_UNAVAILABLE") throw new UserError(t("watch.list.unavailable"), "LIST_UNAVAILABLE");
    throw error;
  }
  if (!own && position.page === 1 && result.items.length === 0) throw new UserError(t("watch.list.unavailable"), "LIST_UNAVAILABLE");
  await respond.send(listPage({ position, ownerName: result.ownerName ?? ownerName, own, items: result.items, next: result.next, t }));
}
