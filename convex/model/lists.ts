// The web app's custom lists (docs/web-api.md). Same results as the original for
// the owner; unlike the original, every function checks that the list is the caller's.
// Errors are plain Error: the web app's list dialog shows err.message as it is.
import { ConvexError } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { cleanMetadata, type ItemMetadata } from "./watchItems";

export const DUPLICATE_LIST = "A list with this name already exists";
export const LIST_NOT_FOUND = "List not found";
/** The web client caps names at 50; the server refuses what no client sends. */
const MAX_NAME = 100;
/** Lists per user; sortOrder needs them all, so the count stays bounded. */
export const MAX_LISTS = 500;

export function cleanListName(name: string): string {
  if (name.trim().length === 0) throw new ConvexError("A list needs a name");
  if (name.length > MAX_NAME) throw new ConvexError(`A list name can be at most ${MAX_NAME} characters`);
  return name;
}

export function cleanColor(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  if (!/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(color)) {
    throw new ConvexError("A list colour is a hex colour such as #3b82f6");
  }
  return color;
}

async function sameName(ctx: QueryCtx, userId: Id<"users">, name: string): Promise<Doc<"lists"> | null> {
  return await ctx.db
    .query("lists")
    .withIndex("by_user_name", (q) => q.eq("userId", userId).eq("name", name))
    .first();
}

export async function ownLists(ctx: QueryCtx, userId: Id<"users">): Promise<Doc<"lists">[]> {
  return await ctx.db
    .query("lists")
    .withIndex("by_user", (q) => q.eq("userId", userId))
    .take(MAX_LISTS);
}

/** The caller's list, or the same error whether it is someone else's or gone. */
export async function ownList(ctx: QueryCtx, userId: Id<"users">, listId: Id<"lists">): Promise<Doc<"lists">> {
  const list = await ctx.db.get(listId);
  if (list === null || list.userId !== userId) throw new ConvexError(LIST_NOT_FOUND);
  return list;
}

export async function createList(ctx: MutationCtx, userId: Id<"users">, args: { name: string; color?: string }): Promise<Id<"lists">> {
  const name = cleanListName(args.name);
  const color = cleanColor(args.color);
  if ((await sameName(ctx, userId, name)) !== null) throw new ConvexError(DUPLICATE_LIST);
  const lists = await ownLists(ctx, userId);
  if (lists.length >= MAX_LISTS) throw new ConvexError(`You can have at most ${MAX_LISTS} lists`);
  const sortOrder = lists.reduce((max, l) => Math.max(max, l.sortOrder), -1) + 1;
  const now = Date.now();
  return await ctx.db.insert("lists", { userId, name, color, sortOrder, createdAt: now, updatedAt: now });
}

export async function updateList(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { listId: Id<"lists">; name?: string; color?: string },
): Promise<void> {
  const list = await ownList(ctx, userId, args.listId);
  const patch: Partial<Doc<"lists">> = { updatedAt: Date.now() };
  if (args.name !== undefined) {
    const name = cleanListName(args.name);
    const other = await sameName(ctx, userId, name);
    if (other !== null && other._id !== list._id) throw new ConvexError(DUPLICATE_LIST);
    patch.name = name;
  }
  if (args.color !== undefined) patch.color = cleanColor(args.color);
  await ctx.db.patch(list._id, patch);
}

export async function deleteList(ctx: MutationCtx, userId: Id<"users">, listId: Id<"lists">): Promise<void> {
  const list = await ownList(ctx, userId, listId);
  const items = await ctx.db
    .query("list_items")
    .withIndex("by_list", (q) => q.eq("listId", list._id))
    .collect();
  for (const item of items) await ctx.db.delete(item._id);
  await ctx.db.delete(list._id);
}

export async function addListItem(
  ctx: MutationCtx,
  userId: Id<"users">,
  listId: Id<"lists">,
  args: { tmdbId: number; mediaType: string } & ItemMetadata,
): Promise<Id<"list_items">> {
  return await ctx.db.insert("list_items", {
    userId,
    listId,
    tmdbId: args.tmdbId,
    mediaType: args.mediaType,
    addedAt: Date.now(),
    ...cleanMetadata(args),
  });
}

/** Adds the title to the caller's list, or removes it if there; true when it is now in. */
export async function toggleItem(
  ctx: MutationCtx,
  userId: Id<"users">,
  args: { listId: Id<"lists">; tmdbId: number; mediaType: string } & ItemMetadata,
): Promise<boolean> {
  const list = await ownList(ctx, userId, args.listId);
  const existing = await ctx.db
    .query("list_items")
    .withIndex("by_list_media", (q) => q.eq("listId", list._id).eq("tmdbId", args.tmdbId).eq("mediaType", args.mediaType))
    .first();
  if (existing !== null) {
    await ctx.db.delete(existing._id);
    return false;
  }
  await addListItem(ctx, userId, list._id, args);
  return true;
}

/**
 * A list's items for its owner, each with display data falling back to the owner's
 * watch item and that item's raw progressStatus and reaction (the web app's badges).
 */
export async function listItemsView(ctx: QueryCtx, userId: Id<"users">, listId: Id<"lists">) {
  const list = await ctx.db.get(listId);
  if (list === null || list.userId !== userId) return [];
  const items = await ctx.db
    .query("list_items")
    .withIndex("by_list", (q) => q.eq("listId", listId))
    .collect();
  return await Promise.all(
    items.map(async (item) => {
      const watch = await ctx.db
        .query("watch_items")
        .withIndex("by_user_media", (q) => q.eq("userId", userId).eq("tmdbId", item.tmdbId).eq("mediaType", item.mediaType))
        .first();
      return {
        ...item,
        title: item.title ?? watch?.title,
        image: item.image ?? watch?.image,
        release_date: item.release_date ?? watch?.release_date,
        overview: item.overview ?? watch?.overview,
        rating: item.rating ?? watch?.rating,
        progressStatus: watch?.progressStatus,
        reaction: watch?.reaction,
      };
    }),
  );
}
