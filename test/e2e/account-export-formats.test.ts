// /account's exports in Letterboxd's and Trakt's formats, clicked as a person would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text } from "./harness.ts";

describe("/account exports in other trackers' formats", () => {
  let s: Stack;
  beforeAll(async () => {
    s = await stack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("sends a Letterboxd CSV of the films and a Trakt ZIP of everything watched, privately", async () => {
    const events = await run(
      s,
      `as lou
in movie-club #general
/watch add title:movie:603
/watch status title:movie:157336 status:finished
/watch react title:movie:157336 reaction:loved
/ep 1399 1 1-3
/account
click "Letterboxd CSV"
click "Trakt JSON"`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const files = ofType(events, "followup").filter((e) => e.attachments?.length);
    expect(files.map((e) => e.attachments.map((a: { filename: string }) => a.filename))).toEqual([
      ["letterboxd-films.csv", "letterboxd-watchlist.csv"],
      ["trakt-export.zip"],
    ]);
    expect(files.every((e) => e.ephemeral)).toBe(true);
    expect(text(files[0])).toContain("2 films in Letterboxd's import format");
    expect(text(files[1])).toContain("3 titles in Trakt's export format");
  });
});
