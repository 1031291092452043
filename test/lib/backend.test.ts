import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { BackendUnavailableError, withInteraction } from "../../src/lib/backend.ts";
import { convexHttpBackend } from "../../src/lib/convex-http-backend.ts";
import type { Logger } from "../../src/lib/logger.ts";
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
        res.end(
          JSON.stringify({
            status: "error",
            errorMessage: "ConvexError",
            errorData: { code: "SHOW_STALE", message: "That show's seasons changed on TMDB — try again in a moment." },
            logLines: [],
          }),
        );
        return;
      }
      if (body.path === "bot/episodes:markEpisodesFor") {
        res.statusCode = 560; // Convex's "function failed" status
        res.end(
          JSON.stringify({
            status: "error",
            errorMessage: "ConvexError",
            errorData: { code: "SEASON_OUT_OF_RANGE", message: "Game of Thrones has 8 seasons (1–8); there is no season 9." },
            logLines: [],
          }),
        );
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
    expect(requests.at(-1)).toMatchObject({
      path: "/api/query",
      body: { path: "bot/lists:listTitles", args: [{ secret: "the-shared-secret-123", pageSize: 10 }] },
    });
  });

  it("turns a ConvexError from the deployment into the friendly message", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const error = await backend
      .mutation(api.bot.episodes.markEpisodesFor, {
        discordUserId: "100000000000000001",
        tmdbId: 1399,
        season: 9,
        episodes: [1],
        isWatched: true,
      })
      .catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({
      code: "SEASON_OUT_OF_RANGE",
      message: "Game of Thrones has 8 seasons (1–8); there is no season 9.",
    });
  });

  it("sends different users' writes at the same time instead of one after another", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    mostInFlight = 0;
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        backend.mutation(api.bot.titles.setStatus, {
          discordUserId: `10000000000000000${i}`,
          tmdbId: 603,
          mediaType: "movie",
          progressStatus: "watching",
        }),
      ),
    );
    expect(mostInFlight).toBe(5);
  });

  it("recognises Convex asking for a show's structure, across the HTTP client's copy of ConvexError", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const stale = await backend
      .mutation(api.bot.episodes.markAllFor, { discordUserId: "100000000000000001", tmdbId: 1399, isWatched: true })
      .catch((e: unknown) => e);
    expect(needsShowStructure(stale)).toBe(true);
    const outOfRange = await backend
      .mutation(api.bot.episodes.markEpisodesFor, {
        discordUserId: "100000000000000001",
        tmdbId: 1399,
        season: 9,
        episodes: [1],
        isWatched: true,
      })
      .catch((e: unknown) => e);
    expect(needsShowStructure(outOfRange)).toBe(false);
  });
});

