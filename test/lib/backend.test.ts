import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { convexHttpBackend } from "../../src/lib/backend.ts";
import { describeError } from "../../src/lib/errors.ts";
import { needsShowStructure } from "../../src/lib/tmdb-shows.ts";

let server: Server;
let url: string;
const requests: { path: string; body: any }[] = [];
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  // A loopback stand-in for a Convex deployment's HTTP API.
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = JSON.parse(raw);
      requests.push({ path: req.url ?? "", body });
      res.setHeader("content-type", "application/json");
      if (body.path === "bot/titles:setStatus") {
        // A slow write: how many are in flight at once says whether the client queues them.
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          res.end(JSON.stringify({ status: "success", value: null, logLines: [] }));
        }, 50);
        return;
      }
      if (body.path === "bot/episodes:markAllFor") {
        res.statusCode = 560;
        res.end(JSON.stringify({ status: "error", errorMessage: "ConvexError", errorData: { code: "SHOW_STALE", message: "That show's seasons changed on TMDB — try again in a moment." }, logLines: [] }));
        return;
      }
      if (body.path === "bot/episodes:markEpisodesFor") {
        res.statusCode = 560; // Convex's "function failed" status
        res.end(JSON.stringify({ status: "error", errorMessage: "ConvexError", errorData: { code: "SEASON_OUT_OF_RANGE", message: "Game of Thrones has 8 seasons (1–8); there is no season 9." }, logLines: [] }));
        return;
      }
      res.end(JSON.stringify({ status: "success", value: { items: [], next: null, ownerName: null }, logLines: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the production backend (Convex over HTTP)", () => {
  it("adds the shared secret to every call", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const page = await backend.query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 });
    expect(page).toEqual({ items: [], next: null, ownerName: null });
    expect(requests.at(-1)).toMatchObject({ path: "/api/query", body: { path: "bot/lists:listTitles", args: [{ secret: "the-shared-secret-123", pageSize: 10 }] } });
  });

  it("turns a ConvexError from the deployment into the friendly message", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const error = await backend
      .mutation(api.bot.episodes.markEpisodesFor, { discordUserId: "100000000000000001", tmdbId: 1399, season: 9, episodes: [1], isWatched: true })
      .catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({ code: "SEASON_OUT_OF_RANGE", message: "Game of Thrones has 8 seasons (1–8); there is no season 9." });
  });

  it("sends different users' writes at the same time instead of one after another", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    mostInFlight = 0;
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        backend.mutation(api.bot.titles.setStatus, { discordUserId: `10000000000000000${i}`, tmdbId: 603, mediaType: "movie", progressStatus: "watching" }),
      ),
    );
    expect(mostInFlight).toBe(5);
  });

  it("recognises Convex asking for a show's structure, across the HTTP client's copy of ConvexError", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const stale = await backend.mutation(api.bot.episodes.markAllFor, { discordUserId: "100000000000000001", tmdbId: 1399, isWatched: true }).catch((e: unknown) => e);
    expect(needsShowStructure(stale)).toBe(true);
    const outOfRange = await backend
      .mutation(api.bot.episodes.markEpisodesFor, { discordUserId: "100000000000000001", tmdbId: 1399, season: 9, episodes: [1], isWatched: true })
      .catch((e: unknown) => e);
    expect(needsShowStructure(outOfRange)).toBe(false);
  });
});
