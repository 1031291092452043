import { ApplicationCommandOptionType as Option, ApplicationCommandType } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { convexErrorData } from "../lib/backend.ts";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import { isCityZone, resolveTimeZone } from "../lib/time-zones.ts";
import type { Responder } from "../core/respond.ts";
import { reminderDm } from "../views/reminder.ts";
import { plain } from "../views/text.ts";
import { showById, suggestShows } from "./ep.ts";
import { command, type BotContext, type ComponentInteraction } from "./types.ts";

/** Every IANA zone this runtime knows, for autocomplete (UTC first). */
const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export function suggestTimeZones(partial: string): { name: string; value: string }[] {
  const typed = partial.trim().toLowerCase().replace(/\s+/g, "_");
  const hits = typed === "" ? TIME_ZONES : TIME_ZONES.filter((z) => z.toLowerCase().includes(typed));
  return hits.slice(0, 25).map((z) => ({ name: z, value: z }));
}

/**
 * After Snooze or Stop on a reminder DM: the DM is redrawn without that show (its other shows as
 * they are now), headed by what was done; on any other message, a private answer.
 */
async function answerInDm(respond: Responder, done: string, result: { notice: string | null; dmShows?: DmShows }) {
  if (result.dmShows === undefined) {
    await respond.sendNew({ content: [...(result.notice ? [result.notice] : []), done].join("\n\n"), ephemeral: true });
    return;
  }
  await redrawDm(respond, done, result.dmShows, "That was the last show this reminder was about.", result.notice);
}

type DmShows = Parameters<typeof reminderDm>[0]["shows"];

/** A reminder DM after one of its buttons: what was done on top, then its shows as they are now (or `whenNone`). */
async function redrawDm(respond: Responder, done: string, shows: DmShows, whenNone: string, notice: string | null) {
  if (shows.length > 0) {
    const view = reminderDm({ shows, first: false });
    await respond.send({ ...view, content: `${done}\n${view.content ?? ""}` });
  } else {
    await respond.send({ content: `${done} ${whenNone}`, embeds: [], components: [] });
  }
  await withNotice(respond, notice);
}

/** The zone typed, as a region/city name, or a clear refusal (nothing is saved). */
function cityZone(typed: string): string {
  const zone = resolveTimeZone(typed);
  if (isCityZone(zone)) return zone;
  throw new UserError(
    `I don't know the time zone "${plain(typed.trim(), 64)}" — pick one from the list as you type, by city (e.g. Europe/Berlin); abbreviations like EST ignore daylight saving.`,
  );
}

interface Settings {
  enabled: boolean;
  days: number;
  quiet: string;
  timeZone: string;
  notice: string | null;
}

/** Quiet hours in the zone they are read in; with none, the zone only when one was chosen. */
function quietLine(s: Settings): string {
  if (s.quiet === "none") return `• Quiet hours: **none**${s.timeZone === "UTC" ? "" : ` (your time zone: ${plain(s.timeZone, 64)})`}.`;
  return `• Quiet hours: **${s.quiet}** (${plain(s.timeZone, 64)}).`;
}

/** `lead` says what changed; `onOff` when it already says whether reminders are on. */
function settingsText(s: Settings, lead?: { text: string; onOff?: true }): string {
  const lines = [
    ...(s.notice ? [s.notice] : []),
    ...(lead ? [lead.text] : []),
    ...(lead?.onOff ? [] : [`**Reminders** are ${s.enabled ? "on" : "off"}.`]),
    `• A show counts as stalled after **${s.days} day${s.days === 1 ? "" : "s"}** without a mark.`,
    quietLine(s),
    "Change them with `/remind settings days:7 quiet:22:00-08:00 timezone:Europe/Berlin`; `/remind off` stops them all, `/remind show` stops one show.",
  ];
  return lines.join("\n");
}

async function withNotice(respond: Responder, notice: string | null) {
  if (notice !== null) await respond.sendNew({ content: notice, ephemeral: true });
}

/**
 * /remind show on one show. Given an id (what autocomplete gives), Convex names the show from
 * what it stores; when it stores nothing of it, TMDB is asked — which turns a movie's id into
 * the advice /ep gives — and the write goes again with the show's title.
 */
async function setShow(ctx: BotContext, actor: ReturnType<typeof actorOf>, value: string, enabled: boolean) {
  const byId = showById(ctx, value);
  if (byId !== null) {
    try {
      return await ctx.backend.mutation(api.bot.reminders.setShow, { ...actor, tmdbId: byId.tmdbId, enabled, titleFromStore: true });
    } catch (error) {
      if (convexErrorData(error)?.code !== "TITLE_NOT_STORED") throw error;
    }
  }
  const found = await ctx.titles.lookupShow(value);
  if (found.kind === "guess") {
    throw new UserError(
      `Did you mean **${plain(found.best.title, 100)}**? Pick the show from the list as you type (or use its TMDB id, ${found.best.tmdbId}).`,
    );
  }
  return await ctx.backend.mutation(api.bot.reminders.setShow, { ...actor, tmdbId: found.title.tmdbId, enabled, title: found.title.title });
}

const actorOf = (interaction: { user: { id: string; username: string } }) => ({
  discordUserId: interaction.user.id,
  username: interaction.user.username,
});

/**
 * /remind: DM reminders for stalled shows and new episodes (README "Reminders"). The DMs
 * themselves are sent by Convex (convex/reminders/); this command and the DM's buttons only
 * change what is sent.
 */
