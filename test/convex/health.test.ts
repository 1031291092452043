import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { deployment, SECRET } from "./setup";

describe("the bot's health check", () => {
  it("answers only with the right secret", async () => {
    const t = deployment();
    await expect(t.query(api.bot.health.status, { secret: "wrong-secret-wrong-secret" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  it("names each deployment setting that is missing, and none once they are set", async () => {
    const t = deployment();
    const names = [
      "DISCORD_API_BASE",
      "DISCORD_TOKEN",
      "TMDB_API_TOKEN",
      "CLERK_WEBHOOK_SIGNING_SECRET",
      "CLERK_PUBLISHABLE_KEY",
      "CONVEX_CLERK_ISSUER_URL",
      "CLERK_JWT_ISSUER_DOMAIN",
    ];
    const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    try {
      for (const name of names) delete process.env[name];
      const bare = await t.query(api.bot.health.status, { secret: SECRET });
      expect(bare.missing.map((m) => m.name).sort()).toEqual(names.filter((n) => n !== "CLERK_JWT_ISSUER_DOMAIN").sort());
      for (const name of names) process.env[name] = "set";
      const complete = await t.query(api.bot.health.status, { secret: SECRET });
      expect(complete).toEqual({ ok: true, clerkIssuer: true, missing: [] });
    } finally {
      for (const name of names) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});
