import { api } from "../../convex/_generated/api.js";
import type { SandboxEvent } from "../../sandbox/events.ts";
import { stackHooks } from "../../sandbox/hooks.ts";
import { parseScript, runScript } from "../../sandbox/script.ts";
import { interactionsMode, startStack, type Stack, type StackOptions } from "../../sandbox/stack.ts";
// Every test that uses this harness has its Discord traffic held to Discord's spec.
import "./held-to-spec.ts";

/** A sandbox event (sandbox/events.ts), its fields readable without narrowing first. */
export type Event = SandboxEvent & Record<string, any>;

/**
 * How this run delivers interactions (SANDBOX_INTERACTIONS): the suite runs every scenario over
 * the gateway, and again over HTTP interactions served by the deployment (vitest.config.ts).
 */
export const INTERACTIONS = interactionsMode(process.env.SANDBOX_INTERACTIONS);
/**
 * Scenarios about the bot process itself — its gateway connection, restarts, its own calls to
 * Convex — run where there is one (the gateway door). With HTTP interactions there is no process.
 */
export const botProcess = INTERACTIONS === "gateway";

/** The whole bot on loopback, as `npm run sandbox` runs it. */
export async function stack(options: StackOptions = {}): Promise<Stack> {
  // Convex faults are faults of a process's connection to Convex: over HTTP interactions, the Node door has one.
  const interactions = options.convexHttp && INTERACTIONS === "http" ? "http-node" : INTERACTIONS;
  return await startStack({ logLevel: process.env.E2E_LOG ?? "silent", interactions, ...options });
}

/** Runs a script and returns every event it produced, in order. */
export async function run(s: Stack, script: string): Promise<Event[]> {
  const events: Event[] = [];
  await runScript(parseScript(script), s.discord, stackHooks(s), (e) => events.push(e));
  return events;
}

export const ofType = (events: Event[], ...types: string[]) => events.filter((e) => types.includes(e.t));

/** The text of a bot message event: content plus every embed's title, description and fields. */
export function text(event: Event | undefined): string {
  if (!event) return "";
  const parts = [event.content ?? ""];
  for (const embed of event.embeds ?? []) {
    parts.push(embed.title ?? "", embed.description ?? "");
    for (const f of embed.fields ?? []) parts.push(f.name, f.value);
    if (embed.footer?.text) parts.push(embed.footer.text);
  }
  return parts.join("\n");
}

export function buttons(event: Event | undefined): string[] {
  return (event?.components ?? []).flatMap((row: any) => row.components.filter((c: any) => c.type === 2).map((c: any) => c.label));
}

/** Watched episodes as the Film Fanatic web app sees them for this Discord user's profile. */
export async function webEpisodes(s: Stack, userName: string, tmdbId: number) {
  const discordId = s.discord.user(userName).id;
  return await s.engine.run(async (t) =>
    (await t.withIdentity({ subject: `discord|${discordId}` }).query(api.watchlist.getAllWatchedEpisodes, { tmdbId }))
      // The web app's query answers unwatched rows too; the page counts the watched ones.
      .filter((e) => e.isWatched)
      .map((e) => `S${e.season}E${e.episode}`)
      .sort(),
  );
}

/** The title's watch_items document as the web app's title page reads it (flat, values as stored), or null. */
export async function webItem(s: Stack, userName: string, tmdbId: number, mediaType: "movie" | "tv") {
  const discordId = s.discord.user(userName).id;
  return await s.engine.run(
    async (t) => await t.withIdentity({ subject: `discord|${discordId}` }).query(api.watchlist.getMediaState, { tmdbId, mediaType }),
  );
}
