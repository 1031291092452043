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
import type { Translator } from "../i18n/index.ts";
import { command, forPerson, type BotContext, type ComponentInteraction } from "./types.ts";

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
async function answerInDm(respond: Responder, t: Translator, done: string, result: { notice: string | null; dmShows?: DmShows }) {
  if (result.dmShows === undefined) {
    await respond.sendNew({ content: [...(result.notice ? [result.notice] : []), done].join("\n\n"), ephemeral: true });
    return;
  }
  await redrawDm(respond, t, done, result.dmShows, t("reminders.lastShow"), result.notice);
}

type DmShows = Parameters<typeof reminderDm>[0]["shows"];

/** A reminder DM after one of its buttons: what was done on top, then its shows as they are now (or `whenNone`). */
async function redrawDm(respond: Responder, t: Translator, done: string, shows: DmShows, whenNone: string, notice: string | null) {
  if (shows.length > 0) {
    const view = reminderDm({ shows, first: false }, t);
    await respond.send({ ...view, content: `${done}\n${view.content ?? ""}` });
  } else {
    await respond.send({ content: `${done} ${whenNone}`, embeds: [], components: [] });
  }
  await withNotice(respond, notice);
}

/** The zone typed, as a region/city name, or a clear refusal (nothing is saved). */
function cityZone(typed: string, t: Translator): string {
  const zone = resolveTimeZone(typed);
  if (isCityZone(zone)) return zone;
  throw new UserError(t("reminders.badZone", { zone: plain(typed.trim(), 64) }));
}

interface Settings {
  enabled: boolean;
  days: number;
  quiet: string;
  timeZone: string;
  notice: string | null;
}

/** Quiet hours in the zone they are read in; with none, the zone only when one was chosen. */
function quietLine(s: Settings, t: Translator): string {
  const zone = plain(s.timeZone, 64);
  if (s.quiet === "none") return s.timeZone === "UTC" ? t("reminders.quiet.none") : t("reminders.quiet.noneZone", { zone });
  return t("reminders.quiet.hours", { hours: s.quiet, zone });
}

/** `lead` says what changed; `onOff` when it already says whether reminders are on. */
function settingsText(s: Settings, t: Translator, lead?: { text: string; onOff?: true }): string {
  const lines = [
    ...(s.notice ? [s.notice] : []),
    ...(lead ? [lead.text] : []),
    ...(lead?.onOff ? [] : [t("reminders.state", { enabled: String(s.enabled) })]),
    t("reminders.stalledAfter", { days: s.days }),
    quietLine(s, t),
    t("reminders.howToChange"),
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
    throw new UserError(forPerson(ctx)("reminders.didYouMean", { title: plain(found.best.title, 100), tmdbId: String(found.best.tmdbId) }));
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
    const t = forPerson(ctx);
    switch (args.subcommand) {
      case "on":
      case "off": {
        const enabled = args.subcommand === "on";
        const s = await ctx.backend.mutation(api.bot.reminders.setEnabled, { ...actor, enabled });
        const text = s.changed
          ? t(enabled ? "reminders.turnedOn" : "reminders.turnedOff")
          : t("reminders.already", { enabled: String(enabled) });
        await respond.send({ content: settingsText(s, t, { text, onOff: true }) });
        return;
      }
      case "settings": {
        const { days, quiet, timezone } = args.options;
        const s = await ctx.backend.mutation(api.bot.reminders.updateSettings, {
          ...actor,
          ...(days !== undefined ? { days } : {}),
          ...(quiet !== undefined ? { quiet } : {}),
          ...(timezone !== undefined ? { timeZone: cityZone(timezone, t) } : {}),
        });
        const changed = days !== undefined || quiet !== undefined || timezone !== undefined;
        await respond.send({ content: settingsText(s, t, changed ? { text: t("reminders.saved") } : undefined) });
        return;
      }
      case "show": {
        const result = await setShow(ctx, actor, args.options.title, args.options.enabled);
        const title = plain(result.title, 150);
        const text = t(result.enabled ? "reminders.showOn" : "reminders.showOff", { title });
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
      const t = forPerson(ctx);
      const done = t(result.changed ? "reminders.marked" : "reminders.alreadyMarked", {
        code: result.code,
        title: plain(result.title, 150),
      });
      await redrawDm(respond, t, done, result.shows, t("reminders.caughtUp"), result.notice);
    },
    async "remind:snooze"(interaction: ComponentInteraction, respond, ctx, { tmdbId }) {
      const result = await ctx.backend.mutation(api.bot.reminders.snooze, {
        ...actorOf(interaction),
        tmdbId,
        messageId: interaction.message.id,
      });
      const until = Math.floor(result.until / 1000);
      const t = forPerson(ctx);
      await answerInDm(respond, t, t("reminders.snoozed", { title: plain(result.title, 150), until: `<t:${until}:f>` }), result);
    },
    async "remind:stop"(interaction: ComponentInteraction, respond, ctx, { tmdbId }) {
      const result = await ctx.backend.mutation(api.bot.reminders.setShow, {
        ...actorOf(interaction),
        tmdbId,
        enabled: false,
        messageId: interaction.message.id,
      });
      const t = forPerson(ctx);
      await answerInDm(respond, t, t("reminders.stopped", { title: plain(result.title, 150) }), result);
    },
    async "remind:settings"(interaction: ComponentInteraction, respond, ctx) {
      const s = await ctx.backend.mutation(api.bot.reminders.settings, actorOf(interaction));
      await respond.sendNew({ content: settingsText(s, forPerson(ctx)), ephemeral: true });
    },
  },
});
