/**
 * Playing Discord users: a slash command, autocomplete, a button press or a select pick becomes
 * the interaction Discord would send — or is refused the way Discord's client would refuse it
 * (a `rejected` event), or is a usage mistake by whoever drives the sandbox (SandboxUsageError).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import {
  autocompleteRaw,
  coerceOption,
  nestOptions,
  OptionRejection,
  resolveInvocation,
  type OptionResolver,
  type RawValue,
  type RegisteredCommand,
} from "./commands.ts";
import { SandboxUsageError } from "./errors.ts";
import type { ActResult, DiscordEvent } from "./events.ts";
import type { Interactions } from "./interactions.ts";
import { vote as castVote } from "./rest/polls.ts";
import { memberObject, roleObject, userObject } from "./serialize.ts";
import { stripHash, type ActContext, type Actor, type SandboxMessage } from "./types.ts";
import type { World } from "./world.ts";

export interface ActingHost {
  world: World;
  interactions: Interactions;
  emit(e: DiscordEvent): void;
  /** The file `attach FILE` holds for the next command's attachment option, if any (then no longer held). */
  takeAttachment?(): unknown;
  /** Subscribes to every event until the returned function is called. */
  listen(listener: (e: DiscordEvent) => void): () => void;
}

/** Walks components (action rows, v2 containers/sections) yielding interactive ones. */
function* walkComponents(components: any[] | undefined): Generator<any> {
  for (const c of components ?? []) {
    if (!c || typeof c !== "object") continue;
    if (
      c.type === ComponentType.Button ||
      (c.type >= ComponentType.StringSelect && c.type <= ComponentType.ChannelSelect && c.type !== ComponentType.TextInput)
    )
      yield c;
    if (Array.isArray(c.components)) yield* walkComponents(c.components);
    if (c.accessory) yield* walkComponents([c.accessory]);
  }
}

function labelMatches(actual: unknown, wanted: string): boolean {
  if (typeof actual !== "string") return false;
  return actual === wanted || actual.trim().toLowerCase() === wanted.trim().toLowerCase();
}

