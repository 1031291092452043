import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { markWatchedOnList, SUGGESTIONS_PER_MEMBER } from "../../convex/model/serverList";
import { serverListPage } from "../../src/views/server-list";
import { LIMITS } from "../../src/views/limits";
import { fakeDiscord } from "./fake-discord";
import { pass } from "./sessions-helpers";
import { ALICE, BOB, deployment, measure, SECRET, withFakeDiscord, type Deployment } from "./setup";

const GUILD = "300000000000000001";
const CAROL = "100000000000000003";
const as = (discordUserId: string) => ({ secret: SECRET, discordUserId });

const film = (tmdbId: number, title = `Film ${tmdbId}`) => ({
  tmdbId,
  mediaType: "movie" as const,
  title,
  year: 1990 + (tmdbId % 30),
  runtime: 95 + (tmdbId % 60),
});

const add = (t: Deployment, who: string, tmdbId: number, canManageServer = false) =>
  t.mutation(api.bot.serverList.add, {
    ...as(who),
    guildId: GUILD,
    name: who === ALICE ? "alice" : who === BOB ? "bob" : "carol",
    canManageServer,
    title: film(tmdbId),
  });

const finish = (t: Deployment, who: string, tmdbId: number) =>
  t.mutation(api.bot.titles.setStatus, { ...as(who), tmdbId, mediaType: "movie", progressStatus: "finished", title: `Film ${tmdbId}` });

