import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { ALICE, BOB, deployment, SECRET, webUser, withFakeDiscord, type Deployment } from "./setup";
import { CAROL, CHANNEL, DAN, fakeSessions, pass, as, here, FRIDAY_2100_BERLIN, schedule } from "./sessions-helpers";

/** Fight Club, as the bot sends it after reading TMDB (the title's markdown is escaped when shown). */
const FIGHT_CLUB = {
  title: "Fight *Club*",
  year: 1999,
  runtime: 139,
  posterUrl: "https://image.tmdb.org/t/p/w342/fight-club.jpg",
  providers: { region: "US", link: "https://www.themoviedb.org/movie/550/watch?locale=US", stream: ["Hulu"], rent: ["Apple TV"], buy: [] },
};

async function movieParty(t: Deployment, movie: Record<string, unknown> = FIGHT_CLUB) {
  const { party } = await t.mutation(api.bot.parties.start, {
    ...as(ALICE),
    ...here,
    tmdbId: 550,
    movie: movie as any,
    displayName: "alice",
  });
  await t.mutation(api.bot.sessions.setZone, { ...as(ALICE), zone: "Europe/Berlin" });
  return party;
}

/** Bob has a web account linked: what the web app reads for him is what his clicks wrote. */
async function linkBob(t: Deployment) {
  await t.run(async (ctx) => {
    const userId = await ctx.db.insert("users", { tokenIdentifier: "user_bob" });
    await ctx.db.insert("discord_accounts", {
      discordUserId: BOB,
      userId,
      listPublic: false,
      remindersEnabled: true,
      createdAt: 0,
      linkedAt: 1,
    });
  });
}

