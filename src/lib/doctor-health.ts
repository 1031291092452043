// The container's health: each shard process touches a heartbeat file while it is connected to
// Discord (src/index.ts); the HEALTHCHECK (src/healthcheck.ts) reads them. Unhealthy when there is
// none yet or one is older than STALE_MS — a shard that lost the gateway and never got it back, or
// a process whose event loop is stuck.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 45_000;

/** Removes the heartbeats a previous run left, before this run's shards start writing theirs. */
export function clearHeartbeats(dir: string): void {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.startsWith("shard-"));
  } catch {
    return;
  }
  for (const name of files) rmSync(join(dir, name), { force: true });
}

/** Null when healthy, else the one line saying why not. */
export function heartbeatProblem(dir: string, now = Date.now()): string | null {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.startsWith("shard-"));
  } catch {
    files = [];
  }
  if (files.length === 0) return "not connected to Discord yet (no shard heartbeat)";
  for (const name of files) {
    const age = now - statSync(join(dir, name)).mtimeMs;
    if (age > STALE_MS) return `${name} has not been connected for ${Math.round(age / 1000)} s`;
  }
  return null;
}
