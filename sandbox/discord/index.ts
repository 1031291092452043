/**
 * # Discord sandbox
 *
 * A faithful little Discord on loopback: gateway (WebSocket) and REST on one port, so the real
 * bot — an unmodified discord.js v14 `Client` — runs against it:
 *
 * ```ts
 * const sandbox = new DiscordSandbox({ ackDeadlineMs: 3000 });
 * await sandbox.start();                       // any free port; sandbox.port
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.restApiBase } });
 * await client.login(sandbox.token);           // "sandbox-token" unless configured
 * sandbox.on("event", (e) => console.log(JSON.stringify(e)));
 * const r = await sandbox.runCommand({ user: "alice", guild: "Film Club", channel: "#general" }, "ep", {}, { positional: ["1399", "1", "3"] });
 * r.events  // everything emitted until the interaction settled
 * ```
 *
 * ## Parts
 * `sandbox.ts` is the facade that wires them: `world.ts` (users, guilds, channels, roles, members,
 * messages, registered commands), `interactions.ts` (an interaction's lifecycle: dispatch to its
 * shard, ack deadline, deferral, token expiry, settling), `acting.ts` (playing users: commands,
 * autocomplete, buttons, selects), `rate-limits.ts`, `activity.ts` (is the bot still busy),
 * `rest/` (the HTTP plumbing in `router.ts`, one file of routes per resource), `gateway.ts`,
 * `serialize.ts` (records → Discord API objects, typed with discord-api-types), `commands.ts`
 * and `validate.ts` (Discord's rules), `types.ts` (the records and options).
 *
 * ## API (class DiscordSandbox extends EventEmitter)
 *
 * Lifecycle: `new DiscordSandbox(opts?)`, `start(port = 0)`, `stop()`; `port`, `restApiBase`
 * (`http://127.0.0.1:PORT/api`), `gatewayUrl` (`ws://127.0.0.1:PORT`), `token`, `applicationId`
 * (= bot user id), `botUser`.
 *
 * Options (DiscordSandboxOptions): `token` ("sandbox-token"), `applicationId`, `botName`
 * ("Film Fanatic"), `ackDeadlineMs` (3000), `deferWaitMs` (10 000), `quietMs` (40),
 * `channelMessageLimit` ({count: 5, windowMs: 5000}), `oldMessageEditLimit` ({count: 3, windowMs:
 * 20 000}: edits of messages older than an hour, else 429 / 30046), `injectedRetryAfterMs` (100),
 * `heartbeatIntervalMs` (41 250), `resumeWindowMs` (120 000), `privilegedIntents` (0: IDENTIFY
 * asking for GuildMembers/GuildPresences/MessageContent is closed with 4014), `recommendedShards`
 * (1; what GET /gateway/bot answers), `now` (sandbox
 * clock for timestamps/snowflakes and the 15-minute interaction-token lifetime), `logger`
 * (pino-compatible).
 *
 * World (all created on first use; ids are stable snowflakes derived from names):
 * `user(name)`, `guild(name)` (bot is a member; GUILD_CREATE dispatched), `channel(guild, name)`
 * (text channel; CHANNEL_CREATE), `role(guild, name)`, `dm(userName)`, `join(guild, user)`,
 * `setDmsClosed(user, closed)`, `setMemberPermissions(guild, user, bits|null)`,
 * `addRole(guild, user, role)`, channel overwrites `setChannelOverwrite(guild, channel, "@everyone" |
 * "@&role" | user, { allow?, deny? })`, `makeReadOnly(guild, channel, writers?)`,
 * `makePrivate(guild, channel, members)` (permissions in a channel — app_permissions,
 * member.permissions, resolved channels — are computed from them as Discord does, and a channel
 * option accepts only channels the member can see), faults `deleteChannel(guild, channel)`, `revokeChannel(guild, channel)`,
 * `deleteNewestPost(actor)`; reads: `registeredCommands(guildIdOrName?)`,
 * `messages(channelId)` (bot messages oldest first, ephemeral ones with `visibleTo`),
 * `visibleMessages(actor)`, `message(id)`, `userNames()`, `channelPlaces()` ("guild #channel").
 *
 * Acting (an Actor is `{ user, guild?, channel? }`; no guild or channel "dm" → the user's DM).
 * Each resolves with `{ events, interactionId, rejected }` once the interaction settled:
 * - `runCommand(actor, "watch add", { title: "The Bear" }, { positional? })`
 * - `runAutocomplete(actor, "ep", "show", "break", { season: 1 })`
 * - `click(actor, "Next episode")`, `select(actor, "Season 2")`
 * - `resolveArgs(actor, "ep", [{ value: "1399" }, { name: "season", value: "1" }])` → the full
 *   command path, options by name, and the option each arg filled (used by the script runner).
 *
 * Structural mistakes (command not registered/visible here, unknown subcommand or option, too
 * many values, no such button/select option, no acting user) throw `SandboxUsageError`.
 * Invocations Discord's client would refuse to send (missing required option, wrong type,
 * outside min/max or min_length/max_length, not one of the choices, wrong channel type,
 * focused option without autocomplete, disabled/link button) emit
 * `{ t: "rejected", user, guild?, channel, source, reason }` and never reach the bot.
 *
 * Test controls: `dropGatewayConnection({ resumable = true })` (4000 close → discord.js
 * RESUMEs and missed events are replayed; `resumable: false` invalidates the session → op 9 →
 * fresh IDENTIFY), `requestReconnect()` (op 7), `injectRateLimits(n)` (next n bot REST requests
 * get 429), `waitForIdle()`, `connectedSessions`, `connectedShards()` ([shard_id, num_shards] of each
 * connected session). Guild events go to shard (guild_id >> 22) % num_shards; DMs to shard 0.
 *
 * ## Events (`sandbox.on("event", e)`; `DiscordEvent` in events.ts, part of ../events.ts's SandboxEvent)
 * `reply` (the interaction's original response; a deferral emits `reply` with
 * `deferred: true, content: null`, and the later edit emits `reply_edit`), `reply_edit`
 * (@original edited — for buttons/selects, the message they sit on: UPDATE_MESSAGE or
 * PATCH @original after a deferred update), `followup`, `followup_edit`, `autocomplete`,
 * `modal`, `message` / `message_edit` / `message_delete` (channel posts), `dm` (the bot posted
 * in a user's DM; DM edits are `message_edit` with `channel: "dm", to`), `interaction_failed`,
 * `discord_error` (every 4xx the sandbox returned), `rate_limited` (every 429), `rejected`.
 * Every event carrying a bot message has `mentions: { everyone, users, roles }`.
 *
 * ## Settled
 * An acting call resolves when (1) the interaction was acknowledged, or the ack deadline
 * passed (→ `interaction_failed`); (2) after a deferral (callback type 5 or 6), @original was
 * edited or a followup sent, or `deferWaitMs` passed; (3) no bot REST request is in flight and
 * none started or finished for `quietMs`; (4) no rate-limit wait is pending (a 429's
 * retry_after, or an exhausted channel bucket until it resets). `waitForIdle()` applies the
 * same rules to every interaction and to unrelated traffic.
 */
export { DiscordSandbox } from "./sandbox.ts";
export { PermissionFlagsBits as Permissions } from "discord-api-types/v10";
export type {
  Actor,
  DiscordSandboxOptions,
  SandboxChannel,
  SandboxGuild,
  SandboxLogger,
  SandboxMember,
  SandboxMessage,
  SandboxRole,
  SandboxUser,
} from "./types.ts";
export type { CommandOption, RawValue, RegisteredCommand } from "./commands.ts";
export type * from "./events.ts";
export { SandboxUsageError, DiscordHttpError } from "./errors.ts";
export { computeMentions, parseContentMentions, type AllowedMentions, type Mentions } from "./mentions.ts";
export { stableSnowflake } from "./snowflake.ts";
export { LIMITS } from "./validate.ts";
