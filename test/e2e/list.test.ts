// The server's list in the sandbox: suggestions, pages, the weighted draw, and a poll of titles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const at = (user: string, guild = "movie-club") => `as ${user}\nin ${guild} #general\n`;
const lastAnswer = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);

describe("the server's list", () => {
  it("takes members' suggestions and shows who suggested each, how many have seen it and its runtime", async () => {
    const events = await run(
      s,
      `${at("bob")}/watch status title:movie:27205 status:finished
${at("carol")}/watch status title:movie:27205 status:finished
${at("alice")}/watch status title:movie:27205 status:finished
/list add title:movie:27205
/list add title:movie:155
${at("bob")}/list add title:movie:105
/list add title:movie:27205
${at("carol")}/list add title:movie:13
/list add title:movie:550
wait 1s
/list show`,
    );
    const replies = ofType(events, "reply").slice(3);
    expect(text(replies[0])).toBe(
      "🍿 Added **Inception** (2010) to the server's list. See it with /list show; choose the film with /list pick or /list poll.",
    );
    expect(replies[0]!.ephemeral).toBe(true);
    expect(text(replies[3])).toBe("**Inception** (2010) is already on the server's list (suggested by **alice**).");
    const page = lastAnswer(events)!;
    const body = text(page);
    expect(body).toContain("🎬 The server's list");
    expect(body).toMatch(/1\.` \*\*Inception\*\* \(2010\) — ⏱️ 2h 28m · 👀 3\/3 seen · by alice/);
    expect(body).toMatch(/\*\*Back to the Future\*\* \(1985\) — ⏱️ 1h 56m · 👀 0\/3 seen · by bob/);
    expect(body).toContain("Page 1 of 1 · 5 titles, in the order suggested");
    expect(page.mentions?.users ?? []).toEqual([]);
  });

  it("caps each member's suggestions and lets only the suggester (or Manage Server) remove one, with clear messages", async () => {
    const events = await run(
      s,
      `${at("dan", "cap-club")}/list add title:movie:11
/list add title:movie:120
/list add title:movie:122
/list add title:movie:129
/list add title:movie:1124
/list add title:movie:150540
${at("erin", "cap-club")}/list remove title:movie:11
/list lock
${at("dan", "cap-club")}/list remove title:movie:11`,
    );
    const replies = ofType(events, "reply").map(text);
    expect(replies[5]).toBe(
      "⚠️ You have 5 titles on the server's list already — that's the most one member can suggest at once. Remove one of yours with /list remove, or wait until one is watched.",
    );
    expect(replies[6]).toBe(
      "⚠️ **Star Wars** was suggested by **dan** — only they, or a member with Manage Server, can take it off the list.",
    );
    expect(replies[7]).toBe("⚠️ Only members with Manage Server can lock or unlock the server's list.");
    expect(replies[8]).toBe("🗑️ Took **Star Wars** (1977) off the server's list.");
  });

  it("draws a title nobody has seen all of with unseen:True, draws again for the one who drew, and Schedule it starts the movie night", async () => {
    const drawn = await run(s, `${at("alice")}/list pick unseen:true`);
    const pick = lastAnswer(drawn)!;
    expect(pick.ephemeral).toBe(false);
    expect(text(pick)).toMatch(/^🎲 \*\*alice\*\* drew \*\*.+\*\* \(\d{4}\) from the titles not everyone here has seen\./);
    expect(text(pick)).not.toContain("Inception");
    expect(buttons(pick)).toEqual(["Draw again", "Schedule it"]);
    const others = await run(s, `${at("bob")}click "Draw again"`);
    expect(text(lastAnswer(others))).toBe("⚠️ Only whoever drew this title can draw again — run /list pick for a draw of your own.");
    for (let i = 0; i < 5; i++) {
      const again = await run(s, `${at("alice")}click "Draw again"`);
      expect(text(lastAnswer(again))).not.toContain("Inception");
    }
    const scheduled = await run(s, `${at("alice")}click "Schedule it"`);
    const how = lastAnswer(scheduled)!;
    expect(how.ephemeral).toBe(true);
    expect(text(how)).toMatch(/^🎬 You're hosting the movie night for \*\*.+\*\*, and you're on its board\./);
  });

  it("puts the least-seen titles to a native poll and posts the winner with Schedule it for its starter, pinging nobody", async () => {
    const opened = await run(s, `${at("bob")}/list poll count:4 hours:2\nwait 3s`);
    expect(text(lastAnswer(opened))).toMatch(
      /^🗳️ A poll of 4 titles from the server's list is going up here\. It's open until <t:\d+:f>; then I'll post the winner with a \*\*Schedule it\*\* button for you\.$/,
    );
    const poll = ofType(opened, "message").find((e) => e.poll)!;
    const answers: string[] = poll.poll.answers.map((a: any) => a.poll_media.text);
    // Inception, seen by all three, is not among the four least seen; the others in the order suggested.
    expect(answers).toEqual(["The Dark Knight (2008)", "Back to the Future (1985)", "Forrest Gump (1994)", "Fight Club (1999)"]);
    expect(poll.mentions.users).toEqual([]);
    const closed = await run(
      s,
      `${at("alice")}vote "Fight Club (1999)"
${at("carol")}vote "Fight Club (1999)"
${at("bob")}vote "Forrest Gump (1994)"
wait 2h1m`,
    );
    const result = ofType(closed, "message").find((e) => text(e).startsWith("🗳️ The poll picked"))!;
    expect(text(result)).toBe(
      `🗳️ The poll picked **Fight Club** (1999) with 2 votes! <@${s.discord.user("bob").id}>, press **Schedule it** to set up the night.`,
    );
    expect(result.mentions.users).toEqual([]);
    expect(buttons(result)).toEqual(["Schedule it"]);
    const votes = await run(s, `${at("alice")}/list show sort:votes`);
    expect(text(lastAnswer(votes))).toMatch(/1\.` \*\*Fight Club\*\* \(1999\) — ⏱️ 2h 19m · 👀 0\/3 seen · 🗳️ 2 · by carol/);
  });

  it("refuses a poll on a list with fewer than two titles", async () => {
    const events = await run(s, `${at("frank", "tiny-club")}/list poll\n/list add title:movie:238\n/list poll`);
    const replies = ofType(events, "reply").map(text);
    expect(replies[0]).toBe(
      "⚠️ A poll needs at least two titles to choose from, and the server's list has none — suggest more with /list add.",
    );
    expect(replies[2]).toBe(
      "⚠️ A poll needs at least two titles to choose from, and the server's list has only one — suggest more with /list add.",
    );
    const revoked = await run(s, `${at("frank", "tiny-club")}/list add title:movie:424\nrevoke #general\n/list poll`);
    expect(text(lastAnswer(revoked))).toBe(
      "⚠️ I can't post in this channel (I need View Channel and Send Messages here) — start the poll in a channel where I can.",
    );
  });

  it("autocompletes titles to suggest from TMDB, and the server's own titles to remove", async () => {
    const events = await run(s, `${at("alice")}autocomplete /list add title:incep\nautocomplete /list remove title:back`);
    const [add, remove] = ofType(events, "autocomplete");
    expect(add!.choices[0]).toEqual({ name: "Inception (2010) · Movie", value: "movie:27205" });
    expect(remove!.choices).toEqual([{ name: "Back to the Future (1985) · Movie", value: "movie:105" }]);
  });

  it("asks before suggesting a title typed by name that isn't an exact match, and suggests the one confirmed", async () => {
    const asked = await run(s, `${at("hank", "guess-club")}/list add title:"dark knight"`);
    expect(text(lastAnswer(asked))).toMatch(/^Did you mean \*\*The Dark Knight\*\* \(2008 · Movie\)\? Nothing has changed yet\.$/);
    const confirmed = await run(s, `${at("hank", "guess-club")}click "Yes — suggest it"`);
    expect(text(lastAnswer(confirmed))).toBe(
      "🍿 Added **The Dark Knight** (2008) to the server's list. See it with /list show; choose the film with /list pick or /list poll.",
    );
    expect(buttons(lastAnswer(confirmed))).toEqual([]);
  });

  it("offers Suggest for movie night on a title's card in a server", async () => {
    const card = await run(s, `${at("gina", "card-club")}/watch info title:movie:278`);
    expect(buttons(lastAnswer(card))).toContain("Suggest for movie night");
    const suggested = await run(s, `${at("gina", "card-club")}click "Suggest for movie night"`);
    expect(text(lastAnswer(suggested))).toBe(
      "🍿 Added **The Shawshank Redemption** (1994) to the server's list. See it with /list show; choose the film with /list pick or /list poll.",
    );
    const dm = await run(s, `as gina\nin dm\n/watch info title:movie:278`);
    expect(buttons(lastAnswer(dm))).not.toContain("Suggest for movie night");
  });

  it("shows a hostile title inert everywhere a draw shows it, its embed title escaped as the board's is", async () => {
    const events = await run(s, `${at("hana", "hostile-club")}/list add title:movie:990001\n/list pick`);
    const drawn = ofType(events, "reply").at(-1)!;
    expect(drawn.mentions).toEqual({ everyone: false, users: [], roles: [] });
    expect(drawn.content).toBe("🎲 **hana** drew **\\*\\*@\u200beveryone\\*\\* \\_Bold\\_ Movie \\|\\|spoiler\\|\\|** (2020).");
    // Embed titles render markdown: no bold, italics or spoiler bars from TMDB's title.
    expect(drawn.embeds[0]!.title).toBe("\\*\\*@\u200beveryone\\*\\* \\_Bold\\_ Movie \\|\\|spoiler\\|\\| (2020)");
    const page = await run(s, `${at("hana", "hostile-club")}/list show`);
    expect(lastAnswer(page)!.embeds[0]!.footer?.text).toBe(
      "Page 1 of 1 · 1 title, in the order suggested · seen counts 1 member who uses the list here",
    );
  });
});