export const remind = command({
  data: defineCommand({
    type: ApplicationCommandType.ChatInput,
    name: "remind",
    description: "DM reminders for shows you've stalled on, and new episodes of shows you're caught up on",
    options: [
      { type: Option.Subcommand, name: "on", description: "Turn reminders on" },
      { type: Option.Subcommand, name: "off", description: "Turn all reminders off" },
      {
        type: Option.Subcommand,
        name: "settings",
        description: "How long before a show counts as stalled, quiet hours and your time zone",
        options: [
          {
            type: Option.Integer,
            name: "days",
            description: "Days without a mark before I remind you (1-60, default 7)",
            required: false,
            min_value: 1,
            max_value: 60,
          },
          {
            type: Option.String,
            name: "quiet",
            description: 'No DMs in these hours, e.g. "22:00-08:00" (or "off")',
            required: false,
            max_length: 20,
          },
          {
            type: Option.String,
            name: "timezone",
            description: "Your time zone, e.g. Europe/Berlin",
            required: false,
            autocomplete: true,
            max_length: 64,
          },
        ],
      },
      {
        type: Option.Subcommand,
        name: "show",
        description: "Turn reminders for one show on or off",
        options: [
          {
            type: Option.String,
            name: "title",
            description: "The show: start typing its name, or a TMDB id like 1399",
            required: true,
            autocomplete: true,
            max_length: 200,
          },
          { type: Option.Boolean, name: "enabled", description: "Remind me about it (true) or not (false)", required: true },
        ],
      },
    ],
  }),
  ephemeral: true,
  async execute(interaction, respond, ctx, args) {
    const actor = actorOf(interaction);
    switch (args.subcommand) {
      case "on":
      case "off": {
        const enabled = args.subcommand === "on";
        const s = await ctx.backend.mutation(api.bot.reminders.setEnabled, { ...actor, enabled });
        const text = s.changed
          ? enabled
            ? "🔔 Reminders are on."
            : "🔕 Reminders are off: I won't DM you about your shows."
          : `Reminders were already ${enabled ? "on" : "off"} — nothing changed.`;
        await respond.send({ content: settingsText(s, { text, onOff: true }) });
        return;
      }
      case "settings": {
        const { days, quiet, timezone } = args.options;
        const s = await ctx.backend.mutation(api.bot.reminders.updateSettings, {
          ...actor,
          ...(days !== undefined ? { days } : {}),
          ...(quiet !== undefined ? { quiet } : {}),
          ...(timezone !== undefined ? { timeZone: cityZone(timezone) } : {}),
        });
        const changed = days !== undefined || quiet !== undefined || timezone !== undefined;
        await respond.send({ content: settingsText(s, changed ? { text: "✅ Saved." } : undefined) });
        return;
      }
      case "show": {
        const result = await setShow(ctx, actor, args.options.title, args.options.enabled);
        const text = result.enabled
          ? `🔔 I'll remind you about **${plain(result.title, 150)}** again.`
          : `🔕 No more reminders or new-episode alerts for **${plain(result.title, 150)}**.`;
        await respond.send({ content: [...(result.notice ? [result.notice] : []), text].join("\n\n") });
        return;
      }
    }
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.focused;
    if (focused.name === "timezone") return suggestTimeZones(String(focused.value));
    if (focused.name === "title") return await suggestShows(ctx, interaction.user.id, String(focused.value));
    return [];
  },
  components: {
    /** "Mark watched" in a reminder or new-episode DM: marks it and edits the DM to what's next. */
    async "remind:mark"(interaction: ComponentInteraction, respond, ctx, { tmdbId, season, episode }) {
      const result = await ctx.backend.mutation(api.bot.reminders.markFromDm, {
        ...actorOf(interaction),
        tmdbId,
        season,
        episode,
        messageId: interaction.message.id,
      });
      const done = result.changed
        ? `✅ Marked ${result.code} of **${plain(result.title, 150)}**.`
        : `${result.code} of **${plain(result.title, 150)}** was already marked.`;
      await redrawDm(respond, done, result.shows, "You're caught up on everything this reminder was about.", result.notice);
    },
    async "remind:snooze"(interaction: ComponentInteraction, respond, ctx, { tmdbId }) {
      const result = await ctx.backend.mutation(api.bot.reminders.snooze, {
        ...actorOf(interaction),
        tmdbId,
        messageId: interaction.message.id,
      });
      const until = Math.floor(result.until / 1000);
      await answerInDm(respond, `😴 I'll leave **${plain(result.title, 150)}** alone until <t:${until}:f>.`, result);
    },
    async "remind:stop"(interaction: ComponentInteraction, respond, ctx, { tmdbId }) {
      const result = await ctx.backend.mutation(api.bot.reminders.setShow, {
        ...actorOf(interaction),
        tmdbId,
        enabled: false,
        messageId: interaction.message.id,
      });
      await answerInDm(
        respond,
        `🔕 No more reminders or new-episode alerts for **${plain(result.title, 150)}**. \`/remind show\` turns them back on.`,
        result,
      );
    },
    async "remind:settings"(interaction: ComponentInteraction, respond, ctx) {
      const s = await ctx.backend.mutation(api.bot.reminders.settings, actorOf(interaction));
      await respond.sendNew({ content: settingsText(s), ephemeral: true });
    },
  },
});
