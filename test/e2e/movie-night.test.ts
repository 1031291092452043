// Issue 21's whole evening in one script: the server's list, a poll of its titles, the winner
// scheduled as a movie night, the start post pinging exactly those going, "I was there" marking
// the film for each clicker alone, and the film leaving the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webItem } from "./harness.ts";
import { sessions, WEDNESDAY } from "./session-fixture.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack({ clockStart: WEDNESDAY });
});
afterAll(async () => await s?.stop());

const at = (user: string) => `as ${user}\nin movie-club #general\n`;

describe("a movie night from the server's list", () => {
  it("three suggest five films, a poll picks one, the night is scheduled from it, two go and are marked, the list moves on", async () => {
    await run(
      s,
      `${at("alice")}/list add title:movie:550\n/list add title:movie:603\n${at("bob")}/list add title:movie:13\n/list add title:movie:27205\n${at("carol")}/list add title:movie:155`,
    );
    const shown = await run(s, `${at("carol")}/list show`);
    for (const film of ["Fight Club", "The Matrix", "Forrest Gump", "Inception", "The Dark Knight"])
      expect(text(shown.at(-1))).toContain(film);

    const opened = await run(s, `${at("alice")}/list poll count:5 hours:2\nwait 3s`);
    expect(ofType(opened, "message").find((e) => e.poll)).toBeDefined();
    const closed = await run(
      s,
      `${at("alice")}vote "Inception (2010)"\n${at("bob")}vote "Inception (2010)"\n${at("carol")}vote "The Matrix (1999)"\nwait 2h1m`,
    );
    const winner = ofType(closed, "message").find((e) => text(e).startsWith("🗳️ The poll picked"))!;
    expect(text(winner)).toContain("**Inception**");
    expect(buttons(winner)).toContain("Schedule it");

    // Schedule it, for whoever started the poll: the movie night starts here, the poll's post stays as it is.
    const started = await run(s, `${at("alice")}click "Schedule it"\nwait 3s`);
    expect(text(ofType(started, "reply", "followup").at(-1))).toContain("You're hosting the movie night for **Inception**");
    const planned = await run(
      s,
      `${at("alice")}/party schedule when:"friday 21:00" zone:Europe/Berlin\nclick "Confirm"\nwait 3s\n${at("bob")}click "Going"\n${at("carol")}click "Can't"\nwait 3s`,
    );
    expect(ofType(planned, "interaction_failed")).toEqual([]);

    const [session] = await sessions(s);
    const start = ofType(await run(s, `wait ${session!.at - s.engine.clock.now() + 2_000}ms`), "message").find((e) =>
      text(e).includes("starting now"),
    )!;
    expect(start.mentions).toEqual({ everyone: false, users: [s.discord.user("alice").id, s.discord.user("bob").id], roles: [] });

    await run(s, "wait 2h");
    const night = await run(s, `${at("alice")}click "I was there"\nclick "Loved"\n${at("bob")}click "I was there"\nclick "Mixed"\nwait 5s`);
    expect(await webItem(s, "alice", 27205, "movie")).toMatchObject({ progressStatus: "done", reaction: "loved" });
    expect(await webItem(s, "bob", 27205, "movie")).toMatchObject({ progressStatus: "done", reaction: "mixed" });
    expect(await webItem(s, "carol", 27205, "movie")).toBeNull();
    const board = ofType(night, "message_edit")
      .filter((e) => text(e).includes("🎬"))
      .at(-1)!;
    expect(text(board)).toMatch(/2 were there · ❤️ 1 Loved · 😐 1 Mixed/);

    // The film has left the list: the page and a draw no longer offer it.
    const after = await run(s, `${at("carol")}/list show\n/list pick`);
    expect(text(ofType(after, "reply").at(0))).not.toContain("Inception");
    expect(text(ofType(after, "reply").at(0))).toContain("Fight Club");
    expect(text(ofType(after, "reply", "message").at(-1))).not.toContain("Inception");
  });
});
