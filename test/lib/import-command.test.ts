// /import's command handler before anything reaches Convex's staging: a person with an import still
// running is told so before their file is downloaded or read, and a file holding more than one
// import takes is refused right after reading, in their language, before any staging call.
import { afterEach, describe, expect, it, vi } from "vitest";
import { getFunctionName } from "convex/server";
import { IMPORT_CAPS } from "../../convex/imports/limits.ts";
import { importCommand } from "../../src/commands/import.ts";
import type { BotContext, CommandInteraction } from "../../src/commands/types.ts";
import { translator } from "../../src/i18n/index.ts";
import type { ImportRead } from "../../src/lib/import/index.ts";

const interaction = { user: { id: "100000000000000001", username: "alice" }, applicationId: "100000000000000999", token: "tok" };
const file = { id: "1", filename: "watched.csv", size: 100, url: "https://cdn.discordapp.com/attachments/1/2/watched.csv", proxy_url: "" };
const respond = { defer: vi.fn(async () => undefined) };

function context(busy: "running" | "undoing" | null, read: ImportRead) {
  const calls: string[] = [];
  const backend = {
    query: vi.fn(async (fn: unknown) => {
      calls.push(getFunctionName(fn as never));
      return busy;
    }),
    mutation: vi.fn(async (fn: unknown) => {
      calls.push(getFunctionName(fn as never));
      return { runId: "run" };
    }),
  };
  const importReader = vi.fn(async () => read);
  const de = translator("de");
  const ctx = { backend, importReader, i18n: { user: de, server: de } } as unknown as BotContext;
  return { ctx, calls, importReader };
}

const run = (ctx: BotContext) =>
  importCommand.execute(interaction as unknown as CommandInteraction, respond as never, ctx, {
    subcommand: "file",
    options: { file },
  } as never);

const films = (n: number): ImportRead => ({
  source: "letterboxd",
  entries: Array.from({ length: n }, (_, i) => ({
    key: `movie:tmdb:${i + 1}`,
    mediaType: "movie" as const,
    ids: { tmdb: i + 1 },
    watched: true,
  })),
  skipped: [],
  skippedTotal: 0,
  rows: n,
});

describe("/import before staging", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("tells someone whose import is still running, before downloading or reading their file", async () => {
    const fetch = vi.fn(async () => new Response("Date,Name,Year,Letterboxd URI\n"));
    vi.stubGlobal("fetch", fetch);
    const { ctx, calls, importReader } = context("running", films(1));
    await expect(run(ctx)).rejects.toThrow("⏳ Bei dir läuft schon ein Import — einer nach dem anderen, bitte.");
    expect(fetch).not.toHaveBeenCalled();
    expect(importReader).not.toHaveBeenCalled();
    expect(calls).toEqual(["bot/imports:busy"]);
  });

  it("refuses a file over the title or episode caps in the person's language, before any staging call", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("x")),
    );
    const titles = context(null, films(IMPORT_CAPS.titles + 1));
    await expect(run(titles.ctx)).rejects.toThrow("Die Datei hat mehr als 25.000 Titel — mehr, als ein Import schafft.");
    expect(titles.calls).toEqual(["bot/imports:busy"]);

    const show = (i: number) => ({
      key: `tv:tmdb:${i + 1}`,
      mediaType: "tv" as const,
      ids: { tmdb: i + 1 },
      episodes: Array.from({ length: 5_001 }, (_, e) => ({ season: 1 + Math.floor(e / 100), episode: (e % 100) + 1 })),
    });
    const episodes = context(null, { ...films(0), source: "trakt", entries: Array.from({ length: 50 }, (_, i) => show(i)) });
    await expect(run(episodes.ctx)).rejects.toThrow("Die Datei hat mehr als 250.000 Folgen — mehr, als ein Import schafft.");
    expect(episodes.calls).toEqual(["bot/imports:busy"]);
  });

  it("says the unmatched CSV holds only the first 5,000 titles when there are more, in the person's language", async () => {
    const item = { title: "Nowhere", mediaType: "movie" as const, ids: "" };
    const sent: { content: string }[] = [];
    const reply = { sendNew: vi.fn(async (message: { content: string }) => void sent.push(message)) };
    for (const [listed, total] of [
      [5_000, 5_001],
      [3, 3],
    ] as const) {
      const { ctx } = context(null, films(0));
      (ctx.backend.query as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ items: Array.from({ length: listed }, () => item), total });
      await importCommand.components!["import:unmatched"]!(interaction as never, reply as never, ctx, { run: "run" } as never);
    }
    expect(sent.map((m) => m.content)).toEqual([
      "📄 Die ersten 5.000 von 5.001 Titeln, zu denen nichts gepasst hat — korrigiere sie oder trag sie von Hand ein.",
      translator("de")("imports.unmatchedFile", { count: 3 }),
    ]);
  });
});
