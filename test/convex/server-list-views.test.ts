// The server's list's messages are inert whatever a title or a member's name says: markdown is
// escaped, mention syntax broken, and nothing the list posts pings anyone.
import { describe, expect, it } from "vitest";
import { pickedView, serverListPage, serverListPoll, serverListPollResult, type ServerListEntry } from "../../src/views/server-list";

const HOSTILE = "**Bold** @everyone <@100000000000000001> [link](https://evil.example) # Heading";
const entry: ServerListEntry = {
  entryId: "k57a8b9c0d1e2f3g4h5j6k7m8n9p0q1r",
  tmdbId: 1,
  mediaType: "movie",
  title: HOSTILE,
  year: 2001,
  runtime: 136,
  suggestedBy: "100000000000000002",
  suggestedByName: HOSTILE,
  seen: 1,
  votes: 2,
};

const inert = (text: string) => {
  expect(text).not.toContain("@everyone");
  expect(text).not.toContain("<@100000000000000001>");
  expect(text).not.toContain("**Bold**");
  // A masked link stays text: its bracket is escaped.
  expect(text).not.toMatch(/(?<!\\)\[link\]\(https/);
};

describe("the server's list's messages", () => {
  it("escape titles and names on a page and on a draw", () => {
    const page = serverListPage({
      position: { sort: "added", page: 1 },
      entries: [entry],
      listed: 1,
      members: 3,
      locked: false,
      pages: 1,
      next: null,
    });
    inert(page.embeds[0]!.description!);
    expect(page.embeds[0]!.description).toContain("⏱️ 2h 16m · 👀 1/3 seen · 🗳️ 2");
    const drawn = pickedView({ entry, members: 3, unseen: true, drawnBy: "100000000000000003", drawnByName: HOSTILE });
    inert(drawn.content!);
    inert(drawn.embeds[0]!.description!);
  });

  it("post a poll and its result that ping nobody, with plain answers within Discord's 55 characters", () => {
    const poll = serverListPoll({
      entries: [entry],
      answers: ["A title far too long for a poll answer, which Discord cuts at 55 (2001)"],
      members: 3,
      hours: 24,
    });
    expect(poll.allowed_mentions).toEqual({ parse: [] });
    inert(poll.content!);
    expect([...poll.poll!.answers[0]!.poll_media.text!].length).toBeLessThanOrEqual(55);
    const result = serverListPollResult({ winner: { entry, votes: 3 }, startedBy: "100000000000000003", closedAt: 0 });
    expect(result.allowed_mentions).toEqual({ parse: [] });
    inert(result.content!);
    expect(result.content).toContain("<@100000000000000003>, press **Schedule it**");
  });
});
