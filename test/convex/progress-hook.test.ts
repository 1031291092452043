// The one "progress changed" hook (convex/model/progress.ts): the episode write path publishes,
// party boards and reminders subscribe (convex/model/progressSubscribers.ts). What users notice
// (a board moving, a reminder re-timed after a mark) is asserted in parties/reminders tests; this
// file checks the wiring: every module that starts an episode write loads both subscribers, and a
// missing one fails the write instead of silently skipping a feature.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MutationCtx } from "../../convex/_generated/server";
import type { Id } from "../../convex/_generated/dataModel";

const CONVEX = join(import.meta.dirname, "../../convex");
const change = { kind: "episodes" as const, userId: "u1" as Id<"users">, tmdbId: 1399, at: 0 };

function convexSources(dir = CONVEX): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_generated" ? [] : convexSources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe('the "progress changed" hook', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it("fails the write, naming the subscriber, when one isn't registered", async () => {
    const progress = await import("../../convex/model/progress");
    await expect(progress.publishProgressChanged({} as MutationCtx, change)).rejects.toThrow(/"partyBoards" subscriber isn't registered/);
  });

  it("runs every subscriber in order, in the writer's transaction (the same ctx)", async () => {
    const progress = await import("../../convex/model/progress");
    const ctx = {} as MutationCtx;
    const heard: string[] = [];
    progress.onProgressChanged("reminders", async (got, c) => void heard.push(`reminders ${c.kind} ${got === ctx}`));
    progress.onProgressChanged("partyBoards", async (got, c) => void heard.push(`partyBoards ${c.kind} ${got === ctx}`));
    progress.onProgressChanged("stats", async (got, c) => void heard.push(`stats ${c.kind} ${got === ctx}`));
    await progress.publishProgressChanged(ctx, change);
    expect(heard).toEqual(["partyBoards episodes true", "reminders episodes true", "stats episodes true"]);
  });

  const starters: Record<string, () => Promise<unknown>> = {
    "model/tracking": () => import("../../convex/model/tracking"),
    "model/undo": () => import("../../convex/model/undo"),
    "model/merge": () => import("../../convex/model/merge"),
    migrations: () => import("../../convex/migrations"),
  };

  it.each(Object.keys(starters))("is fully subscribed wherever an episode write starts: convex/%s.ts", async (module) => {
    await starters[module]!();
    const progress = await import("../../convex/model/progress");
    expect(progress.registeredProgressSubscribers()).toEqual([...progress.PROGRESS_SUBSCRIBERS]);
  });

  it("covers every module that calls the write path (applyEpisodes, buildSummaryPage)", () => {
    const starters = convexSources()
      .filter((path) => !path.endsWith("model/episodes.ts"))
      .filter((path) =>
        /import \{[^}]*\b(applyEpisodes|buildSummaryPage)\b[^}]*\} from "[./]+(model\/)?episodes"/.test(readFileSync(path, "utf8")),
      );
    expect(starters.length).toBeGreaterThanOrEqual(4);
    for (const path of starters)
      expect(readFileSync(path, "utf8"), path).toMatch(/import "(\.\/|\.\.\/model\/|\.\/model\/)progressSubscribers";/);
  });
});
