import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api.js";
import { convexHttpBackend } from "../../src/lib/backend.ts";
import { describeError } from "../../src/lib/errors.ts";

let server: Server;
let url: string;
const requests: { path: string; body: any }[] = [];

beforeAll(async () => {
  // A loopback stand-in for a Convex deployment's HTTP API.
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const body = JSON.parse(raw);
      requests.push({ path: req.url ?? "", body });
      res.setHeader("content-type", "application/json");
      if (body.path === "bot:markEpisodesFor") {
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
    const page = await backend.query(api.bot.listTitles, { discordUserId: "100000000000000001", pageSize: 10 });
    expect(page).toEqual({ items: [], next: null, ownerName: null });
    expect(requests.at(-1)).toMatchObject({ path: "/api/query", body: { path: "bot:listTitles", args: [{ secret: "the-shared-secret-123", pageSize: 10 }] } });
  });

  it("turns a ConvexError from the deployment into the friendly message", async () => {
    const backend = convexHttpBackend(url, "the-shared-secret-123");
    const error = await backend
      .mutation(api.bot.markEpisodesFor, { discordUserId: "100000000000000001", tmdbId: 1399, season: 9, episodes: [1], isWatched: true })
      .catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({ code: "SEASON_OUT_OF_RANGE", message: "Game of Thrones has 8 seasons (1–8); there is no season 9." });
  });
});
