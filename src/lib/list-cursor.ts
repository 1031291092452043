import { staleComponent } from "./errors.ts";
import type { MediaType } from "./tmdb.ts";

export type ListScope = "watchlist" | "all";
export type ListStatus = "want-to-watch" | "watching" | "finished";

/** Where a `/watch list` page button leads: whose list, which filters, and a keyset cursor (survives restarts). */
export interface ListCursor {
  owner: string;
  status?: ListStatus;
  type?: MediaType;
  scope: ListScope;
  page: number;
  cursor?: { before: number; creation: number };
}

export const MAX_LIST_PAGE = 10_000;

const STATUS_CODE: Record<ListStatus, string> = { "want-to-watch": "p", watching: "w", finished: "f" };
const TYPE_CODE: Record<MediaType, string> = { movie: "m", tv: "t" };
const SCOPE_CODE: Record<ListScope, string> = { watchlist: "l", all: "a" };

const decodeWith = <T extends string>(codes: Record<T, string>, code: string | undefined): T | undefined =>
  (Object.keys(codes) as T[]).find((key) => codes[key] === code);

/** Custom id arguments: owner, a three-letter filter code, before, creation, page. */
export function encodeListCursor(state: ListCursor): string[] {
  const filters = `${state.status ? STATUS_CODE[state.status] : "-"}${state.type ? TYPE_CODE[state.type] : "-"}${SCOPE_CODE[state.scope]}`;
  return [state.owner, filters, state.cursor ? String(state.cursor.before) : "-", state.cursor ? String(state.cursor.creation) : "-", String(state.page)];
}

/** The arguments back, checked: anything a list could not have handed out is a stale or forged button. */
export function decodeListCursor(args: string[]): ListCursor {
  const [owner, filters, before, creation, page] = args;
  if (args.length !== 5 || owner === undefined || !/^\d{15,22}$/.test(owner)) throw staleComponent();
  if (filters === undefined || filters.length !== 3) throw staleComponent();
  const status = filters[0] === "-" ? undefined : decodeWith(STATUS_CODE, filters[0]);
  const type = filters[1] === "-" ? undefined : decodeWith(TYPE_CODE, filters[1]);
  const scope = decodeWith(SCOPE_CODE, filters[2]);
  if ((filters[0] !== "-" && status === undefined) || (filters[1] !== "-" && type === undefined) || scope === undefined) throw staleComponent();
  if (page === undefined || !/^\d{1,5}$/.test(page) || Number(page) < 1 || Number(page) > MAX_LIST_PAGE) throw staleComponent();
  let cursor: ListCursor["cursor"];
  if (before !== "-" || creation !== "-") cursor = { before: timestamp(before), creation: timestamp(creation) };
  return { owner, status, type, scope, page: Number(page), cursor };
}

/** A millisecond timestamp (Convex creation times carry fractions). */
function timestamp(value: string | undefined): number {
  if (value === undefined || value.length > 32 || !/^\d+(\.\d+)?(e[+-]\d+)?$/.test(value)) throw staleComponent();
  const n = Number(value);
  if (!Number.isFinite(n) || n > 1e15) throw staleComponent();
  return n;
}