describe("the server's list", () => {
  beforeEach(() => {
    process.env.BOT_WRITE_BURST = "1000";
  });
  afterEach(() => {
    delete process.env.BOT_WRITE_BURST;
  });

  it("caps each member's suggestions with a clear message, and doesn't cap Manage Server", async () => {
    const t = deployment();
    for (let i = 1; i <= SUGGESTIONS_PER_MEMBER; i++) await add(t, ALICE, i);
    await expect(add(t, ALICE, 99)).rejects.toThrow(
      `You have ${SUGGESTIONS_PER_MEMBER} titles on the server's list already — that's the most one member can suggest at once. Remove one of yours with /list remove, or wait until one is watched.`,
    );
    // Someone else's suggestions are their own; a title already there is no new suggestion.
    await add(t, BOB, 99);
    expect((await add(t, ALICE, 99)).already).toBe(true);
    // Taking one of hers off frees a place.
    await t.mutation(api.bot.serverList.remove, { ...as(ALICE), guildId: GUILD, tmdbId: 1, mediaType: "movie", canManageServer: false });
    await add(t, ALICE, 100);
    for (let i = 200; i < 203; i++) await add(t, CAROL, i, true);
    await add(t, CAROL, 203, true);
    await add(t, CAROL, 204, true);
    expect((await add(t, CAROL, 205, true)).mine).toBe(6);
  });

  it("lets only Manage Server lock it; a locked list refuses others' additions and removals with a clear message", async () => {
    const t = deployment();
    await add(t, ALICE, 1);
    await expect(
      t.mutation(api.bot.serverList.setLock, { ...as(BOB), guildId: GUILD, locked: true, canManageServer: false }),
    ).rejects.toThrow("Only members with Manage Server can lock or unlock the server's list.");
    expect(await t.mutation(api.bot.serverList.setLock, { ...as(CAROL), guildId: GUILD, locked: true, canManageServer: true })).toEqual({
      locked: true,
      changed: true,
      listed: 1,
    });
    const locked = "🔒 The server's list is locked — only members with Manage Server can add or remove titles until it's unlocked.";
    await expect(add(t, BOB, 2)).rejects.toThrow(locked);
    await expect(
      t.mutation(api.bot.serverList.remove, { ...as(ALICE), guildId: GUILD, tmdbId: 1, mediaType: "movie", canManageServer: false }),
    ).rejects.toThrow(locked);
    await add(t, CAROL, 3, true);
    const page = await t.query(api.bot.serverList.show, { ...as(BOB), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(page.locked).toBe(true);
    expect(page.entries.map((e) => e.tmdbId)).toEqual([1, 3]);
    await t.mutation(api.bot.serverList.setLock, { ...as(CAROL), guildId: GUILD, locked: false, canManageServer: true });
    await add(t, BOB, 2);
  });

  it("lets a member remove only their own suggestions, and Manage Server remove anything", async () => {
    const t = deployment();
    await add(t, ALICE, 1);
    await expect(
      t.mutation(api.bot.serverList.remove, { ...as(BOB), guildId: GUILD, tmdbId: 1, mediaType: "movie", canManageServer: false }),
    ).rejects.toThrow("**Film 1** was suggested by **alice** — only they, or a member with Manage Server, can take it off the list.");
    const removed = await t.mutation(api.bot.serverList.remove, {
      ...as(BOB),
      guildId: GUILD,
      tmdbId: 1,
      mediaType: "movie",
      canManageServer: true,
    });
    expect(removed).toMatchObject({ entry: { title: "Film 1", suggestedBy: ALICE }, listed: 0 });
    await expect(
      t.mutation(api.bot.serverList.remove, { ...as(ALICE), guildId: GUILD, tmdbId: 1, mediaType: "movie", canManageServer: false }),
    ).rejects.toThrow("That title isn't on the server's list.");
  });

  it("pages a list of 500 titles within Discord's limits, each page reading at most 50 documents, in every order", async () => {
    const t = deployment();
    // Three members with tracking of their own, so seen counts have something to read.
    for (const who of [ALICE, BOB, CAROL]) await add(t, who, 9_000 + Number(who.slice(-1)));
    await t.run(async (ctx) => {
      const list = (await ctx.db.query("server_lists").first())!;
      for (let i = 0; i < 497; i++) {
        await ctx.db.insert("server_list_entries", {
          guildId: GUILD,
          tmdbId: 10_000 + i,
          mediaType: "movie",
          title: `A film with a long enough title to fill the line ${i} ${"*".repeat(40)}`,
          year: 2000,
          runtime: 120,
          suggestedBy: BOB,
          suggestedByName: "bob with a very long display name that goes on",
          addedAt: 1,
          seq: list.nextSeq + i,
          shuffle: (i * 7_919) % 2 ** 31,
          seen: i % 4,
          votes: i % 7,
          state: "listed",
        });
      }
      await ctx.db.patch(list._id, { listed: 500, nextSeq: list.nextSeq + 497 });
    });
    for (const [sort, start] of [
      ["added", undefined],
      ["votes", undefined],
      ["random", 1_234_567],
    ] as const) {
      const seen = new Set<string>();
      let position: any = { sort, page: 1, ...(start !== undefined ? { start } : {}) };
      let maxRead = 0;
      let pages = 0;
      while (position !== null) {
        const { result, costs } = await measure(() => t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position }));
        maxRead = Math.max(maxRead, costs[0]!.documentsRead);
        for (const e of result.entries) seen.add(e.entryId);
        const view = serverListPage({ ...result, position });
        expect(view.embeds[0]!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        for (const row of view.components) for (const c of row.components as any[]) expect(c.custom_id.length).toBeLessThanOrEqual(100);
        if (result.next !== null) expect(result.entries).toHaveLength(10);
        position = result.next;
        pages++;
      }
      expect(seen.size, sort).toBe(500);
      expect(pages, sort).toBe(50);
      expect(maxRead, sort).toBeLessThanOrEqual(50);
    }
  });

  it("never draws a title every member has seen with unseen:true, even when the counts it keeps are out of date", async () => {
    const t = deployment();
    for (let i = 1; i <= 5; i++) await add(t, [ALICE, BOB, CAROL][i % 3]!, i);
    // Everyone finishes 1–4 after they were suggested: the list's stored counts don't know yet.
    for (const who of [ALICE, BOB, CAROL]) for (let i = 1; i <= 4; i++) await finish(t, who, i);
    const drawn = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const pick = await t.mutation(api.bot.serverList.pick, { ...as(ALICE), guildId: GUILD, unseen: true });
      drawn.add(pick.entry.tmdbId);
      expect(pick.entry.seen).toBe(0);
      expect(pick.members).toBe(3);
    }
    expect([...drawn]).toEqual([5]);
    // Without unseen, the others can come up (weighted down, not out).
    const any = new Set<number>();
    for (let i = 0; i < 60; i++)
      any.add((await t.mutation(api.bot.serverList.pick, { ...as(BOB), guildId: GUILD, unseen: false })).entry.tmdbId);
    expect(any.size).toBeGreaterThan(1);
    // Once all five are seen by everyone, unseen:true says so.
    for (const who of [ALICE, BOB, CAROL]) await finish(t, who, 5);
    await expect(t.mutation(api.bot.serverList.pick, { ...as(ALICE), guildId: GUILD, unseen: true })).rejects.toThrow(
      "Everyone here has already seen every title on the list — try /list pick without unseen, or suggest something new.",
    );
  });

  it("recounts who has seen each title in the background when someone new uses the list", async () => {
    vi.useFakeTimers();
    const t = deployment();
    await finish(t, BOB, 1);
    await add(t, ALICE, 1);
    await add(t, ALICE, 2);
    const before = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(before.entries.map((e) => e.seen)).toEqual([0, 0]);
    // Bob's first use of the list counts him: his tracking joins the counts once the job has run.
    await add(t, BOB, 3);
    await t.finishAllScheduledFunctions(vi.runAllTimers);
    const after = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(after.entries.map((e) => [e.tmdbId, e.seen])).toEqual([
      [1, 1],
      [2, 0],
      [3, 0],
    ]);
    expect(after.members).toBe(2);
    vi.useRealTimers();
  });

  it("forgets a member who deletes their Discord data: not counted any more, their suggestions unnamed", async () => {
    const t = deployment();
    await add(t, ALICE, 1);
    await add(t, BOB, 2);
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: BOB });
    const page = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(page.members).toBe(1);
    expect(page.entries.map((e) => [e.tmdbId, e.suggestedByName])).toEqual([
      [1, "alice"],
      [2, "a former member"],
    ]);
    expect(JSON.stringify(await t.run((ctx) => ctx.db.query("server_list_entries").collect()))).not.toContain(BOB);
  });

  it("refuses a poll on a list with fewer than two titles, with a clear message", async () => {
    vi.useFakeTimers();
    const t = deployment();
    const poll = () =>
      t.mutation(api.bot.serverList.startPoll, { ...as(ALICE), guildId: GUILD, channelId: "300000000000000002", hours: 24 });
    await expect(poll()).rejects.toThrow(
      "A poll needs at least two titles to choose from, and the server's list has none — suggest more with /list add.",
    );
    await add(t, ALICE, 1);
    await expect(poll()).rejects.toThrow(
      "A poll needs at least two titles to choose from, and the server's list has only one — suggest more with /list add.",
    );
    await add(t, BOB, 2);
    expect((await poll()).count).toBe(2);
    vi.useRealTimers();
  });

  it("takes a film off the list once the server watched it (markWatchedOnList), and a page no longer offers it", async () => {
    const t = deployment();
    await add(t, ALICE, 1);
    await add(t, BOB, 2);
    const at = Date.UTC(2026, 11, 5);
    expect(await t.run((ctx) => markWatchedOnList(ctx, { guildId: GUILD, tmdbId: 1, mediaType: "movie", watchedAt: at }))).toBe(true);
    expect(await t.run((ctx) => markWatchedOnList(ctx, { guildId: GUILD, tmdbId: 1, mediaType: "movie", watchedAt: at }))).toBe(false);
    const page = await t.query(api.bot.serverList.show, { ...as(BOB), guildId: GUILD, position: { sort: "added", page: 1 } });
    expect(page.entries.map((e) => e.tmdbId)).toEqual([2]);
    expect(page.listed).toBe(1);
    const row = await t.run(
      async (ctx) =>
        await ctx.db
          .query("server_list_entries")
          .filter((q) => q.eq(q.field("tmdbId"), 1))
          .first(),
    );
    expect(row).toMatchObject({ state: "watched", watchedAt: at });
  });

  it("brings titles from one of the member's own lists, up to their cap, and refuses someone else's list", async () => {
    const t = deployment();
    await add(t, ALICE, 1);
    const listId = await t.run(async (ctx) => {
      const account = (await ctx.db.query("discord_accounts").first())!;
      const id = await ctx.db.insert("lists", { userId: account.userId, name: "Heists", sortOrder: 0, createdAt: 1, updatedAt: 1 });
      for (const [i, tmdbId] of [1, 11, 12, 13, 14, 15, 16].entries())
        await ctx.db.insert("list_items", {
          userId: account.userId,
          listId: id,
          tmdbId,
          mediaType: "movie",
          addedAt: i,
          title: `Heist ${tmdbId}`,
          release_date: "1995-12-15",
        });
      return id;
    });
    expect(await t.query(api.bot.serverList.myLists, { ...as(ALICE) })).toEqual([{ listId, name: "Heists" }]);
    const result = await t.mutation(api.bot.serverList.addFrom, {
      ...as(ALICE),
      guildId: GUILD,
      name: "alice",
      canManageServer: false,
      listId,
    });
    expect(result.added.map((e) => [e.title, e.year])).toEqual([
      ["Heist 11", 1995],
      ["Heist 12", 1995],
      ["Heist 13", 1995],
      ["Heist 14", 1995],
    ]);
    expect(result).toMatchObject({ listName: "Heists", already: 1, left: 2, cap: SUGGESTIONS_PER_MEMBER });
    await expect(
      t.mutation(api.bot.serverList.addFrom, { ...as(BOB), guildId: GUILD, name: "bob", canManageServer: false, listId }),
    ).rejects.toThrow("I can't find that list among yours");
  });
});