function splitCommand(command: string): [string, string[]] {
  const [name, ...path] = command.replace(/^\//, "").trim().split(/\s+/);
  return [name ?? "", path];
}

export class Acting {
  constructor(private readonly host: ActingHost) {}

  /** See DiscordSandbox.resolveArgs. */
  resolveArgs(
    actor: Actor,
    command: string,
    args: Array<{ name?: string; value: RawValue }>,
  ): { command: string; options: Record<string, RawValue>; names: string[] } {
    const ctx = this.host.world.context(actor);
    const [name, pathTokens] = splitCommand(command);
    const cmd = this.findCommand(ctx, name);
    const named: Record<string, RawValue> = {};
    const positional: RawValue[] = [];
    for (const a of args) {
      if (a.name !== undefined) {
        if (a.name in named) throw new SandboxUsageError(`option "${a.name}" given twice`);
        named[a.name] = a.value;
      } else positional.push(a.value);
    }
    const r = resolveInvocation(cmd, pathTokens, named, positional);
    let p = 0;
    const names = args.map((a) => (a.name !== undefined ? a.name : r.positionalNames[p++]!));
    return { command: [cmd.name, ...r.path].join(" "), options: Object.fromEntries(r.given), names };
  }

  runCommand(actor: Actor, command: string, options: Record<string, RawValue>, positional: RawValue[]): Promise<ActResult> {
    return this.act(async () => {
      const ctx = this.host.world.context(actor);
      const [name, pathTokens] = splitCommand(command);
      const cmd = this.findCommand(ctx, name);
      const r = resolveInvocation(cmd, pathTokens, options, positional);
      const source = `/${[cmd.name, ...r.path].join(" ")}`;
      const resolver = this.optionResolver(ctx);
      const leafOptions: any[] = [];
      const resolved: Record<string, Record<string, unknown>> = {};
      try {
        for (const opt of r.leaf) {
          if (opt.type === ApplicationCommandOptionType.Attachment) {
            // Discord's client sends the file uploaded with the command (the script's `attach FILE`).
            const file = this.host.takeAttachment?.() as { id: string } | null | undefined;
            if (!file && opt.required) throw new OptionRejection(`option "${opt.name}" needs a file: \`attach FILE\` first`);
            if (file) {
              leafOptions.push({ name: opt.name, type: opt.type, value: file.id });
              (resolved.attachments ??= {})[file.id] = file as unknown as Record<string, unknown>;
            }
            continue;
          }
          if (!r.given.has(opt.name)) {
            if (opt.required) throw new OptionRejection(`missing required option "${opt.name}"`);
            continue;
          }
          const v = coerceOption(opt, r.given.get(opt.name)!, resolver);
          leafOptions.push({ name: opt.name, type: opt.type, value: v.value });
          if (v.kind) this.addResolved(resolved, ctx, v.kind, String(v.value));
        }
      } catch (e) {
        if (e instanceof OptionRejection) return this.reject(ctx, source, `${source}: ${e.message}`);
        throw e;
      }
      const data: Record<string, unknown> = { id: cmd.id, name: cmd.name, type: ApplicationCommandType.ChatInput };
      if (cmd.guild_id) data.guild_id = cmd.guild_id;
      const nested = nestOptions(r.path, leafOptions);
      if (nested.length) data.options = nested;
      if (Object.keys(resolved).length) data.resolved = resolved;
      return this.send(ctx, "command", data, { source, command: cmd });
    });
  }

  runAutocomplete(actor: Actor, command: string, focused: string, partial: string, others: Record<string, RawValue>): Promise<ActResult> {
    return this.act(async () => {
      const ctx = this.host.world.context(actor);
      const [name, pathTokens] = splitCommand(command);
      const cmd = this.findCommand(ctx, name);
      const r = resolveInvocation(cmd, pathTokens, { ...others, [focused]: partial }, []);
      const source = `/${[cmd.name, ...r.path].join(" ")}`;
      const opt = r.leaf.find((o) => o.name === focused)!;
      if (!opt.autocomplete) return this.reject(ctx, source, `${source}: option "${focused}" does not autocomplete`);
      const resolver = this.optionResolver(ctx);
      const leafOptions: any[] = [];
      for (const o of r.leaf) {
        if (!r.given.has(o.name)) continue;
        const raw = r.given.get(o.name)!;
        if (o.name === focused) {
          leafOptions.push({ name: o.name, type: o.type, value: autocompleteRaw(raw), focused: true });
          continue;
        }
        // Discord sends the other options as typed so far, without checking their limits.
        let value: RawValue = raw;
        try {
          value = coerceOption(
            { ...o, min_value: undefined, max_value: undefined, min_length: undefined, max_length: undefined },
            raw,
            resolver,
          ).value;
        } catch {
          value = String(raw);
        }
        leafOptions.push({ name: o.name, type: o.type, value });
      }
      const data: Record<string, unknown> = {
        id: cmd.id,
        name: cmd.name,
        type: ApplicationCommandType.ChatInput,
        options: nestOptions(r.path, leafOptions),
      };
      if (cmd.guild_id) data.guild_id = cmd.guild_id;
      return this.send(ctx, "autocomplete", data, {
        source,
        command: cmd,
        focused: { name: opt.name, type: opt.type, value: String(partial) },
      });
    });
  }

  click(actor: Actor, label: string): Promise<ActResult> {
    return this.act(async () => {
      const ctx = this.host.world.context(actor);
      const source = `click ${JSON.stringify(label)}`;
      const found = this.findComponent(ctx, (c) => c.type === ComponentType.Button && labelMatches(c.label, label));
      if (!found) {
        throw new SandboxUsageError(
          `no button ${JSON.stringify(label)} on any message ${ctx.user.name} can see in ${this.placeLabel(ctx)}${this.describeVisibleComponents(ctx)}`,
        );
      }
      const { message, component } = found;
      if (component.disabled) return this.reject(ctx, source, `button ${JSON.stringify(label)} is disabled`);
      if (component.style === ButtonStyle.Link)
        return this.reject(
          ctx,
          source,
          `button ${JSON.stringify(label)} is a link to ${component.url}; it opens in the browser and sends no interaction`,
        );
      if (component.style === ButtonStyle.Premium)
        return this.reject(ctx, source, `button ${JSON.stringify(label)} is a premium (SKU) button; the sandbox has no store`);
      const data: Record<string, unknown> = { custom_id: component.custom_id, component_type: ComponentType.Button };
      if (typeof component.id === "number") data.id = component.id;
      return this.send(ctx, "component", data, { source, componentMessage: message });
    });
  }

  select(actor: Actor, optionLabel: string): Promise<ActResult> {
    return this.act(async () => {
      const ctx = this.host.world.context(actor);
      const source = `select ${JSON.stringify(optionLabel)}`;
      const found = this.findComponent(
        ctx,
        (c) => c.type === ComponentType.StringSelect && (c.options ?? []).some((o: any) => labelMatches(o.label, optionLabel)),
      );
      if (!found) {
        throw new SandboxUsageError(
          `no select menu with option ${JSON.stringify(optionLabel)} on any message ${ctx.user.name} can see in ${this.placeLabel(ctx)}${this.describeVisibleComponents(ctx)}`,
        );
      }
      const { message, component } = found;
      if (component.disabled) return this.reject(ctx, source, `the select menu with ${JSON.stringify(optionLabel)} is disabled`);
      const option = component.options.find((o: any) => labelMatches(o.label, optionLabel));
      const data: Record<string, unknown> = {
        custom_id: component.custom_id,
        component_type: ComponentType.StringSelect,
        values: [option.value],
      };
      if (typeof component.id === "number") data.id = component.id;
      return this.send(ctx, "component", data, { source, componentMessage: message });
    });
  }

  // ------------------------------------------------------------ internals

  /** Runs an action, collecting every event emitted until it settled. */
  private async act(body: () => Promise<Omit<ActResult, "events">>): Promise<ActResult> {
    const collected: DiscordEvent[] = [];
    const stop = this.host.listen((e) => collected.push(e));
    try {
      const r = await body();
      return { ...r, events: collected };
    } finally {
      stop();
    }
  }

  private async send(
    ctx: ActContext,
    kind: "command" | "autocomplete" | "component",
    data: Record<string, unknown>,
    extra: Parameters<Interactions["dispatch"]>[3],
  ): Promise<Omit<ActResult, "events">> {
    const interactionId = await this.host.interactions.dispatch(ctx, kind, data, extra);
    return { interactionId, rejected: null };
  }

  private reject(ctx: ActContext, source: string, reason: string): Omit<ActResult, "events"> {
    this.host.emit({ t: "rejected", ...ctx.place, source, reason });
    return { interactionId: null, rejected: reason };
  }

  private findComponent(ctx: ActContext, pred: (c: any) => boolean): { message: SandboxMessage; component: any } | null {
    const visible = this.host.world.visibleTo(ctx);
    for (let i = visible.length - 1; i >= 0; i--) {
      const m = visible[i]!;
      for (const c of walkComponents(m.components)) if (pred(c)) return { message: m, component: c };
    }
    return null;
  }

  private describeVisibleComponents(ctx: ActContext): string {
    const labels: string[] = [];
    for (const m of this.host.world.visibleTo(ctx).slice(-5)) {
      for (const c of walkComponents(m.components)) {
        if (c.type === ComponentType.Button && c.label) labels.push(JSON.stringify(c.label));
        if (c.type === ComponentType.StringSelect) for (const o of c.options ?? []) labels.push(`option ${JSON.stringify(o.label)}`);
      }
    }
    return labels.length ? ` (visible: ${[...new Set(labels)].join(", ")})` : " (no buttons or menus visible there)";
  }

  private placeLabel(ctx: ActContext): string {
    return ctx.guild ? `${ctx.guild.name} #${ctx.channel.name}` : "their DM with the bot";
  }

  /** The command as this user sees it here: guild commands first, then global ones they may use. */
  private findCommand(ctx: ActContext, name: string): RegisteredCommand {
    const { world } = this.host;
    const visible: RegisteredCommand[] = [];
    if (ctx.guild) visible.push(...(world.guildCommands.get(ctx.guild.id)?.values() ?? []));
    for (const c of world.globalCommands.values()) {
      if (visible.some((v) => v.name === c.name && v.type === c.type)) continue;
      visible.push(c);
    }
    const usable = visible.filter((c) => {
      if (c.type !== ApplicationCommandType.ChatInput) return false;
      if (ctx.guild) {
        if (c.contexts && !c.contexts.includes(InteractionContextType.Guild)) return false;
        if (c.default_member_permissions !== null && c.default_member_permissions !== undefined) {
          const need = BigInt(c.default_member_permissions);
          const have = world.memberPermissions(ctx.guild, ctx.user.id);
          if ((have & PermissionFlagsBits.Administrator) === 0n && (need === 0n || (have & need) !== need)) return false;
        }
      } else {
        if (c.guild_id) return false;
        if (c.contexts ? !c.contexts.includes(InteractionContextType.BotDM) : c.dm_permission === false) return false;
      }
      return true;
    });
    const cmd = usable.find((c) => c.name === name);
    if (cmd) return cmd;
    const hidden = visible.find((c) => c.name === name && c.type === ApplicationCommandType.ChatInput);
    const where = ctx.guild ? `in ${ctx.guild.name}` : "in DMs";
    if (hidden)
      throw new SandboxUsageError(
        `/${name} is registered but not available to ${ctx.user.name} ${where} (contexts or default_member_permissions)`,
      );
    const names = usable.map((c) => `/${c.name}`).sort();
    throw new SandboxUsageError(
      `/${name} is not a registered command ${where}${names.length ? ` (registered: ${names.join(", ")})` : " (no commands registered yet)"}`,
    );
  }

  private optionResolver(ctx: ActContext): OptionResolver {
    const { world } = this.host;
    return {
      user: (ref) => {
        const s = ref.trim();
        const m = /^<@!?(\d+)>$/.exec(s);
        if (m) return world.userById(m[1]!);
        if (/^\d{15,21}$/.test(s)) return world.userById(s);
        const name = s.replace(/^@/, "");
        if (!name) return undefined;
        if (name === world.botUser.name) return world.botUser;
        return world.user(name);
      },
      channel: (ref) => {
        if (!ctx.guild) return undefined;
        const s = ref.trim();
        const m = /^<#(\d+)>$/.exec(s);
        const id = m ? m[1]! : /^\d{15,21}$/.test(s) ? s : null;
        const ch = id ? world.channelById(id) : ctx.guild.channels.get(stripHash(s));
        // Discord offers only channels of this server the member can see.
        if (!ch || ch.guildId !== ctx.guild.id || !(world.channelPermissions(ch, ctx.user.id) & PermissionFlagsBits.ViewChannel))
          return undefined;
        return ch;
      },
      role: (ref) => {
        if (!ctx.guild) return undefined;
        const s = ref.trim();
        const m = /^<@&(\d+)>$/.exec(s);
        const id = m ? m[1]! : /^\d{15,21}$/.test(s) ? s : null;
        if (id) return ctx.guild.roles.get(id);
        const name = s.replace(/^@&?/, "");
        if (name === "everyone") return ctx.guild.roles.get(ctx.guild.everyoneRoleId);
        for (const r of ctx.guild.roles.values()) if (r.name === name) return r;
        return undefined;
      },
    };
  }

  private addResolved(
    resolved: Record<string, Record<string, unknown>>,
    ctx: ActContext,
    kind: "user" | "channel" | "role",
    id: string,
  ): void {
    const { world } = this.host;
    if (kind === "user") {
      const u = world.userById(id);
      if (!u) return;
      (resolved.users ??= {})[id] = userObject(u);
      const member = ctx.guild?.members.get(id);
      if (ctx.guild && member) {
        const { user: _u, ...rest } = memberObject(world, member);
        (resolved.members ??= {})[id] = { ...rest, permissions: world.memberPermissions(ctx.guild, id).toString() };
      }
    } else if (kind === "channel") {
      const ch = world.channelById(id);
      if (!ch) return;
      (resolved.channels ??= {})[id] = {
        id: ch.id,
        name: ch.name,
        type: ch.type,
        // The acting member's permissions in that channel, overwrites included (as Discord sends them).
        permissions: ctx.guild ? world.channelPermissions(ch, ctx.user.id).toString() : "0",
        parent_id: null,
        flags: 0,
      };
    } else {
      const r = ctx.guild?.roles.get(id);
      if (r) (resolved.roles ??= {})[id] = roleObject(r);
    }
  }

  /**
   * A member deletes the newest message the bot posted on its own where `actor` is (a board, a
   * share — not an interaction's reply): MESSAGE_DELETE goes out and the bot's later edits of it
   * get 10008 Unknown Message. Returns the deleted message, or null when there is none.
   */
  deleteNewestPost(actor: Actor): SandboxMessage | null {
    const ctx = this.host.world.context(actor);
    const post = this.host.world.messages(ctx.channel.id).findLast((m) => !m.ephemeral && m.interaction === null);
    if (!post) return null;
    this.host.world.deleteMessage(post);
    this.host.emit({ t: "message_delete", ...ctx.place, id: post.id } satisfies DiscordEvent);
    return post;
  }

  /**
   * The acting user votes for `answer` in the newest poll they can see here that has it; a
   * `rejected` event when the poll has ended. Throws when there is no such poll.
   */
  vote(actor: Actor, answer: string, now: number): void {
    const ctx = this.host.world.context(actor);
    const result = castVote(this.host.world, this.host.world.visibleTo(ctx), ctx.user.id, answer, now);
    if (result === null)
      throw new SandboxUsageError(`no poll with the answer ${JSON.stringify(answer)} on any message ${ctx.user.name} can see here`);
    if ("refused" in result) {
      this.host.emit({
        t: "rejected",
        ...ctx.place,
        user: ctx.user.name,
        channel: ctx.place.channel,
        source: `vote ${JSON.stringify(answer)}`,
        reason: result.refused,
      } satisfies DiscordEvent);
      return;
    }
    this.host.emit({
      t: "poll_vote",
      ...ctx.place,
      user: ctx.user.name,
      channel: ctx.place.channel,
      id: result.message.id,
      answer: result.answer,
    } satisfies DiscordEvent);
  }
}