describe("movie parties", () => {
  let discord: ReturnType<typeof fakeSessions>;
  withFakeDiscord(
    () => {
      discord = fakeSessions();
    },
    Date.UTC(2026, 10, 26, 9, 0),
  );
  const board = () => {
    const msg = discord.messages.filter((x) => x.channelId === CHANNEL && x.body.embeds?.length).at(-1);
    return msg ? `${msg.body.embeds[0].title}\n${msg.body.embeds[0].description}` : "";
  };

  it("a movie night: Going pings only those going; I was there marks the film finished for each clicker; the board counts the night", async () => {
    const t = deployment();
    await linkBob(t);
    const p = await movieParty(t);
    expect(p.label).toBe("Fight *Club*");
    await pass(t, 3_000);
    // The board: the film, its runtime, where to watch it in the server's region, how many have seen it.
    expect(board()).toContain("🎬 Fight \\*Club\\*");
    expect(board()).toContain("1999 · ⏱️ 2h 19m");
    expect(board()).toContain("**Where to watch** (US): Stream: Hulu · Rent: Apple TV");
    expect(board()).toContain("👀 0 of 1 member has already seen it");
    const buttons = discord.messages.filter((x) => x.body.embeds?.length).at(-1)!.body.components[0].components;
    expect(buttons.map((b: any) => b.label)).toEqual(["Join", "We watched it"]);

    // Carol has seen it already (her own tracking), and joins.
    await t.mutation(api.bot.titles.setStatus, { ...as(CAROL), tmdbId: 550, mediaType: "movie", progressStatus: "finished" });
    await t.mutation(api.bot.parties.join, { ...as(CAROL), ...here, displayName: "carol" });

    // Weekly makes no sense for one film; once is the night.
    await expect(schedule(t, p.partyId, FRIDAY_2100_BERLIN, { weekly: true })).rejects.toMatchObject({
      data: { message: expect.stringContaining("one night") },
    });
    const session = await schedule(t, p.partyId, FRIDAY_2100_BERLIN);
    await t.mutation(api.bot.sessions.rsvp, { ...as(BOB), sessionId: session.sessionId, answer: "going", displayName: "bob" });
    await t.mutation(api.bot.sessions.rsvp, { ...as(CAROL), sessionId: session.sessionId, answer: "cant", displayName: "carol" });
    await pass(t, 5_000);
    expect(board()).toContain("👀 1 of 3 members has already seen it");
    expect(board()).toContain("✅ 2 going (alice, bob) · 🤔 0 maybe · ❌ 1 can't");

    // The start post pings exactly those going.
    await pass(t, FRIDAY_2100_BERLIN - Date.now() + 2_000, 60_000);
    const start = discord.posts().find((x) => x.body.content.includes("starting now"))!;
    expect(start.body.allowed_mentions).toEqual({ parse: [], users: [ALICE, BOB] });
    expect(start.body.content).not.toContain(CAROL);

    // Two hours after the start: "Did you watch Fight Club?" with I was there.
    await pass(t, 2 * 60 * 60_000, 60_000);
    const after = discord.posts().find((x) => x.body.content.startsWith("🍿 Did you watch"))!;
    expect(after.body.content).toContain("Did you watch **Fight \\*Club\\***?");
    expect(after.body.allowed_mentions).toEqual({ parse: [] });
    const promptId = after.body.components[0].components[0].custom_id.split(":")[2];

    // A reaction without having been there is refused.
    await expect(t.mutation(api.bot.parties.react, { ...as(BOB), promptId, reaction: "loved" })).rejects.toMatchObject({
      data: { message: expect.stringContaining("I was there") },
    });
    expect(await t.mutation(api.bot.parties.there, { ...as(ALICE), promptId })).toMatchObject({ movie: true, changed: 1 });
    expect(await t.mutation(api.bot.parties.there, { ...as(BOB), promptId })).toMatchObject({ movie: true, changed: 1 });
    // A second click counts once.
    expect(await t.mutation(api.bot.parties.there, { ...as(BOB), promptId })).toMatchObject({ changed: 0, unchanged: 1 });
    await t.mutation(api.bot.parties.react, { ...as(ALICE), promptId, reaction: "loved" });
    await t.mutation(api.bot.parties.react, { ...as(BOB), promptId, reaction: "liked" });

    // Each clicker has the film finished in their own tracking, with their reaction; Dan, who never clicked, has nothing.
    const items = await t.run(async (ctx) => await ctx.db.query("watch_items").collect());
    const movieItems = items.filter((i) => i.tmdbId === 550 && i.mediaType === "movie");
    expect(movieItems).toHaveLength(3); // alice, bob (clicked) and carol (her own /watch status)
    const bobState = await webUser(t, "user_bob").query(api.watchlist.getMediaState, { tmdbId: 550, mediaType: "movie" });
    // The web app's own word for finished, exactly as /watch status stores it.
    expect(bobState).toMatchObject({ progressStatus: "done", progress: 100, reaction: "liked" });
    const dan = await t.run(async (ctx) =>
      ctx.db
        .query("discord_accounts")
        .filter((q) => q.eq(q.field("discordUserId"), DAN))
        .first(),
    );
    expect(dan).toBeNull();

    await pass(t, 5_000);
    expect(board()).toMatch(/🍿 \*\*How the night went\*\* \(<t:\d+:D>\): 2 were there · ❤️ 1 Loved · 👍 1 Liked/);
    expect(board()).toContain("👀 3 of 3 members have already seen it");
    // Counts only: nobody's reaction is named.
    expect(board()).not.toMatch(/alice.*Loved|bob.*Liked/);

    // The prompt (who was there, who chose what) is swept a week after it expires; the board's counts stay.
    await t.run(async (ctx) => {
      for (const prompt of await ctx.db.query("party_prompts").collect()) await ctx.db.delete(prompt._id);
    });
    await t.mutation(api.bot.parties.join, { ...as(DAN), ...here, displayName: "dan" });
    await pass(t, 5_000);
    expect(board()).toContain("**dan**");
    expect(board()).toMatch(/2 were there · ❤️ 1 Loved · 👍 1 Liked/);
  });

  it("the host's We watched it asks who was there, marks the host, and /party watched says it's a movie party", async () => {
    const t = deployment();
    const p = await movieParty(t);
    await expect(t.mutation(api.bot.parties.watched, { ...as(ALICE), ...here, episodes: [1] })).rejects.toMatchObject({
      data: { message: expect.stringContaining("movie party") },
    });
    const prompt = await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: p.partyId });
    expect(prompt).toMatchObject({ movie: true, markedForYou: 1, what: "" });
    // Only the host is marked; nobody else is, until they click.
    const finished = await t.run(async (ctx) => (await ctx.db.query("watch_items").collect()).filter((i) => i.tmdbId === 550));
    expect(finished).toHaveLength(1);
    await expect(t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: p.partyId })).rejects.toMatchObject({
      data: { message: expect.stringContaining("a moment ago") },
    });
    await pass(t, 3_000);
    expect(board()).toContain("1 was there");
    // A prompt expires after 6 hours: then the film is marked by hand.
    await pass(t, 7 * 60 * 60_000, 60 * 60_000);
    await expect(t.mutation(api.bot.parties.there, { ...as(BOB), promptId: prompt.promptId })).rejects.toMatchObject({
      data: { message: "That prompt has expired — mark the movie with /watch status." },
    });
    // /party status: the same board, privately, with the asker's own line.
    const status = await t.mutation(api.bot.parties.status, { ...as(ALICE), ...here });
    expect(status.board.movie).toMatchObject({ seen: 1, runtime: 139, night: { there: 1 } });
  });

  it("checks the film's facts: a bad region is refused, odd values are dropped, a name can't break its line", async () => {
    const t = deployment();
    await expect(movieParty(t, { ...FIGHT_CLUB, providers: { ...FIGHT_CLUB.providers, region: "usa" } })).rejects.toMatchObject({
      data: { message: expect.stringContaining("country code") },
    });
    expect(await t.run(async (ctx) => await ctx.db.query("parties").collect())).toHaveLength(0);
    await movieParty(t, {
      title: "A\u202eB\nC",
      year: 99999,
      runtime: -4,
      posterUrl: "javascript:alert(1)",
      providers: { region: "US", link: "nope", stream: ["<@123> Netflix\n"], rent: [], buy: [] },
    });
    const party = await t.run(async (ctx) => (await ctx.db.query("parties").collect())[0]!);
    expect(party).toMatchObject({
      mediaType: "movie",
      title: "AB C",
      movie: { providers: { region: "US", stream: ["<@123> Netflix"], rent: [], buy: [] } },
    });
    expect(party.movie).not.toHaveProperty("year");
    expect(party.movie).not.toHaveProperty("runtime");
    expect(party.movie).not.toHaveProperty("posterUrl");
    await pass(t, 3_000);
    const msg = discord.messages.filter((x) => x.body.embeds?.length).at(-1)!;
    expect(msg.body.allowed_mentions).toEqual({ parse: [] });
    expect(board()).toContain("Stream: <\u200b@123> Netflix");
  });
  it("deleting one's Discord data takes their name off the movie nights they were at; the board's counts stay", async () => {
    const t = deployment();
    const p = await movieParty(t);
    const prompt = await t.mutation(api.bot.parties.watchedNext, { ...as(ALICE), ...here, partyId: p.partyId });
    await t.mutation(api.bot.parties.there, { ...as(BOB), promptId: prompt.promptId });
    await t.mutation(api.bot.parties.react, { ...as(BOB), promptId: prompt.promptId, reaction: "loved" });
    await t.mutation(api.bot.linking.deleteDiscordData, { secret: SECRET, discordUserId: BOB });
    const rows = await t.run(async (ctx) => ({
      prompts: await ctx.db.query("party_prompts").collect(),
      party: await ctx.db.get(p.partyId as never),
    }));
    expect(JSON.stringify(rows.prompts)).not.toContain(BOB);
    expect(rows.prompts[0]!.attendees).toEqual([{ discordUserId: ALICE }]);
    expect((rows.party as { movieNight?: { there: number } }).movieNight?.there).toBe(2);
  });
});
