// What a handler knows about the interaction it answers: a read-only view of Discord's raw
// payload (discord-api-types), the same whether it arrived over the gateway or by HTTP POST.
// Nothing here touches discord.js; `raw` is always there for what the view does not name.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
} from "discord-api-types/v10";

/** A permission bit set (Discord sends them as decimal strings). */
export class Permissions {
  constructor(readonly bits: bigint) {}

  static parse(raw: unknown): Permissions | null {
    return typeof raw === "string" && /^\d{1,40}$/.test(raw) ? new Permissions(BigInt(raw)) : null;
  }

  /** Every bit given (an Administrator has them all). */
  has(wanted: bigint | readonly bigint[]): boolean {
    const ADMINISTRATOR = 1n << 3n;
    if ((this.bits & ADMINISTRATOR) !== 0n) return true;
    const all = typeof wanted === "bigint" ? wanted : wanted.reduce((a, b) => a | b, 0n);
    return (this.bits & all) === all;
  }
}

/** A user as handlers see them. */
export interface UserView {
  id: string;
  username: string;
  /** Their global display name, else their username. */
  displayName: string;
  bot: boolean;
}

export function userView(user: APIUser): UserView {
  return { id: user.id, username: user.username, displayName: user.global_name ?? user.username, bot: user.bot === true };
}

/** The message a clicked component is on. */
export interface ComponentMessage {
  id: string;
  /** Discord's message flags (MessageFlags.Ephemeral …). */
  flags: number;
  embeds: APIEmbed[];
  components: APIMessage["components"];
}

/** Discord's default upload limit when an interaction does not say (10 MiB since 2024). */
const DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** What every interaction carries: who, where, and with which permissions. */
abstract class BaseInteraction<R extends APIInteraction> {
  readonly id: string;
  readonly applicationId: string;
  readonly token: string;
  readonly user: UserView;
  readonly guildId: string | null;
  readonly channelId: string | null;
  /** The invoking user's client language ("en-US"): their ephemeral replies and DMs are in it. */
  readonly locale: string;
  /** The server's preferred language (its Community setting, "en-US" by default), null outside a server: public posts are in it. */
  readonly guildLocale: string | null;
  /** The member in a server, as Discord sent it (nickname, roles, permissions here). */
  readonly member: APIInteractionGuildMember | null;
  /** The member's permissions in this channel (null outside a server). */
  readonly memberPermissions: Permissions | null;
  /** The bot's permissions in this channel. */
  readonly appPermissions: Permissions;
  /** The largest file the bot may attach here, in bytes. */
  readonly attachmentSizeLimit: number;

  constructor(readonly raw: R) {
    this.id = raw.id;
    this.applicationId = raw.application_id;
    this.token = raw.token;
    const member = "member" in raw && raw.member ? raw.member : null;
    const user = member?.user ?? ("user" in raw ? raw.user : undefined);
    if (user === undefined) throw new TypeError("An interaction without a user");
    this.user = userView(user);
    this.member = member;
    this.guildId = raw.guild_id ?? null;
    this.channelId = raw.channel?.id ?? raw.channel_id ?? null;
    this.locale = "locale" in raw && typeof raw.locale === "string" ? raw.locale : "en-US";
    this.guildLocale = typeof raw.guild_locale === "string" ? raw.guild_locale : null;
    this.memberPermissions = member ? Permissions.parse(member.permissions) : null;
    this.appPermissions = Permissions.parse(raw.app_permissions) ?? new Permissions(0n);
    const limit = (raw as { attachment_size_limit?: unknown }).attachment_size_limit;
    this.attachmentSizeLimit = typeof limit === "number" && limit > 0 ? limit : DEFAULT_ATTACHMENT_SIZE_LIMIT;
  }

  /** Run in a server (not a DM, a group DM or a user-installed app elsewhere). */
  inGuild(): this is { guildId: string; member: APIInteractionGuildMember } {
    return this.guildId !== null && this.member !== null;
  }
}

