import { createHash } from "node:crypto";

/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

const STABLE_FROM = 1_483_228_800_000n - DISCORD_EPOCH; // 2017-01-01
const STABLE_SPAN = 6n * 365n * 86_400_000n; // six years

/**
 * A stable snowflake derived from a kind and a name: the same inputs give the same id in every
 * run, and the id is a well-formed snowflake (timestamp between 2017 and 2023, so discord.js's
 * `createdAt` is sensible).
 */
export function stableSnowflake(kind: string, name: string): string {
  const h = createHash("sha256").update(`${kind}\u0000${name}`).digest();
  const ts = STABLE_FROM + (h.readBigUInt64BE(0) % STABLE_SPAN);
  const low = BigInt(h.readUInt32BE(8) & 0x3fffff);
  return ((ts << 22n) | low).toString();
}

/** Milliseconds since the Unix epoch encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Monotonic snowflakes for runtime objects (messages, interactions), stamped with a clock. */
export class SnowflakeGenerator {
  private lastTs = -1n;
  private increment = 0n;

  constructor(private readonly workerId = 1n) {}

  next(nowMs: number): string {
    let ts = BigInt(Math.floor(nowMs)) - DISCORD_EPOCH;
    if (ts < 0n) ts = 0n;
    if (ts <= this.lastTs) {
      ts = this.lastTs;
      this.increment += 1n;
      if (this.increment > 0xfffn) {
        ts += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastTs = ts;
    return ((ts << 22n) | (this.workerId << 17n) | this.increment).toString();
  }
}

/** A random-looking but reproducible token string (interaction tokens, session ids). */
export function tokenFrom(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}
