import fc from "fast-check";
import { convexTest } from "convex-test";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { describe, expect, it } from "vitest";
import { documentsVisited, indexStore } from "../../sandbox/indexed-store";

const modules = import.meta.glob("../../convex/**/*.*s");

const schema = defineSchema({
  items: defineTable({ owner: v.string(), n: v.number(), tag: v.optional(v.string()) })
    .index("by_owner", ["owner"])
    .index("by_owner_n", ["owner", "n"])
    .index("by_n", ["n"])
    .index("by_tag", ["tag"]),
  others: defineTable({ owner: v.string() }).index("by_owner", ["owner"]),
});

type Op =
  | { t: "insert"; table: "items" | "others"; owner: string; n: number; tag?: string }
  | { t: "patch"; pick: number; owner?: string; n?: number; tag?: string | null }
  | { t: "delete"; pick: number }
  | { t: "failed"; owner: string; n: number }
  | { t: "readOwnWrite"; owner: string; n: number };

const owner = fc.constantFrom("a", "b", "c", "d");
const n = fc.integer({ min: -3, max: 3 });
const tag = fc.constantFrom("x", "y");
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record(
    {
      t: fc.constant("insert" as const),
      table: fc.constantFrom("items" as const, "others" as const),
      owner,
      n,
      tag: fc.option(tag, { nil: undefined }),
    },
    { requiredKeys: ["t", "table", "owner", "n"] },
  ),
  fc.record({
    t: fc.constant("patch" as const),
    pick: fc.nat(),
    owner: fc.option(owner, { nil: undefined }),
    n: fc.option(n, { nil: undefined }),
    tag: fc.option(fc.option(tag, { nil: null }), { nil: undefined }),
  }),
  fc.record({ t: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ t: fc.constant("failed" as const), owner, n }),
  fc.record({ t: fc.constant("readOwnWrite" as const), owner, n }),
);

const deployment = () => convexTest(schema, modules);
type T = ReturnType<typeof deployment>;
const strip = (docs: Record<string, unknown>[]) => docs.map(({ _creationTime: _, ...rest }) => rest);

/** Every query shape the bot uses: equality prefixes, ranges after an equality, ranges alone, order, pagination, full scans. */
async function snapshot(t: T) {
  return await t.run(async (ctx) => {
    const out: unknown[] = [];
    for (const o of ["a", "b", "c", "d", "zz"]) {
      out.push(
        strip(
          await ctx.db
            .query("items")
            .withIndex("by_owner", (q) => q.eq("owner", o))
            .collect(),
        ),
      );
      out.push(
        strip(
          await ctx.db
            .query("items")
            .withIndex("by_owner_n", (q) => q.eq("owner", o).gt("n", 0))
            .order("desc")
            .collect(),
        ),
      );
      out.push(
        strip(
          await ctx.db
            .query("items")
            .withIndex("by_owner_n", (q) => q.eq("owner", o).eq("n", 1))
            .take(2),
        ),
      );
      out.push(
        strip(
          await ctx.db
            .query("others")
            .withIndex("by_owner", (q) => q.eq("owner", o))
            .collect(),
        ),
      );
    }
    // Convex allows one paginated query per function.
    const page = await ctx.db
      .query("items")
      .withIndex("by_owner_n", (q) => q.eq("owner", "a"))
      .paginate({ numItems: 2, cursor: null });
    out.push(strip(page.page), page.isDone);
    out.push(
      strip(
        await ctx.db
          .query("items")
          .withIndex("by_n", (q) => q.gte("n", -1).lt("n", 2))
          .collect(),
      ),
    );
    out.push(
      strip(
        await ctx.db
          .query("items")
          .withIndex("by_tag", (q) => q.eq("tag", undefined))
          .collect(),
      ),
    );
    out.push(
      strip(
        await ctx.db
          .query("items")
          .withIndex("by_tag", (q) => q.eq("tag", "x"))
          .collect(),
      ),
    );
    out.push(strip(await ctx.db.query("items").collect()), strip(await ctx.db.query("others").order("desc").collect()));
    return out;
  });
}

