// Issue 7: nothing a user types can stall, mislead or flood the bot. Each case drives the real
// bot through the sandbox and checks what people see and what the web app then shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webEpisodes, webItem, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const answers = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup");
const last = (events: Event[]) => answers(events).at(-1);
const at = (user: string, where = "movie-club #general") => `as ${user}\nin ${where}\n`;
const selectOptions = (event: Event | undefined): string[] =>
  (event?.components ?? []).flatMap((row: any) =>
    row.components.filter((c: any) => c.type === 3).flatMap((c: any) => c.options.map((o: any) => o.label)),
  );

describe("episode numbers that could stall the process", () => {
  it("answers /ep 1399 1 9007199254740993 with an out-of-range message, and keeps answering", async () => {
    const events = await run(
      s,
      `${at("ada")}/ep 1399 1 9007199254740993\n/ep 1399 1 9007199254740990-9007199254740993\n/ep 1399 1 ${"9".repeat(100)}\n/ep 1399 1 2`,
    );
    const replies = answers(events);
    for (const reply of replies.slice(0, 3)) {
      expect(reply).toMatchObject({ ephemeral: true });
      expect(text(reply)).toContain("out of range — episode numbers go up to 9,999");
    }
    expect(text(replies[3])).toContain("S1E2");
    expect(await webEpisodes(s, "ada", 1399)).toEqual(["S1E2"]);
  });

  it("refuses a space inside an episode number instead of reading 1 0 as 10", async () => {
    const events = await run(s, `${at("ben")}/ep 1399 1 "1 0"`);
    expect(text(last(events))).toContain("has a space inside a number");
    expect(await webEpisodes(s, "ben", 1399)).toEqual([]);
  });
});

describe("a typed title that is only a guess", () => {
  it("asks before /mark show show:the marks anything, and marks the show picked with the button", async () => {
    const ask = await run(s, `${at("cid")}/mark show show:the`);
    const prompt = last(ask)!;
    expect(prompt).toMatchObject({ ephemeral: true });
    expect(text(prompt)).toContain("Did you mean **The Last of Us** (2023 · TV)?");
    expect(buttons(prompt)).toEqual(["Yes — mark every episode"]);
    expect(selectOptions(prompt)).toContain("The Office (2005 · TV)");
    expect(selectOptions(prompt).every((o) => o.endsWith("· TV)"))).toBe(true);
    expect(await webEpisodes(s, "cid", 100088)).toEqual([]);
    expect(await webItem(s, "cid", 100088, "tv")).toBeNull();

    const confirmed = await run(s, `${at("cid")}click "Yes — mark every episode"`);
    expect(text(last(confirmed))).toContain("The Last of Us");
    expect(text(last(confirmed))).toMatch(/Marked \d+ episodes/);
    expect((await webEpisodes(s, "cid", 100088)).length).toBeGreaterThan(0);
  });

  it("performs the original action on another match picked from the menu", async () => {
    await run(s, `${at("dot")}/ep show:the season:1 episode:2`);
    const picked = await run(s, `${at("dot")}select "The Office (2005 · TV)"`);
    expect(text(last(picked))).toContain("The Office");
    expect(await webEpisodes(s, "dot", 2316)).toEqual(["S1E2"]);
    expect(await webEpisodes(s, "dot", 100088)).toEqual([]);
  });

  it("adds nothing for /watch add a until the guess is confirmed", async () => {
    const ask = await run(s, `${at("eli")}/watch add title:a`);
    expect(text(last(ask))).toContain("Did you mean **Rick and Morty** (2013 · TV)?");
    expect(await webItem(s, "eli", 60625, "tv")).toBeNull();
    await run(s, `${at("eli")}click "Yes — add it to my watchlist"`);
    expect(await webItem(s, "eli", 60625, "tv")).toMatchObject({ inWatchlist: true });
  });

  it("replaces the question once it is answered: the card that follows no longer asks 'Did you mean …?'", async () => {
    const confirmed = await run(
      s,
      `${at("gus")}/ep thrones 1 1\nclick "Yes — mark S1E1"\n/mark season show:thrones season:2\nclick "Yes — mark season 2"\n/watch info title:thrones\nclick "Yes — show it"\n/watch react title:matrix reaction:liked\nclick "Yes — save my reaction"`,
    );
    const cards = ofType(confirmed, "reply_edit");
    expect(
      cards.map((card) =>
        text(card)
          .split("\n")
          .find((line) => line.trim() !== ""),
      ),
    ).toEqual(["Game of Thrones", "Game of Thrones", "Game of Thrones", "👍 Liked — **The Matrix** (1999)"]);
    expect(text(cards[0])).toContain("✅ Watched **S1E1**");
    expect(text(cards[1])).toContain("✅ Marked 10 episodes");
    for (const card of cards) {
      expect(text(card)).not.toContain("Did you mean");
      expect(text(card)).not.toContain("Nothing has changed yet");
    }
  });

  it("goes ahead without asking when the typed words are exactly one title", async () => {
    const events = await run(s, `${at("eli")}/watch add title:"breaking bad"`);
    expect(text(last(events))).toContain("Added **Breaking Bad** (2008) to your watchlist");
  });

  it("treats a negative or malformed id as an error, never as a search", async () => {
    const events = await run(s, `${at("fin")}/ep "-1" 1 1\n/ep "1 399" 1 1\n/watch add title:tv:abc`);
    const [negative, spaced, malformed] = answers(events);
    expect(text(negative)).toContain("isn't a TMDB id");
    expect(text(spaced)).toContain("space inside a number");
    expect(text(malformed)).toContain("isn't a TMDB id");
    expect(text(negative)).not.toContain("Did you mean");
    expect(await webEpisodes(s, "fin", 60625)).toEqual([]);
    expect(await webEpisodes(s, "fin", 1399)).toEqual([]);
  });
});

