import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { DAY_MS } from "../../convex/model/reminders";
import { deployment, measure } from "./setup";

/**
 * convex-test answers every indexed query by walking every document of every table, so 200,000
 * documents make each query cost ~0.3 s and this test most of an hour. This keeps, beside its
 * store, the ids of each table and, for an index range that starts with an equality, the ids
 * holding that value: candidates only, still filtered by the engine's own range check, with the
 * transaction's pending writes always included. The same documents come back in the same order;
 * only wall time changes. Document counts come from the engine's transaction metrics either way.
 */
async function indexTablesOf(t: ReturnType<typeof deployment>) {
  // The engine's store is private; it passes through AsyncLocalStorage.run on every call.
  let db: any;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: any, ...rest: any[]) {
    db ??= store?.components?.[""]?.db;
    return (run as any).call(this, store, ...rest);
  } as typeof run;
  try {
    await t.run(async () => null);
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
  if (!db) throw new Error("could not reach convex-test's database");
  const proto = Object.getPrototypeOf(db);
  if (proto.__tableIndex) return;
  proto.__tableIndex = true;
  const tableOf = (id: string) => id.slice(/^[0-9]+/.exec(id)![0].length);
  const keyOf = (value: unknown) => (typeof value === "string" || typeof value === "number" ? `${typeof value}:${value}` : null);
  type Store = { tables: Map<string, Set<string>>; fields: Map<string, Map<string, Set<string>>> };
  const stores = new WeakMap<object, Store>();
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(value);
  };
  const store = (self: any): Store => {
    let st = stores.get(self);
    if (!st) {
      st = { tables: new Map(), fields: new Map() };
      for (const id of Object.keys(self._documents)) add(st.tables, tableOf(id), id);
      stores.set(self, st);
    }
    return st;
  };
  const fieldIndex = (self: any, table: string, field: string) => {
    const st = store(self);
    const name = `${table}.${field}`;
    let byValue = st.fields.get(name);
    if (!byValue) {
      byValue = new Map();
      for (const id of st.tables.get(table) ?? []) {
        const key = keyOf(self._documents[id]?.[field]);
        if (key !== null) add(byValue, key, id);
      }
      st.fields.set(name, byValue);
    }
    return byValue;
  };
  const commit = proto.commit;
  proto.commit = function (this: any, ...args: unknown[]) {
    const last = this._writes[this._writes.length - 1];
    const toRoot = this._writes.length === 1;
    const st = stores.get(this);
    const before = toRoot && last && st ? Object.fromEntries(Object.keys(last).map((id) => [id, this._documents[id]])) : {};
    const result = commit.apply(this, args);
    if (toRoot && last && st) {
      for (const [id, write] of Object.entries(last) as [string, any][]) {
        const table = tableOf(id);
        if (write === null) st.tables.get(table)?.delete(id);
        else add(st.tables, table, id);
        for (const [name, byValue] of st.fields) {
          if (!name.startsWith(`${table}.`)) continue;
          const field = name.slice(table.length + 1);
          const oldKey = keyOf(before[id]?.[field]);
          if (oldKey !== null) byValue.get(oldKey)?.delete(id);
          const newKey = write === null ? null : keyOf(this._documents[id]?.[field]);
          if (newKey !== null) add(byValue, newKey, id);
        }
      }
    }
    return result;
  };
  const resolve = proto._resolveQuerySource;
  proto._resolveQuerySource = function (this: any, query: any) {
    const source = query.source;
    const eq = source.type === "IndexRange" ? source.range.find((f: any) => f.type === "Eq" && !String(f.fieldPath).includes(".") && keyOf(f.value) !== null) : undefined;
    this.__narrow = eq ? { field: String(eq.fieldPath), key: keyOf(eq.value) } : null;
    try {
      return resolve.call(this, query);
    } finally {
      this.__narrow = null;
    }
  };
  proto._iterateDocs = function (this: any, tableName: string, callback: (doc: unknown) => void) {
    const narrow = this.__narrow as { field: string; key: string } | null;
    const ids = new Set(narrow ? (fieldIndex(this, tableName, narrow.field).get(narrow.key) ?? []) : (store(this).tables.get(tableName) ?? []));
    for (const writes of this._writes) for (const id of Object.keys(writes)) if (tableOf(id) === tableName) ids.add(id);
    for (const id of ids) {
      const document = this.get(tableName, id);
      if (document !== null) callback(document);
    }
  };
}