describe("the production backend when Convex is slow, unreachable or loses answers", () => {
  /** A deployment stand-in whose next answers the test decides. */
  async function deploymentWith(answer: (body: any, n: number, req: IncomingMessage, res: ServerResponse) => void, port = 0) {
    const seen: any[] = [];
    const srv = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        const body = JSON.parse(raw);
        seen.push(body);
        answer(body, seen.length, req, res);
      });
    });
    await new Promise<void>((resolve) => srv.listen(port, "127.0.0.1", resolve));
    const address = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    const close = () =>
      new Promise<void>((resolve) => {
        srv.close(() => resolve());
        srv.closeAllConnections();
      });
    return { url: address, port: (srv.address() as AddressInfo).port, seen, close };
  }
  const success = (res: ServerResponse, value: unknown) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "success", value, logLines: [] }));
  };
  const fast = { firstAttemptMs: 200, healthTimeoutMs: 300, downPollMs: 50 };
  const soon = (ms = 1_000) => ({ deadline: Date.now() + ms });
  const mark = { discordUserId: "100000000000000001", tmdbId: 1399, season: 1, episodes: [1], isWatched: true };
  const interaction = { id: "400000000000000001", applicationId: "300000000000000001", token: "t" };

  it("retries a write whose answer was lost once, with the same key, and Convex applies it once", async () => {
    const applied = new Map<string, unknown>();
    const convex = await deploymentWith((body, n, _req, res) => {
      const key = body.args[0].interaction.key as string;
      if (!applied.has(key)) applied.set(key, { marked: n });
      // The first answer is lost on the way back, after the write was applied.
      if (n === 1) return res.socket!.destroy();
      success(res, applied.get(key));
    });
    try {
      const backend = withInteraction(convexHttpBackend(convex.url, "the-shared-secret-123", fast), interaction, soon(3_000));
      expect(await backend.mutation(api.bot.episodes.markEpisodesFor, mark)).toEqual({ marked: 1 });
      expect(convex.seen.map((b) => b.args[0].interaction.key)).toEqual(["400000000000000001:0", "400000000000000001:0"]);
      expect(applied.size).toBe(1);
      // The interaction's next write has a key of its own.
      await backend.mutation(api.bot.episodes.markEpisodesFor, mark);
      expect(convex.seen.at(-1).args[0].interaction.key).toBe("400000000000000001:1");
    } finally {
      await convex.close();
    }
  });

  it("gives up on a hanging deployment before the deadline: a read says nothing changed, a write that was sent twice that it may not be saved", async () => {
    const convex = await deploymentWith(() => undefined);
    try {
      const backend = convexHttpBackend(convex.url, "the-shared-secret-123", fast);
      const read = await backend
        .query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 }, soon())
        .catch((e: unknown) => e);
      expect(read).toBeInstanceOf(BackendUnavailableError);
      expect(describeError(read).message).toBe(
        "Film Fanatic can't be reached right now — nothing was changed. Please try again in a moment.",
      );
      const before = convex.seen.length;
      const written = await backend.mutation(api.bot.episodes.markEpisodesFor, mark, soon()).catch((e: unknown) => e);
      expect(describeError(written).message).toBe(
        "Film Fanatic can't be reached right now — your change may not have been saved, check with /watch info.",
      );
      expect(convex.seen.length - before).toBe(2);
    } finally {
      await convex.close();
    }
  });

  it("keeps a slow first attempt alive: two calls that each take longer than the first attempt's share both answer within the deadline, each applied once", async () => {
    const applied = new Map<string, number>();
    const convex = await deploymentWith((body, _n, _req, res) => {
      const key = body.args[0].interaction.key as string;
      applied.set(key, (applied.get(key) ?? 0) + 1);
      // Slower than firstAttemptMs (200 ms): the first attempt is answered late, not lost.
      setTimeout(() => success(res, { key }), 350);
    });
    try {
      const backend = withInteraction(convexHttpBackend(convex.url, "the-shared-secret-123", fast), interaction, soon(900));
      expect(await backend.mutation(api.bot.episodes.markEpisodesFor, mark)).toEqual({ key: "400000000000000001:0" });
      expect(await backend.mutation(api.bot.episodes.markEpisodesFor, mark)).toEqual({ key: "400000000000000001:1" });
      // Each key went out at most twice (the first attempt, and one beside it); Convex replays the second.
      expect([...applied.values()].every((n) => n <= 2)).toBe(true);
    } finally {
      await convex.close();
    }
  });

  it("points an outage message at where the change would show: /party status for parties and sessions, /watch info for tracking", () => {
    const lost = new BackendUnavailableError("may_not_be_saved");
    expect(describeError(lost, "party").message).toBe(
      "Film Fanatic can't be reached right now — your change may not have been saved, check with /party status.",
    );
    expect(describeError(lost, "session").message).toContain("check with /party status.");
    expect(describeError(new BackendUnavailableError("saved_not_shown"), "remind").message).toContain("check with /remind settings.");
    expect(describeError(lost, "ep").message).toContain("check with /watch info.");
  });

  it("still makes a call that comes after the interaction's deadline (an export's later pages), with one attempt's time", async () => {
    const convex = await deploymentWith((_body, _n, _req, res) => success(res, { items: [], next: null, ownerName: null }));
    try {
      const late = withInteraction(convexHttpBackend(convex.url, "the-shared-secret-123", fast), interaction, { deadline: Date.now() - 1 });
      expect(await late.query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 })).toEqual({
        items: [],
        next: null,
        ownerName: null,
      });
    } finally {
      await convex.close();
    }
  });

  it("retries a read after a 503 from in front of Convex", async () => {
    const convex = await deploymentWith((_body, n, _req, res) => {
      if (n === 1) {
        res.statusCode = 503;
        return res.end("upstream unavailable");
      }
      success(res, { items: [], next: null, ownerName: null });
    });
    try {
      const backend = convexHttpBackend(convex.url, "the-shared-secret-123", fast);
      expect(await backend.query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 }, soon())).toEqual({
        items: [],
        next: null,
        ownerName: null,
      });
      expect(convex.seen).toHaveLength(2);
    } finally {
      await convex.close();
    }
  });

  it("says nothing was changed when the write never left (connection refused), and tells a later read apart once a write was saved", async () => {
    const gone = await deploymentWith(() => undefined);
    await gone.close();
    const backend = convexHttpBackend(gone.url, "the-shared-secret-123", fast);
    const refused = await backend.mutation(api.bot.episodes.markEpisodesFor, mark, soon()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ outcome: "nothing_changed" });

    const convex = await deploymentWith((body, _n, _req, res) =>
      body.path === "bot/lists:listTitles" ? res.socket!.destroy() : success(res, null),
    );
    try {
      const scoped = withInteraction(convexHttpBackend(convex.url, "the-shared-secret-123", fast), interaction, soon());
      await scoped.mutation(api.bot.episodes.markEpisodesFor, mark);
      const after = await scoped
        .query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 })
        .catch((e: unknown) => e);
      expect(describeError(after).message).toBe(
        "Film Fanatic can't be reached right now — your change was saved, but I can't show it; check with /watch info.",
      );
      // Caching a show for a card is no change of theirs.
      const card = withInteraction(
        convexHttpBackend(convex.url, "the-shared-secret-123", fast),
        { ...interaction, id: "400000000000000002" },
        soon(),
      );
      await card.mutation(api.bot.titles.cacheShowForCard, { discordUserId: "100000000000000001", tmdbId: 1399 } as never);
      const unseen = await card
        .query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 })
        .catch((e: unknown) => e);
      expect(unseen).toMatchObject({ outcome: "nothing_changed" });
    } finally {
      await convex.close();
    }
  });

  it("logs one line when Convex goes away and one when it is back, and answers at once in between", async () => {
    const lines: { level: string; msg: string }[] = [];
    const logger = {
      warn: (_o: unknown, msg: string) => lines.push({ level: "warn", msg }),
      info: (_o: unknown, msg: string) => lines.push({ level: "info", msg }),
    } as unknown as Logger;
    let convex = await deploymentWith((_body, _n, _req, res) => success(res, { ok: true, clerkIssuer: true, missing: [] }));
    const backend = convexHttpBackend(convex.url, "the-shared-secret-123", fast);
    backend.watch!(logger);
    try {
      await backend.query(api.bot.health.status, {}, soon());
      const port = convex.port;
      await convex.close();
      for (let i = 0; i < 3; i++) {
        const error = await backend
          .query(api.bot.lists.listTitles, { discordUserId: "100000000000000001", pageSize: 10 }, soon())
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ outcome: "nothing_changed" });
      }
      expect(lines).toEqual([{ level: "warn", msg: "Convex can't be reached: answering interactions at once until it is back" }]);
      convex = await deploymentWith((_body, _n, _req, res) => success(res, { ok: true, clerkIssuer: true, missing: [] }), port);
      await vi.waitFor(() => expect(lines).toHaveLength(2), { timeout: 2_000, interval: 20 });
      expect(lines[1]).toMatchObject({ level: "warn", msg: expect.stringMatching(/^Convex is reachable again after/) });
      expect(await backend.query(api.bot.health.status, {}, soon())).toMatchObject({ ok: true });
    } finally {
      backend.unwatch!();
      await convex.close();
    }
  });
});
