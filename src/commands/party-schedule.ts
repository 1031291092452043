// `/party schedule`: a party's next watch-along in the scheduler's own words and time zone.
// The time is read here (src/lib/when.ts) and echoed with Discord timestamps and a Confirm
// button; Convex saves nothing until the click (convex/sessions/ does the rest on its clock).
// Wired into src/commands/party.ts (its subcommand, autocomplete and components).
import { time, TimestampStyles } from "@discordjs/formatters";
import { MessageFlags, ApplicationCommandOptionType as Option, PermissionFlagsBits } from "discord-api-types/v10";
import type { AnyInteraction as Interaction } from "../core/interaction.ts";
import { api } from "../../convex/_generated/api.js";
import { UserError } from "../lib/errors.ts";
import type { Responder } from "../core/respond.ts";
import { isCityZone, resolveTimeZone, suggestTimeZones } from "../lib/time-zones.ts";
import { parseWhen, WHEN_MAX_LENGTH } from "../lib/when.ts";
import { shortWall } from "../lib/when-words.ts";
import { plain } from "../views/text.ts";
import { joinedNote } from "../views/party-board.ts";
import { carriedAnswers, RSVP_LABEL, sessionEcho } from "../views/session.ts";
import type { BotContext, ComponentHandlers, ComponentInteraction } from "./types.ts";
import { canManageServer, displayName, place } from "./party-place.ts";

/** Which party a /party command is about: autocompleted, and left out in a channel with one. */
export const partyOption = {
  type: Option.String,
  name: "party",
  description: "Which party (leave out in a channel with one)",
  required: false,
  autocomplete: true,
  max_length: 100,
} as const;

/** The person's time zone, for reading times: autocompleted by city, and remembered. */
const zoneOption = {
  type: Option.String,
  name: "zone",
  description: "Your time zone, asked once and remembered (start typing a city)",
  required: false,
  autocomplete: true,
  max_length: 64,
} as const;

/** The subcommand's definition, for party.ts's options. */
export const scheduleSubcommand = {
  type: Option.Subcommand,
  name: "schedule",
  description: "Schedule the party's next watch-along (or cancel it); everyone sees it in their own time zone",
  options: [
    {
      type: Option.String,
      name: "when",
      description: 'When, in your words: "friday 21:00", "tomorrow 8pm", "in 2h", "2026-12-04 20:30"',
      required: false,
      max_length: WHEN_MAX_LENGTH,
    },
    {
      type: Option.String,
      name: "repeat",
      description: "weekly: every week at the same time; once: just this time (a new time keeps the replaced one's)",
      required: false,
      choices: [
        { name: "weekly", value: "weekly" },
        { name: "once", value: "once" },
      ],
    },
    { type: Option.Boolean, name: "cancel", description: "Cancel the scheduled session instead", required: false },
    {
      type: Option.Integer,
      name: "remind",
      description: "Minutes before a session its reminder goes out (default 15; 0 for none)",
      required: false,
      min_value: 0,
      max_value: 1440,
    },
    zoneOption,
    partyOption,
  ],
} as const;

/** `/party poll`: a native poll of proposed times, for choosing the night. */
export const pollSubcommand = {
  type: Option.Subcommand,
  name: "poll",
  description: "Let the party vote on when to watch: up to 10 proposed times; the host confirms the winner",
  options: [
    {
      type: Option.String,
      name: "times",
      description: 'Times separated by ";", e.g. "friday 21:00; saturday 20:00; sunday 18:00"',
      required: true,
      max_length: 1000,
    },
    {
      type: Option.Integer,
      name: "hours",
      description: "How long the poll stays open (default 24)",
      required: false,
      min_value: 1,
      max_value: 168,
    },
    zoneOption,
    partyOption,
  ],
} as const;

export interface ScheduleOptions {
  when?: string;
  repeat?: "weekly" | "once";
  cancel?: boolean;
  remind?: number;
  zone?: string;
  party?: string;
}

const actor = (interaction: Interaction) => ({ discordUserId: interaction.user.id, username: interaction.user.username });
const at = (ms: number) => `${time(new Date(ms), TimestampStyles.LongDateTime)} (${time(new Date(ms), TimestampStyles.RelativeTime)})`;