describe("sharing", () => {
  it("shares a title in a channel once a day per person, says why and when it refuses, and allows it again a day later", async () => {
    const first = await run(s, `${at("gil")}/watch react title:movie:496243 reaction:loved\nclick "Share"`);
    expect(ofType(first, "followup", "reply").filter((e) => e.ephemeral === false)).toHaveLength(1);
    const again = await run(s, `${at("gil")}/watch info title:movie:496243\nclick "Share"`);
    expect(ofType(again, "followup", "reply").filter((e) => e.ephemeral === false)).toHaveLength(0);
    expect(text(last(again))).toMatch(
      /You already shared \*\*Parasite\*\* \(2019\) in this channel today — you can share it here again <t:\d+:R>/,
    );
    const elsewhere = await run(s, `${at("gil", "movie-club #random")}/watch info title:movie:496243\nclick "Share"`);
    expect(ofType(elsewhere, "followup", "reply").filter((e) => e.ephemeral === false)).toHaveLength(1);
    const tomorrow = await run(s, `wait 1d\n${at("gil")}/watch info title:movie:496243\nclick "Share"`);
    expect(ofType(tomorrow, "followup", "reply").filter((e) => e.ephemeral === false)).toHaveLength(1);
  });

  it("caps share posts per channel and says when the channel takes shares again", async () => {
    const people = ["ha1", "ha2", "ha3", "ha4", "ha5", "ha6", "ha7"];
    const posted: Event[] = [];
    let refusal: Event | undefined;
    for (const person of people) {
      const events = await run(s, `${at(person, "movie-club #busy")}/watch react title:movie:27205 reaction:loved\nclick "Share"`);
      posted.push(...ofType(events, "followup", "reply").filter((e) => e.ephemeral === false));
      refusal = last(events);
    }
    expect(posted).toHaveLength(6);
    expect(text(refusal)).toMatch(/This channel has had 6 shares in the last hour, the most I post — try again <t:\d+:R>/);
  });

  it("offers no Share button in a DM and never says it shared with a channel there", async () => {
    const events = await run(s, `as ivo\nin dm\n/watch react title:movie:496243 reaction:loved\n/mark season show:tv:87108 season:1`);
    for (const reply of answers(events)) {
      expect(buttons(reply)).not.toContain("Share");
      expect(text(reply)).not.toContain("Shared with the channel");
    }
  });
});

describe("whose list can be seen where", () => {
  it("shows a public list only in a server its owner is in, never in a DM or another server", async () => {
    await run(s, `${at("jay")}/watch add title:movie:27205\n/watch privacy visible:true`);
    const here = await run(s, `${at("kai")}/watch list user:jay`);
    expect(text(last(here))).toContain("Inception");
    const dm = await run(s, `as kai\nin dm\n/watch list user:jay`);
    expect(text(last(dm))).toContain("You can see someone else's list only in a server channel of a server they're in.");
    const otherServer = await run(s, `${at("kai", "book-club #general")}/watch list user:jay`);
    expect(text(last(otherServer))).toContain("You can see someone else's list only in a server channel of a server they're in.");
    expect(text(last(otherServer))).not.toContain("Inception");
  });

  it("answers a private list, a member who never used the bot and an empty public list the same way", async () => {
    await run(s, `${at("lea")}/watch add title:movie:27205`);
    await run(s, `${at("max")}/watch privacy visible:true`);
    await run(s, `${at("ned")}/help`);
    const events = await run(s, `${at("kai")}/watch list user:lea\n/watch list user:ned\n/watch list user:max`);
    const [privateList, neverUsed, emptyPublic] = answers(events).map(text);
    expect(privateList).toContain("That list isn't available.");
    expect(neverUsed).toBe(privateList);
    expect(emptyPublic).toBe(privateList);
  });
});

