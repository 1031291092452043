import { vi } from "vitest";

/** A message posted through the fake: `body` is the payload as last edited. */
export type FakeMessage = {
  id: string;
  channelId: string;
  body: any;
  nonce?: string;
  postedAt?: number;
  deleted?: boolean;
  recipient?: string;
};
/** A Guild Scheduled Event created through the fake. */
export type FakeEvent = { id: string; body: any; deleted?: boolean };
/**
 * An answer to give instead of Discord's. `lands` on a post: the message lands all the same, and
 * this answer comes back in place of Discord's (`status: 0` is short for a lost answer, a 502).
 */
export type Answer = { status: number; body?: unknown; lands?: boolean };

/**
 * How long the fake remembers a post's nonce for enforce_nonce. Discord's documentation says only
 * "in the past few minutes" (no exact figure), so this is 5 minutes, as in the sandbox
 * (sandbox/discord/rest/channels.ts).
 */
export const NONCE_WINDOW_MS = 5 * 60_000;

/**
 * Discord's REST at `fetch`, for convex-test runs of convex/lib/discord.ts's callers: channel posts
 * (enforce_nonce returns the first post with that nonce for NONCE_WINDOW_MS, on the fake clock), edits (fields sent replace those fields, as Discord's
 * PATCH does), deletes, DM channels, poll results and Guild Scheduled Events. `faults` answers the
 * next requests of a kind instead; `other` answers anything else (e.g. TMDB) before the 404.
 */
export function fakeDiscord(options: { dmChannel: string; other?: (url: string, init: RequestInit) => Response | undefined }) {
  const messages: FakeMessage[] = [];
  const events: FakeEvent[] = [];
  const requests: { method: string; path: string; body: any }[] = [];
  const faults: Record<"post" | "edit" | "dm", Answer[]> = { post: [], edit: [], dm: [] };
  const state = { canCreateEvents: true, pollCounts: [] as { id: number; count: number }[], pollFinal: true };
  let next = 500000000000000000n;
  let recipient: string | undefined;
  let postAttempts = 0;
  const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });

  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const other = options.other?.(url, init);
    if (other !== undefined) return other;
    const path = new URL(url).pathname.replace(/^\/api\/v10/, "");
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    requests.push({ method: init.method!, path, body });
    let m: RegExpMatchArray | null;
    if (init.method === "POST" && path === "/users/@me/channels") {
      const fault = faults.dm.shift();
      if (fault) return json(fault.status, fault.body);
      recipient = body.recipient_id;
      return json(200, { id: options.dmChannel, type: 1 });
    }
    if (init.method === "POST" && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      postAttempts++;
      const channelId = m[1]!;
      const fault = faults.post.shift();
      const lands = fault !== undefined && (fault.lands === true || fault.status === 0);
      if (fault && !lands) return json(fault.status, fault.body);
      const now = Date.now();
      const same = body.enforce_nonce
        ? messages.find(
            (x) => x.nonce === body.nonce && x.channelId === channelId && x.postedAt !== undefined && now - x.postedAt < NONCE_WINDOW_MS,
          )
        : undefined;
      if (same) return json(200, { id: same.id, channel_id: same.channelId });
      const msg: FakeMessage = {
        id: String(next++),
        channelId,
        body,
        nonce: body.nonce,
        postedAt: now,
        ...(channelId === options.dmChannel ? { recipient } : {}),
      };
      messages.push(msg);
      if (fault) return fault.status === 0 ? json(502, { message: "Bad Gateway" }) : json(fault.status, fault.body);
      return json(200, { id: msg.id, channel_id: msg.channelId });
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const msg = messages.find((x) => x.id === m![2] && x.channelId === m![1] && !x.deleted);
      if (init.method === "PATCH") {
        const fault = faults.edit.shift();
        if (fault) return json(fault.status, fault.body);
        if (!msg) return json(404, { code: 10008, message: "Unknown Message" });
        msg.body = { ...msg.body, ...body };
        return json(200, { id: msg.id, channel_id: msg.channelId });
      }
      if (init.method === "DELETE") {
        if (!msg) return json(404, { code: 10008, message: "Unknown Message" });
        msg.deleted = true;
        return json(204);
      }
      if (init.method === "GET") {
        if (!msg) return json(404, { code: 10008, message: "Unknown Message" });
        const poll = msg.body.poll
          ? { poll: { ...msg.body.poll, results: { is_finalized: state.pollFinal, answer_counts: state.pollCounts } } }
          : {};
        return json(200, { id: msg.id, channel_id: msg.channelId, ...msg.body, ...poll });
      }
    }
    if ((m = path.match(/^\/guilds\/(\d+)\/scheduled-events(?:\/(\d+))?$/))) {
      if (!state.canCreateEvents) return json(403, { code: 50013, message: "Missing Permissions" });
      if (init.method === "POST") {
        const event = { id: String(next++), body };
        events.push(event);
        return json(200, { id: event.id, ...body });
      }
      const event = events.find((e) => e.id === m![2] && !e.deleted);
      if (!event) return json(404, { code: 10070, message: "Unknown Guild Scheduled Event" });
      if (init.method === "PATCH") {
        event.body = { ...event.body, ...body };
        return json(200, { id: event.id, ...event.body });
      }
      if (init.method === "DELETE") {
        event.deleted = true;
        return json(204);
      }
    }
    return json(404, { code: 0, message: "404: Not Found" });
  });

  return {
    messages,
    events,
    requests,
    faults,
    state,
    /** Message posts attempted, refused ones included. */
    postAttempts: () => postAttempts,
    /** What is in a channel now (deleted messages left out). */
    inChannel: (channelId: string) => messages.filter((x) => x.channelId === channelId && !x.deleted),
  };
}