/** `/party schedule …`: echoes the time read, with Confirm; or cancels; or asks for the zone once. */
export async function schedule(interaction: Interaction, respond: Responder, ctx: BotContext, options: ScheduleOptions): Promise<void> {
  const here = place(interaction, ctx.directory);
  const which = options.party === undefined ? {} : { party: options.party };
  if (options.cancel === true) {
    if (options.when !== undefined) throw new UserError("Either say when, or cancel:true — not both.");
    const cancelled = await ctx.backend.mutation(api.bot.sessions.cancel, {
      ...actor(interaction),
      ...here,
      ...which,
      canManageServer: canManageServer(interaction),
    });
    const tell =
      cancelled.going > 0
        ? `tell the channel, pinging the ${cancelled.going === 1 ? "one person" : `${cancelled.going} people`} going`
        : "tell the channel";
    const todo = [
      ...(cancelled.postEdited ? ["mark its post cancelled (its buttons go)"] : []),
      ...(cancelled.event ? ["delete its server event"] : []),
      tell,
    ];
    const list = todo.length === 1 ? todo[0] : `${todo.slice(0, -1).join(", ")} and ${todo.at(-1)}`;
    await respond.send({
      content: `❌ Cancelled the watch-along of **${plain(cancelled.label, 150)}** on ${at(cancelled.at)}. I'll ${list}.`,
    });
    return;
  }
  // remind: is a party setting, saved at once (the scheduled session's reminder moves with it).
  // With a time, it is saved once the time has been read, and the echo says it is saved already.
  const saveReminder = async (minutes: number, withTime: boolean) => {
    const set = await ctx.backend.mutation(api.bot.sessions.setReminder, {
      ...actor(interaction),
      ...here,
      ...which,
      minutes,
      canManageServer: canManageServer(interaction),
    });
    const saved = withTime ? "Saved: " : "";
    return set.minutes === 0
      ? `🔕 ${saved}**${plain(set.label, 150)}** sends no reminder before its sessions now (the start post still pings).`
      : `⏰ ${saved}**${plain(set.label, 150)}** reminds those going ${set.minutes} minutes before each session.`;
  };
  if (options.remind !== undefined && options.when === undefined) {
    await respond.send({ content: await saveReminder(options.remind, false) });
    return;
  }
  if (options.when === undefined || options.when.trim() === "") {
    throw new UserError('Say when: `/party schedule when:"friday 21:00"` (or `cancel:true` to cancel the scheduled one).');
  }
  const party = await ctx.backend.query(api.bot.sessions.prepare, { discordUserId: interaction.user.id, ...here, ...which });
  if (party.hostDiscordUserId !== interaction.user.id && !canManageServer(interaction)) {
    throw new UserError("Only the party's host, or someone with Manage Server, can schedule its sessions.");
  }
  if (party.movie && options.repeat === "weekly")
    throw new UserError("A movie party is one night: schedule it without `repeat:weekly`. Nothing was scheduled.");
  // A setting, like /remind settings timezone: — kept for next time, whatever happens to this session.
  const zone = await zoneFor(interaction, ctx, party.zone, options.zone);
  const when = parseWhen(options.when, { zone, now: Date.now(), locale: interaction.locale });
  if (!when.ok) throw new UserError(when.message);
  const remindNote = options.remind === undefined ? "" : await saveReminder(options.remind, true);
  // A new time for a weekly session stays weekly unless repeat: says otherwise.
  const keptWeekly = options.repeat === undefined && party.current?.weekly === true;
  const weekly = options.repeat === "weekly" || keptWeekly;
  const view = sessionEcho({
    partyId: party.partyId,
    partyLabel: party.label,
    at: when.at,
    wall: when.wall,
    weekly,
    replaces: party.current,
    keptWeekly,
    reminderSaved: remindNote !== "",
  });
  await respond.send({ ...view, ...(remindNote ? { content: `${remindNote}\n\n${view.content ?? ""}` } : {}), ephemeral: true });
}

/** The scheduler's zone: the one given (remembered from now on), the one stored, or a question. */
async function zoneFor(interaction: Interaction, ctx: BotContext, stored: string | null, given: string | undefined): Promise<string> {
  let zone = stored;
  if (given !== undefined) {
    const typed = resolveTimeZone(given);
    if (!isCityZone(typed))
      throw new UserError(`I don't know the time zone "${plain(typed, 64)}" — pick one from the list as you type (e.g. Europe/Berlin).`);
    if (typed !== zone) zone = await ctx.backend.mutation(api.bot.sessions.setZone, { ...actor(interaction), zone: typed });
  }
  if (zone === null) {
    throw new UserError(
      "🌍 Which time zone are you in? Run the command again with `zone:` — start typing your city and pick it. I'll remember it (it's the one `/remind settings timezone:` sets too).",
    );
  }
  return zone;
}

