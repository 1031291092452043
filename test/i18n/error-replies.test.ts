// The error replies every command can give, in the person's language.
import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";
import { DiscordRequestError } from "../../src/core/transport.ts";
import { translator } from "../../src/i18n/index.ts";
import { BackendUnavailableError } from "../../src/lib/backend.ts";
import { describeError } from "../../src/lib/errors.ts";
import { TmdbError } from "../../src/lib/tmdb.ts";
import { StaleComponentError } from "../../src/views/custom-id.ts";

const de = translator("de");
const ja = translator("ja");

describe("error replies in the person's language", () => {
  it("says Discord's, Convex's and TMDB's failures in German", () => {
    expect(describeError(new DiscordRequestError(403, 50013, "Missing Permissions", "POST /x"), "watch", de).message).toBe(
      "Dafür fehlt mir in diesem Kanal die Berechtigung.",
    );
    expect(describeError(new BackendUnavailableError("may_not_be_saved"), "party", de).message).toBe(
      "Film Fanatic ist gerade nicht erreichbar — deine Änderung ist vielleicht nicht gespeichert, sieh mit /party status nach.",
    );
    expect(
      describeError(
        new ConvexError({ code: "RATE_LIMITED", message: "Slow down a little — try again in 2s.", retryAfterMs: 1200 }),
        "ep",
        de,
      ).message,
    ).toBe("Etwas langsamer — versuch es in 2 s noch einmal.");
    expect(describeError(new TmdbError("timeout", "slow"), "ep", de).message).toBe(
      "TMDB hat zu lange gebraucht — es wurde nichts geändert. Versuch es gleich noch einmal.",
    );
    expect(describeError(new StaleComponentError(), "ep", de).message).toBe(
      "Dieser Button ist veraltet — führ den Befehl noch einmal aus.",
    );
  });

  it("keeps the reference of an unexpected error, in Japanese too", () => {
    const described = describeError(new TypeError("boom"), "ep", ja);
    expect(described.message).toBe(`こちらで問題が起きました（参照 \`${described.reference}\`）。少ししてからもう一度お試しください。`);
  });

  it("leaves a sentence TMDB's caller wrote itself as it is (not yet translated)", () => {
    const custom = new TmdbError("timeout", "slow", { userMessage: "TMDB is too slow sending this show's episodes right now." });
    expect(describeError(custom, "ep", de).message).toBe("TMDB is too slow sending this show's episodes right now.");
  });
});