const USERS = 1_000;
const SHOWS_PER_USER = 100; // 100,000 watch items, every one a show being watched
const NOW = Date.UTC(2026, 0, 20, 12, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the reminder scan at scale", () => {
  it(
    "reads close to the due count among 100,000 watched shows, inside transaction limits, and sends each due reminder once when the cron fires twice",
    async () => {
      const t = deployment();
      await indexTablesOf(t);
      // 100 shows of 20 episodes; user u is due on show u % 100 only (1% of their items).
      await t.run(async (ctx) => {
        for (let s = 0; s < SHOWS_PER_USER; s++) {
          await ctx.db.insert("shows", { tmdbId: 5_000 + s, title: `Show ${s}`, seasons: [{ season: 1, name: "Season 1", episodeCount: 20 }], totalEpisodes: 20, fetchedAt: NOW });
        }
      });
      const BATCH = 40; // users per seeding transaction: 40 × (100 items + 100 reminder rows) stays under 16,000 writes
      for (let first = 0; first < USERS; first += BATCH) {
        await t.run(async (ctx) => {
          for (let u = first; u < first + BATCH; u++) {
            const userId: Id<"users"> = await ctx.db.insert("users", { tokenIdentifier: `discord|${200000000000000000n + BigInt(u)}` });
            await ctx.db.insert("discord_accounts", { discordUserId: String(200000000000000000n + BigInt(u)), userId, listPublic: false, remindersEnabled: true, createdAt: NOW - 60 * DAY_MS });
            for (let s = 0; s < SHOWS_PER_USER; s++) {
              const tmdbId = 5_000 + s;
              const due = s === u % SHOWS_PER_USER;
              await ctx.db.insert("watch_items", { userId, tmdbId, mediaType: "tv", inWatchlist: true, progressStatus: s % 2 === 0 ? "watching" : "caught-up", updatedAt: NOW - 10 * DAY_MS });
              // Due ones were last marked 10 days ago; the rest more recently (due in 1–6 days).
              const lastMarkedAt = due ? NOW - 10 * DAY_MS : NOW - (1 + (s % 6)) * DAY_MS;
              await ctx.db.insert("reminders", { userId, tmdbId, muted: false, lastMarkedAt, dueAt: lastMarkedAt + 7 * DAY_MS });
              if (due) await ctx.db.insert("episode_summaries", { userId, tmdbId, seasons: [{ season: 1, episodes: [1, 2, 3] }], watchedCount: 3, updatedAt: lastMarkedAt });
            }
          }
        });
      }
      const DUE = USERS;

      // The cron fires twice; each run pages until nothing is due.
      const { costs } = await measure(async () => {
        for (let run = 0; run < 2; run++) {
          let more = true;
          while (more) more = (await t.mutation(internal.reminders.scan, {})).more;
        }
      });
      const sends = await t.run(async (ctx) => await ctx.db.query("reminder_sends").collect());
      expect(sends).toHaveLength(DUE);
      const reminded = sends.flatMap((s) => s.tmdbIds.map((id) => `${s.userId}:${id}`));
      expect(new Set(reminded).size).toBe(DUE);

      const read = costs.reduce((sum, c) => sum + c.documentsRead, 0);
      const ratio = read / DUE;
      console.log(`reminder scan: ${read} documents read for ${DUE} due of ${USERS * SHOWS_PER_USER} (${ratio.toFixed(2)} per due reminder) in ${costs.length} transactions`);
      // Per due reminder: its row (found by the page, then with its user's other due rows), the
      // account, the watch item, the show and the summary — never the 99,000 rows not yet due.
      expect(ratio).toBeLessThanOrEqual(10);
      expect(Math.max(...costs.map((c) => c.documentsRead))).toBeLessThan(4_096);
      // The second firing found nothing: one empty page.
      expect(costs.at(-1)!.documentsRead).toBe(0);
    },
    600_000,
  );
});
