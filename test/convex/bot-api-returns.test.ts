import { describe, expect, it } from "vitest";

describe("the bot's API", () => {
  describe("its definition", () => {
    /** Functions allowed to go without a returns validator: none. */
    const NOT_YET = new Set<string>();

    it("declares what every public function returns, so Convex checks each answer on the way out", async () => {
      const modules = {
        "bot/profile": await import("../../convex/bot/profile"),
        "bot/titles": await import("../../convex/bot/titles"),
        "bot/episodes": await import("../../convex/bot/episodes"),
        "bot/undo": await import("../../convex/bot/undo"),
        "bot/lists": await import("../../convex/bot/lists"),
        "bot/shows": await import("../../convex/bot/shows"),
        shares: await import("../../convex/bot/shares"),
        jobs: await import("../../convex/housekeeping/jobs"),
      };
      const lacking: string[] = [];
      let checked = 0;
      for (const [module, exports] of Object.entries(modules)) {
        for (const [name, fn] of Object.entries(
          exports as Record<string, { isQuery?: boolean; isMutation?: boolean; isAction?: boolean; exportReturns?: () => string }>,
        )) {
          if (!(fn?.isQuery || fn?.isMutation || fn?.isAction) || typeof fn.exportReturns !== "function") continue;
          checked++;
          if (fn.exportReturns() === "null") lacking.push(`${module}:${name}`);
        }
      }
      expect(checked).toBeGreaterThan(15);
      expect(lacking.filter((name) => !NOT_YET.has(name))).toEqual([]);
      // An exception that gained its validator leaves the list.
      expect([...NOT_YET].filter((name) => !lacking.includes(name))).toEqual([]);
    });
  });
});
