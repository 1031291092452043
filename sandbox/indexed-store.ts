// Candidate sets for convex-test's in-memory store, so an indexed query stops walking every
// document of every table.
//
// convex-test (0.0.x) answers each query by listing every document in the store, keeping those of
// the queried table and then checking each against the index range. Each call's cost therefore grows
// with the whole deployment, and it runs one function at a time: under the benchmark's load the
// queue behind a slow scan becomes most of a Convex call's tail latency, a cost of the test database
// that a real deployment (which reads an index) doesn't have.
//
// This keeps, beside one engine's store, the ids of each table and, for each equality on a
// top-level field in an index range, the ids holding that value; a query walks the fewest of these.
// They are candidates only: the engine still evaluates its own range check on each, sorts, filters
// and counts reads exactly as before, and the transaction's pending writes are always added. So the same documents come back in
// the same order (test/sandbox/indexed-store.test.ts compares both stores over random workloads);
// only wall time changes.
//
// No library does this, and convex-test exposes no hook for it: the store is private, reached once
// through the AsyncLocalStorage run that carries it into every function call. The three methods
// replaced (commit, _resolveQuerySource, _iterateDocs) are checked to exist, so a convex-test that
// renamed them fails loudly here instead of silently scanning. Only stores passed to indexStore use
// the candidate sets; every other instance keeps the original methods.

import { AsyncLocalStorage } from "node:async_hooks";
import type { TestConvex } from "convex-test";
import type { GenericSchema, SchemaDefinition } from "convex/server";

type Doc = Record<string, unknown>;
interface FakeDb {
  _documents: Record<string, Doc>;
  _writes: Record<string, Doc | null>[];
  get(table: string, id: string): Doc | null;
}
interface Index {
  /** Table name → ids of its committed documents. */
  tables: Map<string, Set<string>>;
  /** "table.field" → value key → ids, built on the first query that narrows on that field. */
  fields: Map<string, Map<string, Set<string>>>;
  /** Set while an index range with usable equalities is being resolved: one (field, value key) per equality. */
  narrow: { field: string; key: string }[] | null;
  /** Documents handed to the engine's range check so far (what a full walk would visit in every table). */
  visited: number;
}

// Kept on the process, not the module: a second copy of this module (another import path) must
// share one registry with the methods the first copy installed.
const REGISTRY = Symbol.for("film-fanatic.indexedStore.registry");
const PATCHED = Symbol.for("film-fanatic.indexedStore.patched");
const indexes: WeakMap<object, Index> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY] as WeakMap<object, Index> | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[REGISTRY] = indexes;

const tableOf = (id: string): string => id.slice(/^[0-9]*/.exec(id)![0].length);
/** Equal keys for equal values; different values may share a key (the engine's check sorts them out). */
const keyOf = (value: unknown): string | null =>
  typeof value === "string" || typeof value === "number" ? `${typeof value}:${value}` : null;

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** The root component's store of a convexTest instance. */
async function storeOf<S extends SchemaDefinition<GenericSchema, boolean>>(t: TestConvex<S>): Promise<FakeDb> {
  let db: FakeDb | undefined;
  const run = AsyncLocalStorage.prototype.run;
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, store: unknown, ...rest: unknown[]) {
    db ??= (store as { components?: Record<string, { db?: FakeDb }> } | undefined)?.components?.[""]?.db;
    return (run as (...args: unknown[]) => unknown).call(this, store, ...rest);
  } as typeof run;
  let call: Promise<unknown>;
  try {
    // convex-test enters its context synchronously; the patch is gone before anything else runs.
    call = t.run(async () => null);
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
  await call;
  if (!db || typeof db._documents !== "object" || !Array.isArray(db._writes))
    throw new Error("indexStore: could not reach convex-test's database (has its internal layout changed?)");
  return db;
}

