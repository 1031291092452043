import { afterEach, describe, expect, it } from "vitest";
import { DiscordSandbox } from "../../sandbox/discord/index.ts";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { parseScript, runScript } from "../../sandbox/script.ts";

const GUILD = "Film Club";
const NOW = Date.UTC(2026, 10, 26, 9, 0);

let sandbox: DiscordSandbox | null = null;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = null;
});

async function start() {
  sandbox = new DiscordSandbox({ now: () => NOW });
  await sandbox.start();
  const channel = sandbox.channel(GUILD, "general");
  const events: SandboxEvent[] = [];
  sandbox.on("event", (e: SandboxEvent) => events.push(e));
  const guildId = sandbox.guild(GUILD).id;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox!.restApiBase}/v10/guilds/${guildId}/scheduled-events${path}`, {
      method,
      headers: { authorization: `Bot ${sandbox!.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
  };
  return { sandbox, channel, events, call };
}

const external = (over: Record<string, unknown> = {}) => ({
  name: "Game of Thrones · Season 1",
  privacy_level: 2,
  entity_type: 3,
  entity_metadata: { location: "https://discord.com/channels/1/2" },
  scheduled_start_time: new Date(NOW + 86_400_000).toISOString(),
  scheduled_end_time: new Date(NOW + 86_400_000 + 7_200_000).toISOString(),
  ...over,
});

describe("the sandbox's Guild Scheduled Events", () => {
  it("refuse a bot without Create Events, and accept it once granted by the script verb", async () => {
    const { call, sandbox, events } = await start();
    expect(await call("POST", "", external())).toMatchObject({ status: 403, body: { code: 50013 } });
    await runScript(parseScript(`as alice\nin "${GUILD}" #general\ngrant create-events`), sandbox, { wait: async () => {} }, () => {});
    const created = await call("POST", "", external());
    expect(created).toMatchObject({
      status: 200,
      body: { entity_type: 3, status: 1, channel_id: null, entity_metadata: { location: "https://discord.com/channels/1/2" } },
    });
    expect(events.find((e) => e.t === "scheduled_event")).toMatchObject({
      action: "create",
      guild: GUILD,
      event: { name: "Game of Thrones · Season 1" },
    });
    expect((await call("GET", "")).body).toHaveLength(1);
    await runScript(parseScript(`as alice\nin "${GUILD}" #general\nrevoke create-events`), sandbox, { wait: async () => {} }, () => {});
    expect(await call("DELETE", `/${created.body.id}`)).toMatchObject({ status: 403, body: { code: 50013 } });
  });

  it("validate external events as Discord does: location, end time, no channel, times in the future", async () => {
    const { call, sandbox } = await start();
    sandbox.setCreateEvents(GUILD, true);
    const refused = async (over: Record<string, unknown>, field: string) => {
      const r = await call("POST", "", external(over));
      expect(r.status).toBe(400);
      expect(r.body.code).toBe(50035);
      expect(JSON.stringify(r.body.errors)).toContain(field);
    };
    await refused({ entity_metadata: { location: "" } }, "location");
    await refused({ entity_metadata: { location: "x".repeat(101) } }, "location");
    await refused({ scheduled_end_time: undefined }, "scheduled_end_time");
    await refused({ channel_id: "300000000000000002" }, "channel_id");
    await refused({ scheduled_start_time: new Date(NOW - 60_000).toISOString() }, "scheduled_start_time");
    await refused({ scheduled_end_time: new Date(NOW).toISOString() }, "scheduled_end_time");
    await refused({ name: "" }, "name");
    await refused({ privacy_level: 1 }, "privacy_level");
    expect((await call("GET", "")).body).toHaveLength(0);
  });

  it("edit and delete an event, and answer 10070 for one that is gone", async () => {
    const { call, sandbox } = await start();
    sandbox.setCreateEvents(GUILD, true);
    const { body: event } = await call("POST", "", external());
    const later = new Date(NOW + 2 * 86_400_000).toISOString();
    const later2h = new Date(NOW + 2 * 86_400_000 + 7_200_000).toISOString();
    expect(await call("PATCH", `/${event.id}`, { scheduled_start_time: later, scheduled_end_time: later2h })).toMatchObject({
      status: 200,
      body: { scheduled_start_time: later },
    });
    expect(sandbox.scheduledEvents(GUILD)).toEqual([expect.objectContaining({ id: event.id, start: later, end: later2h })]);
    expect((await call("DELETE", `/${event.id}`)).status).toBe(204);
    expect(await call("GET", `/${event.id}`)).toMatchObject({ status: 404, body: { code: 10070 } });
    expect(await call("PATCH", `/${event.id}`, { name: "x" })).toMatchObject({ status: 404, body: { code: 10070 } });
  });

  it("cap a guild at 100 scheduled events", async () => {
    const { call, sandbox } = await start();
    sandbox.setCreateEvents(GUILD, true);
    for (let i = 0; i < 100; i++) expect((await call("POST", "", external({ name: `Event ${i}` }))).status).toBe(200);
    expect(await call("POST", "", external())).toMatchObject({ status: 400, body: { code: 30038 } });
  });
});
