// The HTTP interactions endpoint as Discord and an attacker meet it, served by the deployment
// (Convex door) and by the Node server: only Discord's signature, made now and once, gets in.
import { InteractionResponseType, InteractionType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack, text, webItem } from "./harness.ts";

for (const mode of ["http", "http-node"] as const) {
  describe(`HTTP interactions (${mode === "http" ? "served by the deployment" : "served by the Node endpoint"})`, () => {
    let s: Stack;
    beforeAll(async () => {
      s = await stack({ interactions: mode });
      // Creates the member the hand-made deliveries below act as.
      await run(s, "as hal\nin movie-club #general\n/help");
    });
    afterAll(async () => await s?.stop());

    /** /watch add title:movie:<id> in hal's DM with the bot, as Discord would POST it. */
    const addMovie = (tmdbId: number, id: string) => {
      const hal = s.discord.user("hal");
      return {
        id,
        application_id: s.discord.applicationId,
        type: InteractionType.ApplicationCommand,
        token: `token-${id}`,
        version: 1,
        locale: "en-US",
        channel_id: "1",
        user: { id: hal.id, username: hal.username, global_name: null, discriminator: "0", avatar: null },
        app_permissions: "0",
        data: {
          id: "1",
          type: 1,
          name: "watch",
          options: [{ type: 1, name: "add", options: [{ type: 3, name: "title", value: `movie:${tmdbId}` }] }],
        },
      };
    };

    it("answers PING with PONG, as Discord checks before it saves the endpoint", async () => {
      const pong = await s.httpDelivery!.post({
        id: "5",
        application_id: s.discord.applicationId,
        type: InteractionType.Ping,
        token: "t",
        version: 1,
      });
      expect(pong).toMatchObject({ status: 200, callback: { type: InteractionResponseType.Pong } });
    });

    it("refuses a forged, unsigned or stale delivery with 401, and changes nothing", async () => {
      const forged = await s.httpDelivery!.post(addMovie(603, "900000000000000001"), { badSignature: true });
      const unsigned = await s.httpDelivery!.post(addMovie(603, "900000000000000002"), { unsigned: true });
      const stale = await s.httpDelivery!.post(addMovie(603, "900000000000000003"), { timestamp: Math.floor(Date.now() / 1000) - 600 });
      expect([forged.status, unsigned.status, stale.status]).toEqual([401, 401, 401]);
      expect(await webItem(s, "hal", 603, "movie")).toBeNull();
    });

    it("runs a signed delivery once: the same request replayed gets 401", async () => {
      const payload = addMovie(155, "900000000000000004");
      const timestamp = Math.floor(Date.now() / 1000);
      const first = await s.httpDelivery!.post(payload, { timestamp });
      expect(first.status).toBe(200);
      expect(JSON.stringify(first.callback)).toContain("The Dark Knight");
      const replayed = await s.httpDelivery!.post(payload, { timestamp });
      expect(replayed.status).toBe(401);
      expect(await webItem(s, "hal", 155, "movie")).toMatchObject({ inWatchlist: true });
    });

    it("defers an interaction whose work outlasts the immediate budget, and completes it by editing the reply", async () => {
      const events = await run(s, "tmdb slow 2s\nas hal\nin movie-club #general\n/watch add title:movie:27205\ntmdb up");
      expect(ofType(events, "reply")[0]).toMatchObject({ deferred: true });
      expect(text(ofType(events, "reply_edit").at(-1))).toContain("Inception");
      expect(ofType(events, "interaction_failed")).toHaveLength(0);
    });
  });
}