describe("what /watch list shows", () => {
  it("lists the watchlist by default, so a removed title is gone, and finds it again through a status filter or scope:all", async () => {
    await run(s, `${at("ola")}/watch add title:tv:1396\n/ep 1396 1 1\n/watch add title:movie:603\n/watch remove title:tv:1396`);
    const list = await run(s, `${at("ola")}/watch list`);
    expect(text(last(list))).toContain("Your watchlist");
    expect(text(last(list))).toContain("The Matrix");
    expect(text(last(list))).not.toContain("Breaking Bad");
    const watching = await run(s, `${at("ola")}/watch list status:watching\n/watch list scope:all`);
    const [byStatus, everything] = answers(watching).map(text);
    expect(byStatus).toContain("Breaking Bad");
    expect(everything).toContain("Breaking Bad");
    expect(everything).toMatch(/\*\*The Matrix\*\* — Movie · 🔖 Want to watch · 📌 on watchlist/);
    expect(everything).not.toMatch(/Breaking Bad.*on watchlist/);
  });

  it("still offers a show followed only through its episodes when /ep's show is left empty", async () => {
    const events = await run(s, `${at("ora")}/ep 87108 1 1\nautocomplete /ep show:`);
    expect(ofType(events, "autocomplete")[0]!.choices.map((c: { value: string }) => c.value)).toContain("tv:87108");
  });

  it("leaves no entry behind after unmarking the only marked episode of a show never added", async () => {
    const events = await run(s, `${at("pia")}/ep 1399 1 1\n/ep 1399 1 1 watched:false\n/watch list scope:all`);
    expect(text(last(events))).not.toContain("Game of Thrones");
    expect(await webItem(s, "pia", 1399, "tv")).toBeNull();
  });
});

describe("wording", () => {
  it("says nothing changed, without a check mark, when every episode was already watched", async () => {
    const events = await run(s, `${at("quinn")}/ep 1399 1 1-10\n/ep 1399 1 1-10\n/ep 1399 1 3`);
    const [, again, single] = answers(events).map(text);
    expect(again).toContain("Nothing changed — all 10 were already watched.");
    expect(again).not.toContain("✅");
    expect(single).toContain("was already watched — nothing changed");
    expect(single).not.toContain("✅");
  });

  it("says '1 season' for a one-season show", async () => {
    const events = await run(s, `${at("quinn")}/ep 87108 2 1`);
    expect(text(last(events))).toContain("Chernobyl has 1 season; there is no season 2.");
  });

  it("says /mark show left out the specials and offers them", async () => {
    const events = await run(s, `${at("rae")}/mark show show:tv:19885`);
    expect(text(last(events))).toContain("specials (season 0) not included");
    expect(buttons(last(events))).toContain("Mark the 3 specials too");
    const specials = await run(s, `${at("rae")}click "Mark the 3 specials too"`);
    expect(text(last(specials))).toContain("(season 0)");
    expect(await webEpisodes(s, "rae", 19885)).toEqual(expect.arrayContaining(["S0E1", "S0E2", "S0E3"]));
  });

  it("shows no 'Up next' on a show its owner set to Finished", async () => {
    const events = await run(s, `${at("sam")}/watch status title:tv:1399 status:finished\n/watch info title:tv:1399`);
    expect(text(last(events))).not.toContain("Up next");
    expect(text(last(events))).not.toContain("S1E1");
  });

  it("names a status set on the web app that the bot has no button for", async () => {
    await run(s, `${at("uli")}/watch add title:movie:680`);
    const discordId = s.discord.user("uli").id;
    await s.engine.run(async (t) =>
      t
        .withIdentity({ subject: `discord|${discordId}` })
        .mutation(api.watchlist.setProgressStatus, { tmdbId: 680, mediaType: "movie", progressStatus: "dropped" }),
    );
    const card = text(last(await run(s, `${at("uli")}/watch info title:movie:680`)));
    expect(card).toContain("Status: ⏹️ Dropped");
    expect(card).not.toContain("undefined");
  });

  it("words status and watchlist membership on lines of their own", async () => {
    const events = await run(s, `${at("tom")}/ep 87108 1 1\n/watch info title:tv:87108`);
    const card = text(last(events));
    expect(card).toContain("Status: ▶️ Watching");
    expect(card).toContain("Watchlist: not on it — `/watch add` puts it there");
    expect(card).not.toContain("Watching · Not on your watchlist");
  });
});

describe("outside servers", () => {
  it("registers every command but /party and /list (a server's own) for user installs, in servers, the bot's DM and group DMs, so /ep works in a DM", async () => {
    for (const command of s.discord.registeredCommands().filter((c) => c.name !== "party" && c.name !== "list")) {
      expect(command).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
    const events = await run(s, `as uma\nin dm\n/ep 1399 1 1`);
    expect(text(last(events))).toContain("S1E1");
  });
});
