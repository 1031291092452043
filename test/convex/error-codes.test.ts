// The error contract (convex/model/errors.ts): fail() is the only way a coded error is thrown, every
// code in ERROR_CODES is thrown somewhere, and the bot reads only codes of the contract.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, fail } from "../../convex/model/errors";
import { convexErrorCode, convexErrorData } from "../../src/lib/backend";

const CONVEX = join(import.meta.dirname, "../../convex");

function sources(dir = CONVEX): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_generated" ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [{ path: relative(CONVEX, path), text: readFileSync(path, "utf8") }] : [];
  });
}

describe("the error contract", () => {
  const code = sources().filter((file) => file.path !== "model/errors.ts");

  it("throws coded errors only through fail()", () => {
    const coded = code.filter((file) => /new ConvexError\(\s*\{[^}]*\bcode\s*:/s.test(file.text)).map((file) => file.path);
    expect(coded).toEqual([]);
  });

  it.each(ERROR_CODES)("throws %s somewhere (a code nobody throws is not part of the contract)", (errorCode) => {
    expect(code.some((file) => file.text.includes(`"${errorCode}"`))).toBe(true);
  });

  it("the bot reads a coded error as the contract's code, and nothing else as one", () => {
    const thrown = (() => {
      try {
        fail("RATE_LIMITED", "Slow down a little — try again in 2s.", { retryAfterMs: 2000 });
      } catch (error) {
        return error;
      }
    })();
    expect(convexErrorCode(thrown)).toBe("RATE_LIMITED");
    expect(convexErrorData(thrown)).toEqual({ code: "RATE_LIMITED", message: "Slow down a little — try again in 2s.", retryAfterMs: 2000 });
    expect(convexErrorCode(new ConvexError({ code: "NOT_A_CODE", message: "x" }))).toBeNull();
    expect(convexErrorCode(new ConvexError("Unauthorized"))).toBeNull();
    expect(convexErrorCode(new Error("boom"))).toBeNull();
  });
});
