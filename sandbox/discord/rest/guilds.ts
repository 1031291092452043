/** Guilds, their channels, roles and members. */
import { DiscordErrors } from "../errors.ts";
import { channelObject, guildObject, memberObject, roleObject } from "../serialize.ts";
import type { SandboxGuild } from "../types.ts";
import type { RequestCtx, Route, RestCore } from "./router.ts";

export function guildRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  const guild = (ctx: RequestCtx): SandboxGuild => {
    const g = world.guildById(ctx.params.guild!);
    if (!g) throw DiscordErrors.unknownGuild();
    ctx.place = { guild: g.name };
    return g;
  };
  route("GET", "/guilds/:guild", true, (ctx) => ({ status: 200, body: guildObject(guild(ctx), ctx.query.get("with_counts") === "true") }));
  route("GET", "/guilds/:guild/channels", true, (ctx) => ({
    status: 200,
    body: [...guild(ctx).channels.values()].map((c) => channelObject(world, c)),
  }));
  route("GET", "/guilds/:guild/roles", true, (ctx) => ({ status: 200, body: [...guild(ctx).roles.values()].map(roleObject) }));
  route("GET", "/guilds/:guild/members/:user", true, (ctx) => {
    const m = guild(ctx).members.get(ctx.params.user!);
    if (!m) throw DiscordErrors.unknownMember();
    return { status: 200, body: memberObject(world, m) };
  });
  route("GET", "/guilds/:guild/members", true, (ctx) => {
    const g = guild(ctx);
    const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? 1) || 1));
    const after = ctx.query.get("after") ?? "0";
    const list = [...g.members.values()]
      .filter((m) => BigInt(m.userId) > BigInt(after))
      .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
      .slice(0, limit);
    return { status: 200, body: list.map((m) => memberObject(world, m)) };
  });
}