async function apply(t: T, ops: Op[]) {
  const results: unknown[] = [];
  for (const o of ops) {
    if (o.t === "insert") {
      await t.run(async (ctx) => {
        if (o.table === "items") await ctx.db.insert("items", { owner: o.owner, n: o.n, ...(o.tag ? { tag: o.tag } : {}) });
        else await ctx.db.insert("others", { owner: o.owner });
      });
    } else if (o.t === "patch" || o.t === "delete") {
      await t.run(async (ctx) => {
        const all = await ctx.db.query("items").collect();
        if (all.length === 0) return;
        const doc = all[o.pick % all.length]!;
        if (o.t === "delete") {
          await ctx.db.delete(doc._id);
          return;
        }
        await ctx.db.patch(doc._id, {
          ...(o.owner ? { owner: o.owner } : {}),
          ...(o.n !== undefined ? { n: o.n } : {}),
          ...(o.tag !== undefined ? { tag: o.tag ?? undefined } : {}),
        });
      });
    } else if (o.t === "failed") {
      // A transaction that writes, then throws: nothing of it may be seen afterwards.
      await expect(
        t.run(async (ctx) => {
          await ctx.db.insert("items", { owner: o.owner, n: o.n });
          const first = await ctx.db
            .query("items")
            .withIndex("by_owner", (q) => q.eq("owner", o.owner))
            .first();
          if (first) await ctx.db.patch(first._id, { owner: "moved" });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
    } else {
      // Writes are visible to the same transaction's indexed reads, before they commit.
      results.push(
        await t.run(async (ctx) => {
          await ctx.db.insert("items", { owner: o.owner, n: o.n });
          const first = await ctx.db
            .query("items")
            .withIndex("by_owner", (q) => q.eq("owner", o.owner))
            .first();
          if (first) await ctx.db.patch(first._id, { n: o.n + 10 });
          return strip(
            await ctx.db
              .query("items")
              .withIndex("by_owner_n", (q) => q.eq("owner", o.owner))
              .collect(),
          );
        }),
      );
    }
  }
  return results;
}

describe("the indexed store", () => {
  it("answers every query exactly as convex-test's full walk does, over random writes, patches of indexed fields, deletes and rollbacks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const plain = deployment();
        const indexed = deployment();
        await indexStore(indexed);
        const half = Math.floor(ops.length / 2);
        // Half the writes before the first query builds the per-field sets, half after.
        expect(await apply(indexed, ops.slice(0, half))).toEqual(await apply(plain, ops.slice(0, half)));
        expect(await snapshot(indexed)).toEqual(await snapshot(plain));
        expect(await apply(indexed, ops.slice(half))).toEqual(await apply(plain, ops.slice(half)));
        expect(await snapshot(indexed)).toEqual(await snapshot(plain));
      }),
      { numRuns: 60 },
    );
  });

  it("examines only the documents holding the equality's value, not every document of every table", async () => {
    const t = deployment();
    await indexStore(t);
    await t.run(async (ctx) => {
      for (let i = 0; i < 1_000; i++) await ctx.db.insert("items", { owner: `o${i % 100}`, n: i });
      for (let i = 0; i < 500; i++) await ctx.db.insert("others", { owner: "o7" });
    });
    const before = (await documentsVisited(t))!;
    const found = await t.run((ctx) =>
      ctx.db
        .query("items")
        .withIndex("by_owner", (q) => q.eq("owner", "o7"))
        .collect(),
    );
    expect(found).toHaveLength(10);
    expect((await documentsVisited(t))! - before).toBe(10);
    expect(await documentsVisited(deployment())).toBeNull();
  });

  it("indexes documents written before it was attached", async () => {
    const t = deployment();
    await t.run(async (ctx) => {
      await ctx.db.insert("items", { owner: "a", n: 1 });
      await ctx.db.insert("items", { owner: "b", n: 2 });
    });
    await indexStore(t);
    await indexStore(t); // idempotent
    const found = await t.run((ctx) =>
      ctx.db
        .query("items")
        .withIndex("by_owner", (q) => q.eq("owner", "b"))
        .collect(),
    );
    expect(found.map((d) => d.n)).toEqual([2]);
  });
});
