// A session thread's name (convex/sessions/threads.ts): one line, within Discord's 100 characters.
import { describe, expect, it } from "vitest";
import { THREAD_NAME_MAX, threadName } from "../../convex/sessions/threads";

describe("a session thread's name", () => {
  it("keeps a short name as it is", () => {
    expect(threadName("S1E3 · Game of Thrones")).toBe("S1E3 · Game of Thrones");
  });

  it("is cut to 100 characters (counted as Discord counts them, by code point) with an ellipsis", () => {
    const long = `S1E3 · ${"🎬".repeat(150)}`;
    const name = threadName(long);
    expect([...name]).toHaveLength(THREAD_NAME_MAX);
    expect(name.endsWith("…")).toBe(true);
    expect(name.startsWith("S1E3 · 🎬")).toBe(true);
  });

  it("is one line without control or direction characters, and never empty", () => {
    expect(threadName("Line\none\t\u0007two\u202e  three")).toBe("Line one two three");
    expect(threadName(" \n\u202e ")).toBe("Watch party");
  });
});
