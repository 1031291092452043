// The import bench (bench/import.ts) at a tiny size: its figures are the pipeline's, not made up —
// every row of the file counted, each show looked up at TMDB once, none the second time.
import { describe, expect, it } from "vitest";
import { runImportBench } from "../../bench/import.ts";

describe("import bench", () => {
  it("counts the file's rows, one TMDB lookup per show, none when the same file comes again", async () => {
    const figures = await runImportBench({ episodes: 120, shows: 6, tmdbLatencyMs: 5 });
    // followed_tv_show.csv: 6 rows; seen_episode.csv: 120.
    expect(figures.rows).toBe(6 + 120);
    expect(figures.first.tmdbRequests).toBe(6);
    expect(figures.tmdbLookupsPerShow).toBe(1);
    expect(figures.secondRunTmdbRequests).toBe(0);
    expect(figures.first.changes).toBe(6);
    expect(figures.second.changes).toBe(0);
    expect(figures.rowsPerSecond).toBeGreaterThan(0);
    expect(figures.rowsPerSecond).toBe(Math.round(figures.rows / figures.first.totalSeconds));
    expect(figures.first.totalSeconds).toBeGreaterThanOrEqual(figures.first.previewSeconds);
  }, 60_000);
});
