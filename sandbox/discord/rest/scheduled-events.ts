/**
 * Guild Scheduled Events (Discord's server "Events"): list, create, read, edit, delete, with
 * Discord's rules — creating needs Create Events (1 << 44), editing and deleting Create Events
 * (own events) or Manage Events; an EXTERNAL event needs `entity_metadata.location` (1–100
 * characters) and `scheduled_end_time`, and no channel; at most 100 scheduled or active per
 * guild; times are checked against the sandbox clock.
 */
import {
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
} from "discord-api-types/v10";
import { DiscordErrors, DiscordHttpError, FormErrors } from "../errors.ts";
import type { SandboxGuild } from "../types.ts";
import type { World } from "../world.ts";
import type { RequestCtx, Route, RestCore } from "./router.ts";

/** Uncompleted (scheduled or active) events one guild may have. */
export const SCHEDULED_EVENTS_MAX = 100;

export interface SandboxScheduledEvent {
  id: string;
  guildId: string;
  creatorId: string;
  name: string;
  description: string | null;
  channelId: string | null;
  entityType: GuildScheduledEventEntityType;
  location: string | null;
  privacyLevel: GuildScheduledEventPrivacyLevel;
  status: GuildScheduledEventStatus;
  start: number;
  end: number | null;
}

const byWorld = new WeakMap<World, Map<string, SandboxScheduledEvent>>();

/** Every event of the sandbox's guilds, by id (kept beside the world, which knows nothing of them). */
export function scheduledEventsOf(world: World): Map<string, SandboxScheduledEvent> {
  let events = byWorld.get(world);
  if (events === undefined) {
    events = new Map();
    byWorld.set(world, events);
  }
  return events;
}

function eventObject(e: SandboxScheduledEvent) {
  return {
    id: e.id,
    guild_id: e.guildId,
    channel_id: e.channelId,
    creator_id: e.creatorId,
    name: e.name,
    description: e.description,
    scheduled_start_time: new Date(e.start).toISOString(),
    scheduled_end_time: e.end === null ? null : new Date(e.end).toISOString(),
    privacy_level: e.privacyLevel,
    status: e.status,
    entity_type: e.entityType,
    entity_id: null,
    entity_metadata: e.location === null ? null : { location: e.location },
    user_count: 0,
    // Fields Discord always sends; the sandbox's events have no cover image, repeat rule or exceptions.
    image: null,
    recurrence_rule: null,
    guild_scheduled_event_exceptions: [],
  };
}

/** What scripts and tests see: the events of each guild, by guild name. */
export function scheduledEventView(e: SandboxScheduledEvent) {
  const { id, name, description, location, start, end, status } = e;
  return {
    id,
    name,
    description,
    location,
    start: new Date(start).toISOString(),
    end: end === null ? null : new Date(end).toISOString(),
    status,
  };
}

function isoTime(value: unknown, field: string, errs: FormErrors): number | null {
  if (typeof value !== "string" || !Number.isFinite(Date.parse(value))) {
    errs.add([field], "DATE_TIME_TYPE_CONVERT", "Could not parse date. Should be ISO8601.");
    return null;
  }
  return Date.parse(value);
}