function patchPrototype(proto: Record<string | symbol, unknown>): void {
  if (proto[PATCHED]) return;
  for (const name of ["commit", "_resolveQuerySource", "_iterateDocs"]) {
    if (typeof proto[name] !== "function")
      throw new Error(`indexStore: convex-test's database has no ${name}() (has its internal layout changed?)`);
  }
  const commit = proto.commit as (this: FakeDb, ...args: unknown[]) => unknown;
  const resolve = proto._resolveQuerySource as (this: FakeDb, query: unknown) => unknown;
  const iterate = proto._iterateDocs as (this: FakeDb, table: string, callback: (doc: Doc) => void) => void;

  proto.commit = function (this: FakeDb, ...args: unknown[]) {
    const index = indexes.get(this);
    const last = this._writes[this._writes.length - 1];
    if (!index || !last || this._writes.length !== 1) return commit.apply(this, args);
    // Only the outermost commit reaches _documents; remember what each written field held before.
    const before = new Map(Object.keys(last).map((id) => [id, this._documents[id]]));
    const result = commit.apply(this, args);
    for (const [id, write] of Object.entries(last)) {
      const table = tableOf(id);
      if (write === null) index.tables.get(table)?.delete(id);
      else add(index.tables, table, id);
      const prefix = `${table}.`;
      for (const [name, byValue] of index.fields) {
        if (!name.startsWith(prefix)) continue;
        const field = name.slice(prefix.length);
        const oldKey = keyOf(before.get(id)?.[field]);
        if (oldKey !== null) byValue.get(oldKey)?.delete(id);
        const newKey = write === null ? null : keyOf(this._documents[id]?.[field]);
        if (newKey !== null) add(byValue, newKey, id);
      }
    }
    return result;
  };

  proto._resolveQuerySource = function (
    this: FakeDb,
    query: { source: { type: string; range?: { type: string; fieldPath: unknown; value: unknown }[] } },
  ) {
    const index = indexes.get(this);
    if (!index) return resolve.call(this, query);
    const { source } = query;
    const eqs =
      source.type === "IndexRange"
        ? (source.range ?? []).filter((f) => f.type === "Eq" && !String(f.fieldPath).includes(".") && keyOf(f.value) !== null)
        : [];
    index.narrow = eqs.length > 0 ? eqs.map((eq) => ({ field: String(eq.fieldPath), key: keyOf(eq.value)! })) : null;
    try {
      return resolve.call(this, query);
    } finally {
      index.narrow = null;
    }
  };

  proto._iterateDocs = function (this: FakeDb, table: string, callback: (doc: Doc) => void) {
    const index = indexes.get(this);
    if (!index) return iterate.call(this, table, callback);
    // Every equality of the range must hold, so any one's ids are candidates: take the fewest
    // (by_user_show narrowed on the show, not on a user with thousands of rows).
    let candidates: Set<string> | undefined = index.tables.get(table);
    for (const { field, key } of index.narrow ?? []) {
      const ids = fieldIndex(this, index, table, field).get(key);
      if (!ids || ids.size < (candidates?.size ?? Infinity)) candidates = ids;
      if (!candidates) break;
    }
    const ids = new Set(candidates ?? []);
    for (const writes of this._writes) for (const id of Object.keys(writes)) if (tableOf(id) === table) ids.add(id);
    for (const id of ids) {
      const document = this.get(table, id);
      if (document === null) continue;
      index.visited++;
      callback(document);
    }
  };
  proto[PATCHED] = true;
}

function fieldIndex(db: FakeDb, index: Index, table: string, field: string): Map<string, Set<string>> {
  const name = `${table}.${field}`;
  let byValue = index.fields.get(name);
  if (!byValue) {
    byValue = new Map();
    for (const id of index.tables.get(table) ?? []) {
      const key = keyOf(db._documents[id]?.[field]);
      if (key !== null) add(byValue, key, id);
    }
    index.fields.set(name, byValue);
  }
  return byValue;
}

/**
 * Gives this convexTest instance's store per-table and per-field candidate sets. Call it before any
 * function is in flight; idempotent.
 */
export async function indexStore<S extends SchemaDefinition<GenericSchema, boolean>>(t: TestConvex<S>): Promise<void> {
  const db = await storeOf(t);
  if (indexes.has(db)) return;
  patchPrototype(Object.getPrototypeOf(db) as Record<string | symbol, unknown>);
  const index: Index = { tables: new Map(), fields: new Map(), narrow: null, visited: 0 };
  for (const id of Object.keys(db._documents)) add(index.tables, tableOf(id), id);
  indexes.set(db, index);
}

/** Documents the engine has examined for queries on this store since it was indexed (null when it isn't). */
export async function documentsVisited<S extends SchemaDefinition<GenericSchema, boolean>>(t: TestConvex<S>): Promise<number | null> {
  return indexes.get(await storeOf(t))?.visited ?? null;
}
