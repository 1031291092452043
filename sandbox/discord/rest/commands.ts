/** Registering application commands, globally or in one guild, with Discord's validation. */
import { normalizeCommand, validateCommandDefinition, type RegisteredCommand } from "../commands.ts";
import { DiscordErrors, FormErrors } from "../errors.ts";
import { stableSnowflake } from "../snowflake.ts";
import type { RequestCtx, Route, RestCore } from "./router.ts";

interface Scope {
  guildId?: string;
  map: Map<string, RegisteredCommand>;
}

export function commandRoutes(route: Route, core: RestCore): void {
  const { world, config } = core;
  const scope = (ctx: RequestCtx): Scope => {
    if (ctx.params.app !== config.applicationId) throw DiscordErrors.unknownApplication();
    const gid = ctx.params.guild;
    if (gid === undefined) return { map: world.globalCommands };
    if (!world.guildById(gid)) throw DiscordErrors.missingAccess();
    let map = world.guildCommands.get(gid);
    if (!map) {
      map = new Map();
      world.guildCommands.set(gid, map);
    }
    return { guildId: gid, map };
  };
  const register = (def: any, s: Scope): RegisteredCommand => {
    const type = def.type ?? 1;
    const existing = [...s.map.values()].find((c) => c.name === def.name && c.type === type);
    const id = existing?.id ?? stableSnowflake("command", `${s.guildId ?? "global"}\u0000${type}\u0000${def.name}`);
    return normalizeCommand(def, { id, applicationId: config.applicationId, version: world.ids.next(config.now()), guildId: s.guildId });
  };
  for (const base of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
    // Like Discord, the localization dictionaries come only with ?with_localizations=true.
    route("GET", base, true, (ctx) => {
      const all = [...scope(ctx).map.values()];
      return { status: 200, body: ctx.query.get("with_localizations") === "true" ? all : all.map(withoutLocalizations) };
    });
    route("PUT", base, true, (ctx) => {
      const s = scope(ctx);
      const defs = ctx.body;
      const errs = new FormErrors();
      if (!Array.isArray(defs)) {
        errs.add([], "BASE_TYPE_ARRAY", "Must be an array.");
        throw DiscordErrors.invalidForm(errs);
      }
      if (defs.length > 100) errs.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
      const seen = new Set<string>();
      defs.forEach((d: any, i: number) => {
        validateCommandDefinition(errs, [i], d);
        const key = `${d?.type ?? 1}:${d?.name}`;
        if (seen.has(key)) errs.add([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
        seen.add(key);
      });
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
      const cmds = defs.map((d: any) => register(d, s));
      s.map.clear();
      for (const c of cmds) s.map.set(c.id, c);
      core.log("info", "commands registered", { scope: s.guildId ?? "global", names: cmds.map((c) => c.name) });
      return { status: 200, body: cmds };
    });
    route("POST", base, true, (ctx) => {
      const s = scope(ctx);
      const errs = new FormErrors();
      validateCommandDefinition(errs, [], ctx.body);
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
      const type = ctx.body.type ?? 1;
      const existed = [...s.map.values()].some((c) => c.name === ctx.body.name && c.type === type);
      const cmd = register(ctx.body, s);
      s.map.set(cmd.id, cmd);
      return { status: existed ? 200 : 201, body: cmd };
    });
    route("GET", `${base}/:command`, true, (ctx) => {
      const cmd = scope(ctx).map.get(ctx.params.command!);
      if (!cmd) throw DiscordErrors.unknownCommand();
      return { status: 200, body: cmd };
    });
    route("PATCH", `${base}/:command`, true, (ctx) => {
      const s = scope(ctx);
      const cur = s.map.get(ctx.params.command!);
      if (!cur) throw DiscordErrors.unknownCommand();
      const merged = { ...cur, ...ctx.body };
      const errs = new FormErrors();
      validateCommandDefinition(errs, [], merged);
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
      const cmd = normalizeCommand(merged, {
        id: cur.id,
        applicationId: config.applicationId,
        version: world.ids.next(config.now()),
        guildId: s.guildId,
      });
      s.map.set(cmd.id, cmd);
      return { status: 200, body: cmd };
    });
    route("DELETE", `${base}/:command`, true, (ctx) => {
      const s = scope(ctx);
      if (!s.map.delete(ctx.params.command!)) throw DiscordErrors.unknownCommand();
      return { status: 204 };
    });
  }
}

/** A registered command as Discord lists it without ?with_localizations=true: no localization dictionaries, at any depth. */
function withoutLocalizations<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutLocalizations) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "name_localizations" || key === "description_localizations") continue;
    out[key] = withoutLocalizations(inner);
  }
  return out as T;
}