export function scheduledEventRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  const events = scheduledEventsOf(world);

  const guild = (ctx: RequestCtx): SandboxGuild => {
    const g = world.guildById(ctx.params.guild!);
    if (!g) throw DiscordErrors.unknownGuild();
    ctx.place = { guild: g.name };
    return g;
  };
  const can = (g: SandboxGuild, bits: bigint) => (world.memberPermissions(g, world.botUser.id) & bits) !== 0n;
  const eventIn = (g: SandboxGuild, id: string) => {
    const e = events.get(id);
    if (!e || e.guildId !== g.id)
      throw new DiscordHttpError(404, RESTJSONErrorCodes.UnknownGuildScheduledEvent, "Unknown Guild Scheduled Event");
    return e;
  };

  /** Checks a create (all fields) or an edit (the fields given, over the event's own). */
  const validate = (
    body: any,
    base: SandboxScheduledEvent | null,
  ): Omit<SandboxScheduledEvent, "id" | "guildId" | "creatorId" | "status"> => {
    const errs = new FormErrors();
    const b = body && typeof body === "object" ? body : {};
    const has = (k: string) => k in b && b[k] !== undefined;
    const name = has("name") ? b.name : base?.name;
    if (typeof name !== "string" || name.length < 1 || name.length > 100)
      errs.add(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    const description = has("description") ? b.description : (base?.description ?? null);
    if (description !== null && (typeof description !== "string" || description.length > 1000))
      errs.add(["description"], "BASE_TYPE_MAX_LENGTH", "Must be 1000 or fewer in length.");
    const privacy = has("privacy_level") ? b.privacy_level : base?.privacyLevel;
    if (privacy !== GuildScheduledEventPrivacyLevel.GuildOnly)
      errs.add(["privacy_level"], "BASE_TYPE_CHOICES", "Value must be one of {2}.");
    const type = has("entity_type") ? b.entity_type : base?.entityType;
    if (
      ![GuildScheduledEventEntityType.StageInstance, GuildScheduledEventEntityType.Voice, GuildScheduledEventEntityType.External].includes(
        type,
      )
    ) {
      errs.add(["entity_type"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
    }
    const start = has("scheduled_start_time")
      ? isoTime(b.scheduled_start_time, "scheduled_start_time", errs)
      : (base?.start ?? isoTime(undefined, "scheduled_start_time", errs));
    const end = has("scheduled_end_time")
      ? b.scheduled_end_time === null
        ? null
        : isoTime(b.scheduled_end_time, "scheduled_end_time", errs)
      : (base?.end ?? null);
    const now = core.config.now();
    if (start !== null && has("scheduled_start_time") && start < now) {
      errs.add(["scheduled_start_time"], "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST", "Cannot schedule event in the past.");
    }
    if (start !== null && end !== null && end <= start)
      errs.add(["scheduled_end_time"], "GUILD_SCHEDULED_EVENT_END_BEFORE_START", "Cannot schedule event to end before starting.");
    let location: string | null = has("entity_metadata") ? (b.entity_metadata?.location ?? null) : (base?.location ?? null);
    let channelId: string | null = has("channel_id") ? b.channel_id : (base?.channelId ?? null);
    if (type === GuildScheduledEventEntityType.External) {
      if (typeof location !== "string" || location.length < 1 || location.length > 100) {
        errs.add(["entity_metadata", "location"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
      }
      if (end === null) errs.add(["scheduled_end_time"], "BASE_TYPE_REQUIRED", "This field is required for external events.");
      if (channelId !== null)
        errs.add(["channel_id"], "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED", "Channel must be null for external events.");
    } else {
      // Stage and voice events happen in a channel; the sandbox has no voice channels to offer.
      errs.add(["channel_id"], "BASE_TYPE_REQUIRED", "The sandbox has no stage or voice channels: use an external event.");
      location = null;
      channelId = null;
    }
    if (!errs.empty) throw DiscordErrors.invalidForm(errs);
    return { name, description, privacyLevel: privacy, entityType: type, start: start!, end, location, channelId };
  };

  route("GET", "/guilds/:guild/scheduled-events", true, (ctx) => {
    const g = guild(ctx);
    return { status: 200, body: [...events.values()].filter((e) => e.guildId === g.id).map(eventObject) };
  });
  route("GET", "/guilds/:guild/scheduled-events/:event", true, (ctx) => ({
    status: 200,
    body: eventObject(eventIn(guild(ctx), ctx.params.event!)),
  }));

  route("POST", "/guilds/:guild/scheduled-events", true, (ctx) => {
    const g = guild(ctx);
    if (!can(g, PermissionFlagsBits.CreateEvents)) throw DiscordErrors.missingPermissions();
    const fields = validate(ctx.body, null);
    const open = [...events.values()].filter(
      (e) => e.guildId === g.id && (e.status === GuildScheduledEventStatus.Scheduled || e.status === GuildScheduledEventStatus.Active),
    );
    if (open.length >= SCHEDULED_EVENTS_MAX) {
      throw new DiscordHttpError(
        400,
        RESTJSONErrorCodes.MaximumNumberOfUncompletedGuildScheduledEventsReached,
        `Maximum number of uncompleted guild scheduled events reached (${SCHEDULED_EVENTS_MAX})`,
      );
    }
    const e: SandboxScheduledEvent = {
      id: world.ids.next(core.config.now()),
      guildId: g.id,
      creatorId: world.botUser.id,
      status: GuildScheduledEventStatus.Scheduled,
      ...fields,
    };
    events.set(e.id, e);
    core.emit({ t: "scheduled_event", guild: g.name, action: "create", event: scheduledEventView(e) });
    return { status: 200, body: eventObject(e) };
  });

  route("PATCH", "/guilds/:guild/scheduled-events/:event", true, (ctx) => {
    const g = guild(ctx);
    const e = eventIn(g, ctx.params.event!);
    const own = e.creatorId === world.botUser.id && can(g, PermissionFlagsBits.CreateEvents);
    if (!own && !can(g, PermissionFlagsBits.ManageEvents)) throw DiscordErrors.missingPermissions();
    Object.assign(e, validate(ctx.body, e));
    core.emit({ t: "scheduled_event", guild: g.name, action: "update", event: scheduledEventView(e) });
    return { status: 200, body: eventObject(e) };
  });

  route("DELETE", "/guilds/:guild/scheduled-events/:event", true, (ctx) => {
    const g = guild(ctx);
    const e = eventIn(g, ctx.params.event!);
    const own = e.creatorId === world.botUser.id && can(g, PermissionFlagsBits.CreateEvents);
    if (!own && !can(g, PermissionFlagsBits.ManageEvents)) throw DiscordErrors.missingPermissions();
    events.delete(e.id);
    core.emit({ t: "scheduled_event", guild: g.name, action: "delete", event: scheduledEventView(e) });
    return { status: 204 };
  });
}
