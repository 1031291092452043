import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webEpisodes, webItem, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const last = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);
const at = (user: string) => `as ${user}\nin movie-club #general\n`;

describe("/watch", () => {
  it("adds a title picked from autocomplete and shows its card with status buttons", async () => {
    const events = await run(s, `${at("ann")}autocomplete /watch add title:incep\n/watch add title:movie:27205`);
    expect(ofType(events, "autocomplete")[0]!.choices[0]).toEqual({ name: "Inception (2010) · Movie", value: "movie:27205" });
    const reply = last(events);
    expect(reply).toMatchObject({ ephemeral: true });
    expect(text(reply)).toContain("Added **Inception** (2010) to your watchlist");
    expect(buttons(reply)).toEqual(expect.arrayContaining(["Want to watch", "Watching", "Finished", "Remove from watchlist", "Undo"]));
    expect(await webItem(s, "ann", 27205, "movie")).toMatchObject({
      inWatchlist: true,
      progressStatus: "watch-later",
      title: "Inception",
      release_date: "2010-07-15",
    });
  });

  it("accepts a TMDB id with a type, or without one when only a movie or only a show has it", async () => {
    const events = await run(s, `${at("ann")}/watch add title:603 type:movie\n/watch info title:1399\n/watch info title:424242`);
    const replies = ofType(events, "reply");
    expect(text(replies[0])).toContain("The Matrix");
    expect(text(replies[1])).toContain("Game of Thrones");
    expect(text(replies[2])).toContain("TMDB has no movie or show with id 424242.");
  });

  it("says so when a title is already on the list or cannot be found", async () => {
    const events = await run(
      s,
      `${at("ann")}/watch add title:movie:27205\n/watch add title:"zzzz no such film"\n/watch info title:movie:999999`,
    );
    const replies = ofType(events, "reply");
    expect(text(replies[0])).toContain("already on your watchlist");
    expect(text(replies[1])).toContain("couldn't find");
    expect(text(replies[2])).toContain("TMDB has no movie with id 999999");
  });

  it("sets a status with progress, and undoes it with the button", async () => {
    const events = await run(s, `${at("bea")}/watch status title:movie:155 status:watching progress:40`);
    expect(text(last(events))).toContain("Watching — **The Dark Knight**");
    expect(await webItem(s, "bea", 155, "movie")).toMatchObject({ progressStatus: "watching", progress: 40, inWatchlist: false });
    await run(s, `${at("bea")}/watch status title:movie:155 status:finished`);
    expect(await webItem(s, "bea", 155, "movie")).toMatchObject({ progressStatus: "done", progress: 100 });
    const undo = await run(s, `${at("bea")}click "Undo"`);
    expect(text(last(undo))).toContain("Undone — The Dark Knight is back to Watching");
    expect(await webItem(s, "bea", 155, "movie")).toMatchObject({ progressStatus: "watching", progress: 40 });
  });

  it("reacts, offers to share a loved title, posts it to the channel, and clears", async () => {
    const events = await run(s, `${at("cal")}/watch react title:movie:496243 reaction:loved\nclick "Share"`);
    const shared = ofType(events, "reply", "followup").find((e) => e.ephemeral === false);
    expect(shared).toBeDefined();
    expect(text(shared)).toContain("loved **Parasite**");
    expect(shared!.mentions).toEqual({ everyone: false, users: [], roles: [] });
    expect(await webItem(s, "cal", 496243, "movie")).toMatchObject({ reaction: "loved" });
    await run(s, `${at("cal")}/watch react title:movie:496243 reaction:clear`);
    expect((await webItem(s, "cal", 496243, "movie"))?.reaction).toBeUndefined();
  });

  it("offers no Undo for a reaction the title already has, and draws the card after Undo like every other card", async () => {
    const events = await run(s, `${at("cat")}/watch react title:603 reaction:loved\n/watch react title:603 reaction:loved`);
    const [first, again] = ofType(events, "reply");
    expect(buttons(first)).toContain("Undo");
    expect(again!.content).toBe("Nothing changed — your reaction to **The Matrix** (1999) was already Loved.");
    expect(buttons(again)).not.toContain("Undo");

    const changed = await run(s, `${at("cat")}/watch react title:603 reaction:liked\nclick "Undo"`);
    const undone = ofType(changed, "reply_edit").at(-1)!;
    expect(undone.content).toBe("↩️ Undone — your reaction to The Matrix is back to loved.");
    expect(text(undone)).toContain("Reaction: ❤️ Loved");
    // The same facts line and poster size as the card it replaces.
    expect(text(undone)).toContain("Movie · 1999 · ★ 8.2 · Action, Science Fiction");
    expect(undone.embeds[0].thumbnail.url).toBe(ofType(changed, "reply")[0]!.embeds[0].thumbnail.url);
    expect(undone.embeds[0].thumbnail.url).toMatch(/\/t\/p\/w342\//);

    // A card drawn from what Convex stores (the bot restarted, so it holds no TMDB details) has the same poster size.
    const later = await run(s, `${at("cat")}/watch react title:603 reaction:mixed\nrestart bot\nclick "Undo"`);
    expect(ofType(later, "reply_edit").at(-1)!.embeds[0].thumbnail.url).toMatch(/\/t\/p\/w342\//);
  });

  it("changes status and reaction from the card's buttons and menu", async () => {
    const events = await run(s, `${at("dee")}/watch info title:movie:680\nclick "Finished"\nselect "👍 Liked"`);
    expect(text(last(events))).toContain("Liked — **Pulp Fiction**");
    expect(await webItem(s, "dee", 680, "movie")).toMatchObject({ progressStatus: "done", reaction: "liked" });
  });

  it("removes from the watchlist but keeps progress and reaction", async () => {
    await run(s, `${at("eve")}/watch add title:tv:1396\n/ep 1396 1 1-3\n/watch react title:tv:1396 reaction:liked`);
    const events = await run(s, `${at("eve")}/watch remove title:tv:1396\n/watch remove title:tv:1396`);
    const replies = ofType(events, "reply");
    expect(text(replies[0])).toContain("Removed **Breaking Bad** (2008) from your watchlist. Your progress and reaction are kept.");
    expect(text(replies[1])).toContain("wasn't on your watchlist — nothing changed");
    expect(await webItem(s, "eve", 1396, "tv")).toMatchObject({ inWatchlist: false, reaction: "liked", progressStatus: "watching" });
    expect(await webEpisodes(s, "eve", 1396)).toEqual(["S1E1", "S1E2", "S1E3"]);
  });

  it("shows poster, overview, status, reaction and episode progress in /watch info", async () => {
    const events = await run(s, `${at("fay")}/ep 87108 1 1-2\n/watch info title:tv:87108`);
    const card = last(events)!;
    expect(card.embeds[0].thumbnail.url).toMatch(/^https:\/\/image\.tmdb\.org\/t\/p\/w342\//);
    expect(text(card)).toContain("Chernobyl");
    expect(text(card)).toContain("2/5 episodes");
    expect(text(card)).toContain("Watching");
  });

  it("lists newest first, filters, pages with buttons, and respects privacy", async () => {
    const titles = [
      "movie:27205",
      "movie:155",
      "movie:157336",
      "movie:603",
      "movie:680",
      "movie:550",
      "movie:238",
      "movie:496243",
      "movie:129",
      "movie:438631",
      "tv:66732",
      "tv:2316",
    ];
    // A second of sandbox time between commands keeps gus under the per-user limit.
    await run(s, at("gus") + titles.map((title) => `/watch add title:${title}\nwait 1s`).join("\n"));
    const first = await run(s, `${at("gus")}/watch list`);
    expect(text(first[0])).toMatch(/1\.` \*\*The Office\*\*/);
    expect(buttons(first[0])).toEqual(["Next ›"]);
    const second = await run(s, `${at("gus")}click "Next ›"`);
    expect(text(last(second))).toContain("11.` **The Dark Knight**");
    expect(text(last(second))).toContain("12.` **Inception**");
    expect(buttons(last(second))).toEqual(["« First"]);
    expect(text(last(second))).toContain("Page 2");
    const tvOnly = await run(s, `${at("gus")}/watch list type:tv`);
    expect(text(tvOnly[0]).match(/Movie/g)).toBeNull();

    const privateList = await run(s, `${at("hal")}/watch list user:gus`);
    expect(text(last(privateList))).toContain("That list isn't available.");
    expect(text(last(privateList))).not.toContain("The Office");
    await run(s, `${at("gus")}/watch privacy visible:true`);
    const shared = await run(s, `${at("hal")}/watch list user:gus`);
    expect(text(last(shared))).toContain("The Office");
  });
});

describe("/ep and /mark", () => {
  it("marks a range and says how many were already watched", async () => {
    await run(s, `${at("ivy")}/ep 1399 1 2`);
    const events = await run(s, `${at("ivy")}/ep 1399 1 1-5`);
    expect(text(last(events))).toContain("Marked 4 episodes, 1 was already watched. (S1E1–E5)");
    expect(await webEpisodes(s, "ivy", 1399)).toEqual(["S1E1", "S1E2", "S1E3", "S1E4", "S1E5"]);
  });

  it("unwatches with watched:False", async () => {
    const events = await run(s, `${at("ivy")}/ep 1399 1 5 watched:false`);
    expect(text(last(events))).toContain("Unwatched **S1E5**");
    expect(await webEpisodes(s, "ivy", 1399)).toEqual(["S1E1", "S1E2", "S1E3", "S1E4"]);
  });

  it("undoing an unwatch gives back the status it took away along with the episodes", async () => {
    const events = await run(s, `${at("quinn")}/ep 1399 1 1-3\n/ep 1399 1 4-5\n/ep 1399 1 1-5 watched:false\nclick "Undo"`);
    const undone = last(events)!;
    expect(text(undone)).toContain("↩️ Undone — S1E1–E5 of Game of Thrones are watched again.");
    expect(text(undone)).toContain("**▶️ Watching**");
    expect(text(undone)).toContain("5/73 episodes");
    expect(await webItem(s, "quinn", 1399, "tv")).toMatchObject({ progressStatus: "watching", title: "Game of Thrones" });
    expect(await webEpisodes(s, "quinn", 1399)).toEqual(["S1E1", "S1E2", "S1E3", "S1E4", "S1E5"]);
  });

  it("marks whole seasons and whole shows, finishes the show and offers to share it", async () => {
    const season = await run(s, `${at("jon")}/ep 87108 1 1\n/mark season show:tv:87108 season:1`);
    expect(text(last(season))).toContain("Marked 4 episodes, 1 was already watched. (season 1)");
    expect(text(last(season))).toContain("Finished");
    expect(buttons(last(season))).toContain("Share");
    const share = await run(s, `${at("jon")}click "Share"`);
    const post = ofType(share, "reply", "followup").find((e) => e.ephemeral === false);
    expect(text(post)).toContain("finished **Chernobyl**");
    expect(await webItem(s, "jon", 87108, "tv")).toMatchObject({ progressStatus: "done", progress: 100 });

    const show = await run(s, `${at("jon")}/mark show show:tv:1396`);
    expect(text(last(show))).toContain("Marked 62 episodes");
    const unmark = await run(s, `${at("jon")}/mark show show:tv:1396 watched:false`);
    expect(text(last(unmark))).toContain("Unmarked 62 episodes");
    expect(await webEpisodes(s, "jon", 1396)).toEqual([]);
  });

  it("names what a show has when the season or episode does not exist, and changes nothing", async () => {
    const events = await run(s, `${at("kim")}/ep 1399 9 1\n/ep 1399 1 11\n/ep 1399 1 x`);
    const replies = ofType(events, "reply", "followup");
    expect(text(replies[0])).toContain("Game of Thrones has 8 seasons (1–8); there is no season 9.");
    expect(text(replies[1])).toContain("Season 1 of Game of Thrones has 10 episodes; there is no episode 11.");
    expect(text(replies[2])).toContain("isn't an episode");
    expect(replies.every((r) => r.ephemeral)).toBe(true);
    expect(await webEpisodes(s, "kim", 1399)).toEqual([]);
  });

  it("turns a movie given to /ep into advice", async () => {
    const events = await run(s, `${at("kim")}/ep show:movie:27205 season:1 episode:1\n/ep 27205 1 1`);
    expect(text(ofType(events, "reply")[0])).toContain("**Inception** is a movie");
    expect(text(ofType(events, "reply")[1])).toContain("is the movie **Inception**");
  });

  it("slows down an over-eager user with a retry time", async () => {
    const lines = Array.from({ length: 10 }, () => "/help").join("\n");
    const events = await run(s, `${at("leo")}${lines}`);
    const slow = ofType(events, "reply").filter((e) => /Slow down a little — try again in \ds/.test(text(e)));
    expect(slow.length).toBeGreaterThan(0);
  });
});

describe("text that could ping or break the layout", () => {
  it("never pings and escapes markdown in a title made of @everyone and markup", async () => {
    const events = await run(s, `${at("mia")}/watch add title:movie:990001\n/watch react title:movie:990001 reaction:loved\nclick "Share"`);
    const messages = ofType(events, "reply", "reply_edit", "followup");
    for (const m of messages) {
      expect(m.mentions).toEqual({ everyone: false, users: [], roles: [] });
      expect(text(m)).not.toMatch(/(^|[^\u200b])@everyone/);
    }
    const shared = messages.find((e) => e.ephemeral === false);
    expect(text(shared)).toContain("\\*\\*@\u200beveryone\\*\\*");
    expect(ofType(events, "discord_error")).toHaveLength(0);
  });

  it("keeps a 5,600-character overview inside Discord's embed limits", async () => {
    const events = await run(s, `${at("mia")}/watch info title:movie:990002`);
    expect(ofType(events, "discord_error")).toHaveLength(0);
    expect(last(events)!.embeds[0].description.length).toBeLessThanOrEqual(4096);
  });
});

describe("wording found in review", () => {
  it("keeps TMDB titles inert in undo confirmations and range errors", async () => {
    const undo = await run(s, `${at("nia")}/watch add title:movie:990001\nclick "Undo"`);
    expect(text(last(undo))).toContain("Undone — \\*\\*@\u200beveryone");
    const range = await run(s, `${at("nia")}/ep 990005 9 1`);
    const error = text(last(range));
    expect(error).toContain("there is no season 9");
    expect(error).not.toMatch(/<@&\d/);
    expect(error).not.toMatch(/@here/);
  });

  it("recognises a movie typed by name in /ep", async () => {
    const events = await run(s, `${at("nia")}/ep Inception 1 1`);
    expect(text(last(events))).toContain("**Inception** is a movie, so it has no episodes");
  });

  it("reports the progress that was stored, and says when there was no reaction to clear", async () => {
    const events = await run(
      s,
      `${at("oli")}/watch status title:tv:1399 status:finished progress:10\n/watch react title:movie:27205 reaction:clear`,
    );
    const [status, clear] = ofType(events, "reply");
    expect(text(status)).toContain("Finished — **Game of Thrones** (2011)");
    expect(text(status)).not.toContain("(10%)");
    expect(text(clear)).toContain("You hadn't reacted to **Inception** (2010) — nothing changed.");
  });

  it("answers someone else's empty list as it answers a private one, so the two can't be told apart", async () => {
    await run(s, `${at("pat")}/watch privacy visible:true`);
    const events = await run(s, `${at("oli")}/watch list user:pat`);
    expect(text(last(events))).toContain("That list isn't available.");
  });
});

describe("a show that is still airing", () => {
  it("is caught up, not finished, when every aired episode is watched, and shows the next one once it airs", async () => {
    const caughtUp = await run(s, `${at("quinn")}/ep 990101 1 all\n/mark show show:1396`);
    const [weekly, ended] = ofType(caughtUp, "reply");
    expect(text(weekly)).toContain("Status: — → **▶️ Watching**");
    expect(text(weekly)).not.toContain("Finished");
    // A show that has ended is finished as before.
    expect(text(ended)).toContain("Status: — → **✅ Finished**");
    const early = await run(s, `${at("quinn")}/ep 990101 1 5`);
    // TMDB lists the announced episodes too: S1E5 is one, refused with its air date.
    expect(text(last(early))).toMatch(
      /S1E5 of The Weekly Thing hasn't aired yet — it airs <t:\d+:D> \(<t:\d+:R>\)\. Season 1 has aired through S1E3: nothing was marked\./,
    );
    // A week on the sandbox clock: the next episode airs, the daily check records it, and the show is simply being watched.
    const later = await run(s, `${at("quinn")}wait 8d\n/watch info title:tv:990101`);
    const info = last(later);
    expect(text(info)).toContain("Status: ▶️ Watching");
    expect(text(info)).toContain("S1E4");
  });
});

describe("the next step on a show's card", () => {
  it("/watch info on a show in progress offers Mark for the next episode, which marks it", async () => {
    const events = await run(s, `${at("ravi")}/ep 1399 1 1-3\n/watch info title:tv:1399\nclick "Mark S1E4"`);
    const info = ofType(events, "reply").at(-1);
    expect(text(info)).toContain("S1E4");
    expect(buttons(info)).toContain("Mark S1E4");
    expect(text(last(events))).toContain("Watched **S1E4**");
    // A movie's card has no such button.
    const movie = await run(s, `${at("ravi")}/watch info title:movie:603`);
    expect(buttons(last(movie)).some((b) => b.startsWith("Mark "))).toBe(false);
  });
});

describe("a dropped show picked up again", () => {
  it("keeps Dropped when an episode is marked (a chosen status), and offers Back to Watching, which sets it", async () => {
    const events = await run(
      s,
      `${at("sam")}/ep 1396 1 1-2\n/watch status title:tv:1396 status:dropped\n/ep 1396 1 3\nclick "Back to Watching"`,
    );
    const marked = ofType(events, "reply").at(-1);
    expect(text(marked)).toContain("Watched **S1E3**");
    expect(buttons(marked)).toContain("Back to Watching");
    expect(text(last(events))).toContain("Status: ▶️ Watching");
    // Unmarking an episode of a dropped show offers nothing of the kind.
    const unmarked = await run(s, `${at("sam")}/watch status title:tv:1396 status:dropped\n/ep 1396 1 3 watched:False`);
    expect(buttons(ofType(unmarked, "reply").at(-1))).not.toContain("Back to Watching");
  });
});