/** `/party poll times:"…; …"`: each time read in the host's zone; Convex posts the poll and reads it when it closes. */
export async function poll(
  interaction: Interaction,
  respond: Responder,
  ctx: BotContext,
  options: { times: string; hours?: number; zone?: string; party?: string },
): Promise<void> {
  const here = place(interaction, ctx.directory);
  const which = options.party === undefined ? {} : { party: options.party };
  const pieces = options.times
    .split(/[;|\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (pieces.length < 2 || pieces.length > 10)
    throw new UserError('Propose 2 to 10 times, separated by ";" — e.g. `times:"friday 21:00; saturday 20:00"`.');
  const party = await ctx.backend.query(api.bot.sessions.prepare, { discordUserId: interaction.user.id, ...here, ...which });
  if (party.hostDiscordUserId !== interaction.user.id && !canManageServer(interaction)) {
    throw new UserError("Only the party's host, or someone with Manage Server, can start a poll.");
  }
  const zone = await zoneFor(interaction, ctx, party.zone, options.zone);
  const now = Date.now();
  const proposed = pieces.map((piece) => {
    const when = parseWhen(piece, { zone, now, locale: interaction.locale });
    if (!when.ok) throw new UserError(`"${plain(piece, 60)}": ${when.message}`);
    return { at: when.at, label: shortWall(when.at, zone) };
  });
  const result = await ctx.backend.mutation(api.bot.sessions.startPoll, {
    ...actor(interaction),
    ...here,
    ...which,
    options: proposed,
    hours: options.hours ?? 24,
    canManageServer: canManageServer(interaction),
  });
  await respond.send({
    // An absolute time: this reply stays in the channel's history, where "in 6 hours" would go stale.
    content: `🗳️ A poll of ${result.count} times for **${plain(result.label, 150)}** is going up in <#${result.channelId}>. It's open until ${time(new Date(result.closesAt), TimestampStyles.ShortDateTime)}; then I'll post the winner with a **Confirm** button for you.`,
  });
}

/** The zone option's suggestions: IANA zones matching what was typed. */
export function suggestZones(typed: string): { name: string; value: string }[] {
  return suggestTimeZones(typed, 25).map((zone) => ({ name: zone.replace(/_/g, " "), value: zone }));
}

export const sessionComponents: ComponentHandlers = {
  /** Confirm under the echo: only now is the session saved (replacing the scheduled one). */
  async "session:confirm"(interaction: ComponentInteraction, respond, ctx, { partyId, at: when, weekly }) {
    const result = await ctx.backend.mutation(api.bot.sessions.schedule, {
      ...actor(interaction),
      ...place(interaction, ctx.directory),
      partyId,
      at: when,
      // Left out by a poll winner's Confirm: the scheduled session's repeat carries over.
      ...(weekly !== undefined ? { weekly } : {}),
      canManageServer: canManageServer(interaction),
      canCreateEvents: interaction.appPermissions?.has(PermissionFlagsBits.CreateEvents) ?? false,
    });
    const lines = [
      `✅ Scheduled the watch-along of **${plain(result.label, 150)}** for ${at(result.at)}${result.weekly ? ", every week" : ""}.`,
      result.replaced !== null
        ? `It replaces the one on ${time(new Date(result.replaced), TimestampStyles.LongDateTime)}${result.answers > 0 ? `; ${carriedAnswers(result.answers)}` : ""}.`
        : "",
      result.post === "kept"
        ? "Its post in the party's channel stays."
        : result.post === "updated"
          ? "Its post in the party's channel stays; I'll update it to match."
          : `I'll post it in the party's channel with Going / Maybe / Can't${result.going > 0 && result.replaced !== null && result.replaced !== result.at ? `, pinging the ${result.going === 1 ? "one person" : `${result.going} people`} going that it moved` : ""}.`,
      result.oldPostEdited ? "The old post will say where it went." : "",
      result.hostGoing ? "You're down as **Going** (answer Maybe or Can't on its post if that changes)." : "",
      result.pollVoters ? "Those who voted for this time in the poll are down as **Going** too." : "",
      ...result.notices,
    ].filter(Boolean);
    // A poll's result is in the channel for everyone: it says what was decided, and the host's
    // details (what happens to the old post, permission notes) go to the host alone.
    if ((interaction.message.flags & MessageFlags.Ephemeral) === 0) {
      // It stays in the channel: the date and time alone, which stay true once it has passed.
      await respond.send({
        content: `📅 The watch-along of **${plain(result.label, 150)}** is set for ${time(new Date(result.at), TimestampStyles.LongDateTime)}${result.weekly ? ", every week" : ""} — answer Going / Maybe / Can't on its post.`,
        components: [],
      });
      await respond.sendNew({ content: lines.join("\n"), ephemeral: true });
      return;
    }
    await respond.send({ content: lines.join("\n"), components: [] });
  },
  /** Going / Maybe / Can't under a session's post: a private answer, the board shows the count. */
  async "session:rsvp"(interaction: ComponentInteraction, respond, ctx, { sessionId, answer }) {
    const result = await ctx.backend.mutation(api.bot.sessions.rsvp, {
      ...actor(interaction),
      sessionId,
      answer,
      displayName: displayName(interaction),
    });
    const text =
      answer === "going"
        ? `✅ You're going to **${plain(result.label, 150)}** on ${at(result.at)} — I'll ping you before it starts.` + joinedNote(result)
        : `Noted: **${RSVP_LABEL[answer]}** for **${plain(result.label, 150)}** on ${at(result.at)}.` +
          (answer === "cant" && result.member && !result.host
            ? "\nYou're still in the watch party — `/party leave` if you're out for good."
            : "");
    await respond.sendNew({ content: text, ephemeral: true });
  },
};
