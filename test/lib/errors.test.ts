import { Writable } from "node:stream";
import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";
import { describeError, UserError } from "../../src/lib/errors.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { TmdbError } from "../../src/lib/tmdb.ts";

describe("error replies", () => {
  it("tells expected errors as they are", () => {
    expect(describeError(new UserError("Pick a title."))).toEqual({ message: "Pick a title.", code: "USER_ERROR" });
    expect(describeError(new ConvexError({ code: "EPISODE_OUT_OF_RANGE", message: "Season 1 has 10 episodes." }))).toMatchObject({
      code: "EPISODE_OUT_OF_RANGE",
      message: "Season 1 has 10 episodes.",
    });
    expect(describeError(new TmdbError("unavailable", "boom")).message).toMatch(/TMDB/);
  });

  it("hides unexpected errors behind a reference that the log also carries", () => {
    const described = describeError(new TypeError("cannot read properties of undefined"));
    expect(described.code).toBe("UNEXPECTED");
    expect(described.reference).toMatch(/^[0-9a-f]{8}$/);
    expect(described.message).toContain(described.reference);
    expect(described.message).not.toContain("undefined");
  });
});

describe("the logger", () => {
  it("never writes secrets", () => {
    let out = "";
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk), done()) });
    const logger = createLogger({ level: "info", destination: sink });
    logger.info({ token: "discord-token-123", args: { secret: "bot-secret-456" }, headers: { authorization: "Bearer tmdb-789" } }, "hello");
    expect(out).toContain("hello");
    expect(out).not.toMatch(/discord-token-123|bot-secret-456|tmdb-789/);
  });
});

describe("component ids", () => {
  it("calls a forged or stale id out of date, as an expected error with no reference", async () => {
    const { decodeComponentId } = await import("../../src/views/component-ids.ts");
    for (const id of ["watch:status:tv:abc:watching", "ep:mark:1399:1:0", "watch:page:0:--l:-:-:1", "ep:pick:1:w:1 0:t1396"]) {
      let error: unknown;
      try {
        decodeComponentId(id);
      } catch (e) {
        error = e;
      }
      expect(describeError(error), id).toEqual({ message: "That button is out of date — run the command again.", code: "STALE_COMPONENT" });
    }
  });
});