describe("a poll on the server's list", () => {
  const CHANNEL = "300000000000000002";
  let discord: ReturnType<typeof fakeDiscord>;
  withFakeDiscord(
    () => {
      discord = fakeDiscord({ dmChannel: "400000000000000009" });
    },
    Date.UTC(2026, 11, 2, 18),
  );
  beforeEach(() => {
    process.env.BOT_WRITE_BURST = "1000";
  });
  afterEach(() => {
    delete process.env.BOT_WRITE_BURST;
  });

  it("offers the least-seen titles first, and when it closes posts the winner with Schedule it for its starter, pinging nobody", async () => {
    const t = deployment();
    for (const [who, id] of [
      [ALICE, 1],
      [BOB, 2],
      [CAROL, 3],
    ] as const)
      await add(t, who, id);
    for (const who of [ALICE, BOB]) await finish(t, who, 1);
    await finish(t, CAROL, 2);
    const started = await t.mutation(api.bot.serverList.startPoll, { ...as(BOB), guildId: GUILD, channelId: CHANNEL, hours: 48 });
    expect(started.entries.map((e) => [e.tmdbId, e.seen])).toEqual([
      [3, 0],
      [2, 1],
      [1, 2],
    ]);
    await expect(t.mutation(api.bot.serverList.startPoll, { ...as(ALICE), guildId: GUILD, channelId: CHANNEL, hours: 1 })).rejects.toThrow(
      /^.*A poll on the server's list is already open until <t:\d+:f> in <#300000000000000002>/,
    );
    await pass(t, 3_000);
    const posted = discord.messages.find((m) => m.body.poll)!;
    expect(posted.body.poll.answers.map((a: any) => a.poll_media.text)).toEqual(["Film 3 (1993)", "Film 2 (1992)", "Film 1 (1991)"]);
    expect(posted.body.poll.duration).toBe(48);
    expect(posted.body.allowed_mentions).toEqual({ parse: [] });
    discord.state.pollCounts = [
      { id: 1, count: 1 },
      { id: 2, count: 3 },
    ];
    await pass(t, 48 * 3_600_000 + 10_000, 60_000);
    const result = discord.messages.find((m) => m.body.content?.startsWith("🗳️ The poll picked"))!;
    expect(result.body.content).toBe(
      `🗳️ The poll picked **Film 2** (1992) with 3 votes! <@${BOB}>, press **Schedule it** to set up the night.`,
    );
    expect(result.body.allowed_mentions).toEqual({ parse: [] });
    expect(result.body.components[0].components[0]).toMatchObject({ label: "Schedule it", custom_id: `list:schedule:${BOB}:m2` });
    // The votes stay with the titles: sort:votes puts the winner first.
    const page = await t.query(api.bot.serverList.show, { ...as(ALICE), guildId: GUILD, position: { sort: "votes", page: 1 } });
    expect(page.entries.map((e) => [e.tmdbId, e.votes])).toEqual([
      [2, 3],
      [3, 1],
      [1, 0],
    ]);
    // Closed: another poll may start.
    expect((await t.mutation(api.bot.serverList.startPoll, { ...as(ALICE), guildId: GUILD, channelId: CHANNEL, hours: 1 })).count).toBe(3);
  });
});
