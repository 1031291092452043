import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, internal } from "../../convex/_generated/api.js";
import { getFunctionName } from "convex/server";
import { BackendUnavailableError } from "../../src/lib/backend.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { botProcess, buttons, ofType, run, stack, text } from "./harness.ts";

describe("account linking in the sandbox", () => {
  let s: Stack;
  beforeAll(async () => {
    s = await stack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("a guest's titles and episodes are on the web after `link`, and a mark made on the web shows in /watch info", async () => {
    const events = await run(
      s,
      `as dana
in movie-club #general
/watch add title:tv:1399
/ep 1399 1 1-3
link
web watchlist:getAllWatchedEpisodes tmdbId:1399
web watchlist:markEpisodeWatched tmdbId:1399 season:1 episode:4 isWatched:true
/watch info title:tv:1399`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const linked = ofType(events, "link")[0]!;
    expect(linked).toMatchObject({ user: "dana", status: "linked", clerk_user: expect.stringMatching(/^user_/) });
    // The confirmation: a follow-up to the /link interaction.
    const followups = ofType(events, "followup").filter((e) => e.line === 5);
    expect(text(followups[0])).toContain("Linked to Film Fanatic account **d•••@s•••.test**");
    // The web app, signed in as that Clerk user, sees the guest's episodes.
    const [watched] = ofType(events, "web");
    expect(
      (watched!.result as { season: number; episode: number; isWatched: boolean }[])
        .filter((r) => r.isWatched)
        .map((r) => `S${r.season}E${r.episode}`)
        .sort(),
    ).toEqual(["S1E1", "S1E2", "S1E3"]);
    const subject = await s.engine.webIdentityOf(s.discord.user("dana").id);
    expect(subject).toBe(linked.clerk_user);
    // The web's mark shows in the bot.
    const info = ofType(events, "reply", "reply_edit")
      .filter((e) => e.line === 8)
      .at(-1);
    expect(text(info)).toMatch(/4\/73/);
  });

  it("a Clerk sign-up with Discord is linked with nothing typed in Discord", async () => {
    const events = await run(s, `clerk signup erin discord\nas erin\nweb watchlist:getWatchlist`);
    expect(ofType(events, "error")).toEqual([]);
    expect(ofType(events, "clerk")[0]).toMatchObject({ event: "user.created", discord: true, result: { result: "linked" } });
    expect(await s.engine.webIdentityOf(s.discord.user("erin").id)).toBe(ofType(events, "clerk")[0]!.clerk_user);
  });

  it("/link shows a link-page button, /account what is stored, /unlink (once confirmed) returns to a guest profile", async () => {
    const events = await run(
      s,
      `as fay\nin movie-club #general\n/watch add title:movie:603\nlink\n/account\n/unlink\nclick "Unlink"\n/account`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const account = ofType(events, "reply").filter((e) => e.line === 5)[0];
    expect(text(account)).toContain("Linked to **f•••@s•••.test**");
    expect(text(account)).toMatch(/Titles: 1\b/);
    expect(buttons(account)).toEqual(["Export my data", "Letterboxd CSV", "Trakt JSON", "Import", "Delete my Discord data…"]);
    const asked = ofType(events, "reply").filter((e) => e.line === 6)[0];
    expect(text(asked)).toContain("Unlink from **f•••@s•••.test**?");
    expect(buttons(asked)).toEqual(["Unlink", "Keep it linked"]);
    expect(
      text(
        ofType(events, "reply_edit")
          .filter((e) => e.line === 7)
          .at(-1),
      ),
    ).toContain("Unlinked from **f•••@s•••.test**");
    expect(text(ofType(events, "reply").filter((e) => e.line === 8)[0])).toContain("Not linked");
    // The web profile kept the title.
    const clerkId = ofType(events, "link")[0]!.clerk_user as string;
    const list = await s.engine.run((t) => t.withIdentity({ subject: clerkId }).query(api.watchlist.getWatchlist, {}));
    expect(list.map((w) => w.tmdbId)).toEqual([603]);
  });

  it("/unlink asks first: Keep it linked changes nothing, and someone not linked is told so without a question", async () => {
    const events = await run(
      s,
      `as ida\nin movie-club #general\n/unlink\n/watch add title:movie:603\nlink\n/unlink\nclick "Keep it linked"\n/account`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const notLinked = ofType(events, "reply").filter((e) => e.line === 3)[0];
    expect(text(notLinked)).toContain("You are not linked to a Film Fanatic account");
    expect(buttons(notLinked)).toEqual([]);
    expect(
      text(
        ofType(events, "reply_edit")
          .filter((e) => e.line === 7)
          .at(-1),
      ),
    ).toMatch(/Still linked to \*\*i•••@s•••\.test\*\* — nothing changed\./);
    expect(text(ofType(events, "reply").filter((e) => e.line === 8)[0])).toContain("Linked to **i•••@s•••.test**");
  });

  it("/account's deletion can be called off: Keep my data goes back to the account and deletes nothing", async () => {
    const events = await run(
      s,
      `as hana\nin movie-club #general\n/watch add title:movie:603\n/account\nclick "Delete my Discord data…"\nclick "Keep my data"`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const asked = ofType(events, "reply_edit")
      .filter((e) => e.line === 5)
      .at(-1);
    expect(buttons(asked)).toEqual(["Yes, delete it", "Keep my data"]);
    const back = ofType(events, "reply_edit")
      .filter((e) => e.line === 6)
      .at(-1);
    expect(text(back)).toMatch(/Titles: 1\b/);
    expect(buttons(back)).toEqual(["Export my data", "Letterboxd CSV", "Trakt JSON", "Import", "Delete my Discord data…"]);
  });

  it("/unlink holds for someone who signed in with Discord: a later Clerk profile edit doesn't link them again", async () => {
    const events = await run(s, `clerk signup jo discord\nas jo\nin movie-club #general\n/unlink\nclick "Unlink"`);
    expect(ofType(events, "error")).toEqual([]);
    expect(
      text(
        ofType(events, "reply_edit")
          .filter((e) => e.line === 5)
          .at(-1),
      ),
    ).toContain("Unlinked from **j•••@s•••.test**");
    // Jo changes something on the website: Clerk sends user.updated, still listing the Discord connection.
    const edited = await s.clerk.sendWebhook("user.updated", s.clerk.user("jo"));
    expect(edited).toMatchObject({ status: 200, body: { result: "kept unlinked (the person unlinked)" } });
    expect(await s.engine.webIdentityOf(s.discord.user("jo").id)).toBe(`discord|${s.discord.user("jo").id}`);
    const after = await run(s, "as jo\nin movie-club #general\n/account");
    expect(text(ofType(after, "reply")[0])).toContain("Not linked");
  });

  it("a second export while one is being prepared gets a clear answer instead of another file", async () => {
    await run(s, "as kim\nin movie-club #general\n/watch add title:movie:603");
    // Kim's first export is still being prepared (on this shard or another: the bot's own call).
    expect(await s.engine.backend().mutation(api.bot.linking.startExport, { discordUserId: s.discord.user("kim").id })).toMatchObject({
      started: true,
    });
    const events = await run(s, `as kim\nin movie-club #general\n/account\nclick "Export my data"`);
    expect(ofType(events, "error")).toEqual([]);
    const followups = ofType(events, "followup");
    expect(followups.some((e) => e.attachments?.length)).toBe(false);
    expect(followups.at(-1)).toMatchObject({ ephemeral: true });
    expect(text(followups.at(-1))).toContain("already preparing your export");
  });

  /** Runs `body` with the bot's Convex calls to `failing` refused as unreachable (`outcome`), the rest as usual. */
  async function withConvexFailing(failing: string, outcome: "nothing_changed" | "may_not_be_saved", body: () => Promise<void>) {
    const real = s.bot.ctx.backend;
    const refuse = (fn: unknown) => getFunctionName(fn as never) === failing;
    s.bot.ctx.backend = {
      query: (fn, args, options) => (refuse(fn) ? Promise.reject(new BackendUnavailableError(outcome)) : real.query(fn, args, options)),
      mutation: (fn, args, options) =>
        refuse(fn) ? Promise.reject(new BackendUnavailableError(outcome)) : real.mutation(fn, args, options),
    };
    try {
      await body();
    } finally {
      s.bot.ctx.backend = real;
    }
  }

  // The bot process's own Convex client failing: the Convex door calls functions inside the deployment.
  it.skipIf(!botProcess)("an export Convex stops answering says nothing was changed: starting it is no change of theirs", async () => {
    await run(s, "as lou\nin movie-club #general\n/watch add title:movie:603");
    await withConvexFailing("bot/linking:exportPage", "nothing_changed", async () => {
      const events = await run(s, `as lou\nin movie-club #general\n/account\nclick "Export my data"`);
      expect(text(ofType(events, "followup").at(-1))).toContain("Film Fanatic can't be reached right now — nothing was changed.");
    });
  });

  // The bot process's own Convex client failing: the Convex door calls functions inside the deployment.
  it.skipIf(!botProcess)("the export file is sent even when giving its lease back fails (the lease runs out by itself)", async () => {
    await run(s, "as mo\nin movie-club #general\n/watch add title:movie:603");
    await withConvexFailing("bot/linking:finishExport", "may_not_be_saved", async () => {
      const events = await run(s, `as mo\nin movie-club #general\n/account\nclick "Export my data"`);
      const followups = ofType(events, "followup");
      expect(followups.map((e) => text(e)).join("\n")).not.toContain("can't be reached");
      expect(followups.some((e) => e.attachments?.length)).toBe(true);
    });
  });

  it("/account exports a JSON file and deletes Discord data after a confirmation", async () => {
    const events = await run(
      s,
      `as gus\nin movie-club #general\n/watch add title:movie:603\n/account\nclick "Export my data"\nclick "Delete my Discord data…"\nclick "Yes, delete it"\n/account`,
    );
    expect(ofType(events, "error")).toEqual([]);
    const file = ofType(events, "followup").find((e) => e.attachments?.length);
    expect(file?.attachments[0]).toMatchObject({ filename: "film-fanatic-export.json" });
    expect(
      text(
        ofType(events, "reply_edit")
          .filter((e) => e.line === 7)
          .at(-1),
      ),
    ).toContain("Deleted your Discord data and everything you tracked here");
    expect(text(ofType(events, "reply").filter((e) => e.line === 8)[0])).toMatch(/Titles: 0\b/);
  });
});

describe("an /account export larger than Discord lets the bot attach", () => {
  let s: Stack;
  beforeAll(async () => {
    // A tiny upload limit stands in for a library past Discord's 10 MiB: the sandbox refuses
    // larger files (413) and tells interactions the limit, as Discord does.
    s = await stack({ attachmentSizeLimit: 1_500 });
  });
  afterAll(async () => {
    await s?.stop();
  });

  const exportOf = (user: string) =>
    `as ${user}\nin movie-club #general\n/watch add title:movie:603\n/watch add title:movie:550\n/watch add title:tv:1399\n/watch add title:movie:680\n/account\nclick "Export my data"`;

  it("arrives gzipped when the JSON is over the limit and the compressed file fits", async () => {
    const events = await run(s, exportOf("hal"));
    expect(ofType(events, "error")).toEqual([]);
    const file = ofType(events, "followup").find((e) => e.attachments?.length);
    expect(file?.attachments[0]).toMatchObject({ filename: "film-fanatic-export.json.gz" });
    expect(file?.attachments[0].size).toBeLessThanOrEqual(1_500);
    expect(text(file)).toContain("Compressed (gzip)");
  });

  it("is refused with a clear private message, not a failed upload, when even the compressed file is too large", async () => {
    await s.stop();
    s = await stack({ attachmentSizeLimit: 100 });
    const events = await run(s, exportOf("ivy"));
    expect(ofType(events, "error")).toEqual([]);
    expect(ofType(events, "discord_error")).toEqual([]);
    const followups = ofType(events, "followup");
    expect(followups.some((e) => e.attachments?.length)).toBe(false);
    expect(followups.at(-1)).toMatchObject({ ephemeral: true });
    expect(text(followups.at(-1))).toMatch(/over the 1 KB Discord lets the bot attach here/);
  });
});

describe("the one-time backfill from Clerk's user list", () => {
  let s: Stack;
  beforeAll(async () => {
    s = await stack();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("links everyone who connected Discord before the webhook existed, paging through Clerk's Backend API", async () => {
    // 120 Clerk users (more than one page of 100); every third connected Discord; no webhooks were sent.
    const withDiscord: string[] = [];
    for (let i = 0; i < 120; i++) {
      const name = `old${i}`;
      const discordUserId = i % 3 === 0 ? s.discord.user(name).id : null;
      if (discordUserId !== null) withDiscord.push(name);
      s.clerk.user(name, discordUserId);
    }
    await run(s, "as old0\nin movie-club #general\n/watch add title:movie:603"); // one of them already tracks as a guest
    const first = await s.engine.run((t) => t.action(internal.linking.clerk.backfillClerkUsers, {}));
    expect(first).toMatchObject({ offset: 0, seen: 100, done: false });
    await s.engine.wait(0);
    for (const name of withDiscord) {
      expect(await s.engine.webIdentityOf(s.discord.user(name).id)).toBe(s.clerk.user(name).id);
    }
    expect(await s.engine.webIdentityOf(s.discord.user("old1").id)).toBeNull();
    const list = await s.engine.run((t) => t.withIdentity({ subject: s.clerk.user("old0").id }).query(api.watchlist.getWatchlist, {}));
    expect(list.map((w) => w.tmdbId)).toEqual([603]);
  });
});