/** A slash command. */
export class CommandInteraction extends BaseInteraction<APIChatInputApplicationCommandInteraction> {
  readonly kind = "command" as const;
  readonly commandName: string;
  readonly options: readonly APIApplicationCommandInteractionDataOption[];
  readonly resolved: APIInteractionDataResolved | undefined;
  /** Files sent with the command (an attachment option's value is its id here), by id. */
  readonly attachments: ReadonlyMap<string, APIAttachment>;

  constructor(raw: APIChatInputApplicationCommandInteraction) {
    super(raw);
    this.commandName = raw.data.name;
    this.options = raw.data.options ?? [];
    this.resolved = raw.data.resolved;
    this.attachments = new Map(Object.entries(raw.data.resolved?.attachments ?? {}));
  }

  /** The subcommand (or "group sub"), or "" for a command without. */
  get subcommand(): string {
    const first = this.options[0];
    if (first?.type === ApplicationCommandOptionType.Subcommand) return first.name;
    if (first?.type === ApplicationCommandOptionType.SubcommandGroup) return `${first.name} ${first.options[0]?.name ?? ""}`;
    return "";
  }
}

/** Someone typing into an option that offers suggestions. */
export class AutocompleteInteraction extends BaseInteraction<APIApplicationCommandAutocompleteInteraction> {
  readonly kind = "autocomplete" as const;
  readonly commandName: string;
  readonly options: readonly APIApplicationCommandInteractionDataOption[];
  /** The option being typed into, and what has been typed so far. */
  readonly focused: { name: string; value: string };

  constructor(raw: APIApplicationCommandAutocompleteInteraction) {
    super(raw);
    this.commandName = raw.data.name;
    this.options = raw.data.options ?? [];
    this.focused = findFocused(this.options) ?? { name: "", value: "" };
  }
}

function findFocused(options: readonly APIApplicationCommandInteractionDataOption[]): { name: string; value: string } | null {
  for (const option of options) {
    if ("options" in option && option.options) {
      const inner = findFocused(option.options as APIApplicationCommandInteractionDataOption[]);
      if (inner) return inner;
    }
    if ("focused" in option && option.focused && "value" in option) return { name: option.name, value: String(option.value) };
  }
  return null;
}

/** A button or a string select. */
export class ComponentInteraction extends BaseInteraction<APIMessageComponentInteraction> {
  readonly kind = "component" as const;
  readonly customId: string;
  readonly componentType: ComponentType;
  /** A select's chosen values ([] for a button). */
  readonly values: readonly string[];
  readonly message: ComponentMessage;

  constructor(raw: APIMessageComponentInteraction) {
    super(raw);
    this.customId = raw.data.custom_id;
    this.componentType = raw.data.component_type;
    this.values = "values" in raw.data && Array.isArray(raw.data.values) ? raw.data.values : [];
    this.message = {
      id: raw.message.id,
      flags: raw.message.flags ?? 0,
      embeds: raw.message.embeds ?? [],
      components: raw.message.components ?? [],
    };
  }

  isStringSelect(): boolean {
    return this.componentType === ComponentType.StringSelect;
  }
}

export type RepliableInteraction = CommandInteraction | ComponentInteraction;
export type AnyInteraction = CommandInteraction | ComponentInteraction | AutocompleteInteraction;

/**
 * The view of a raw interaction the core handles, or null for kinds it does not (PING is the
 * HTTP door's; modals and context menus are not used). A payload without a user is refused.
 */
export function viewOf(raw: APIInteraction): AnyInteraction | null {
  try {
    switch (raw.type) {
      case InteractionType.ApplicationCommand:
        return raw.data.type === ApplicationCommandType.ChatInput
          ? new CommandInteraction(raw as APIChatInputApplicationCommandInteraction)
          : null;
      case InteractionType.ApplicationCommandAutocomplete:
        return new AutocompleteInteraction(raw);
      case InteractionType.MessageComponent:
        return raw.data.component_type === ComponentType.Button || raw.data.component_type === ComponentType.StringSelect
          ? new ComponentInteraction(raw)
          : null;
      default:
        return null;
    }
  } catch {
    return null;
  }
}
