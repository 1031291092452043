// What the simulated people do. Every show's seasons and episode counts come from the offline
// TMDB catalog the bot reads, so no command asks for an episode that does not exist unless it
// is meant to (those are marked `intendedError` and counted apart).
import { loadTmdbCatalog } from "../sandbox/tmdb-catalog.ts";
import type { Actor, ActResult, DiscordSandbox } from "../sandbox/discord/index.ts";

export interface CatalogShow {
  id: number;
  name: string;
  /** Episodes per regular season (season 0, specials, left out), in season order; empty seasons dropped. */
  seasons: { number: number; episodes: number }[];
}

export async function catalogShows(ids: number[]): Promise<Map<number, CatalogShow>> {
  const catalog = await loadTmdbCatalog();
  const shows = new Map<number, CatalogShow>();
  for (const id of ids) {
    const entry = catalog.shows.get(id);
    if (!entry) throw new Error(`show ${id} is not in the offline TMDB catalog`);
    const seasons = [...entry.seasons.entries()]
      .map(([number, season]) => ({ number, episodes: Array.isArray(season.episodes) ? season.episodes.length : 0 }))
      .filter((s) => s.number > 0 && s.episodes > 0)
      .sort((a, b) => a.number - b.number);
    if (seasons.length === 0) throw new Error(`show ${id} has no regular season with episodes in the catalog`);
    shows.set(id, { id, name: String(entry.details.name), seasons });
  }
  return shows;
}

/** One interaction the step performs: its type label, and how to perform it. */
export type Act = (type: string, perform: () => Promise<ActResult>, options?: { intendedError?: boolean }) => Promise<ActResult>;

export interface StepContext {
  discord: DiscordSandbox;
  act: Act;
  shows: Map<number, CatalogShow>;
  /** Pause between keystrokes while typing into an autocompleted option. */
  keystrokeMs: number;
}

/** What a step sends Discord: commands only, a command and then a click on its card, or keystrokes. */
export type StepKind = "commands" | "command-then-click" | "autocomplete";

export interface Step {
  name: string;
  weight: number;
  kind: StepKind;
  run(ctx: StepContext, actor: Actor, n: number): Promise<void>;
  /**
   * For "command-then-click" steps: the command, returning the click on its card (null when the
   * card offers nothing to click), so the clicks can be measured apart from the commands.
   */
  prepareClick?(ctx: StepContext, actor: Actor, n: number): Promise<((act: Act) => Promise<void>) | null>;
}

/** A "command-then-click" step: the command, then at once the click it prepared. */
function commandThenClick(step: Omit<Step, "kind" | "run" | "prepareClick"> & { prepareClick: NonNullable<Step["prepareClick"]> }): Step {
  return {
    ...step,
    kind: "command-then-click",
    run: async (ctx, actor, n) => {
      const click = await step.prepareClick(ctx, actor, n);
      if (click) await click(ctx.act);
    },
  };
}

/** Shows the warm workload uses (One Piece: 21 seasons of very different lengths). */
export const WARM_SHOWS = [1399, 1396, 87108, 37854, 2316];
/** Shows whose first command is measured as "a show Convex hasn't seen", and that command. */
export const NEW_SHOWS: { id: number; command: "/ep" | "/watch info" | "/watch add" | "/mark season" | "/mark show" }[] = [
  { id: 37854, command: "/ep" },
  { id: 1399, command: "/ep" },
  { id: 1396, command: "/ep" },
  { id: 87108, command: "/ep" },
  { id: 2316, command: "/ep" },
  { id: 1668, command: "/ep" },
  { id: 1438, command: "/watch info" },
  { id: 1398, command: "/watch add" },
  { id: 1429, command: "/mark season" },
  // Sherlock has specials (season 0) as well.
  { id: 19885, command: "/mark show" },
];

/** The first command on a show nobody has used yet. */
export function firstCommandOn(
  discord: DiscordSandbox,
  actor: Actor,
  show: CatalogShow,
  command: (typeof NEW_SHOWS)[number]["command"],
): Promise<ActResult> {
  const ref = `tv:${show.id}`;
  const season = show.seasons[0]!.number;
  switch (command) {
    case "/ep":
      return discord.runCommand(actor, "ep", { show: ref, season, episode: "1" });
    case "/watch info":
      return discord.runCommand(actor, "watch info", { title: ref });
    case "/watch add":
      return discord.runCommand(actor, "watch add", { title: ref });
    case "/mark season":
      return discord.runCommand(actor, "mark season", { show: ref, season });
    case "/mark show":
      return discord.runCommand(actor, "mark show", { show: ref });
  }
}
export const MOVIES = [27205, 155, 157336, 603, 680, 550, 238, 496243, 129, 438631];
/** Small shows for /mark show (marking all of One Piece, 1,100 episodes, is a background job of its own). */
const MARK_SHOW_IDS = [87108, 1396, 1399];
export const TYPED_QUERIES = ["game of thrones", "breaking bad", "one piece", "chernobyl", "the office"];

const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(n) % list.length]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A season and episode that exist, spread over the show by n. */
function episodeOf(show: CatalogShow, n: number): { season: number; episode: number } {
  const season = pick(show.seasons, n);
  return { season: season.number, episode: (Math.floor(n / show.seasons.length) % season.episodes) + 1 };
}

function showOf(ctx: StepContext, n: number): CatalogShow {
  return ctx.shows.get(pick(WARM_SHOWS, n))!;
}

export const STEPS: Step[] = [
  {
    name: "/ep",
    weight: 24,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const show = showOf(ctx, n);
      const { season, episode } = episodeOf(show, n);
      await ctx.act("/ep", () => ctx.discord.runCommand(actor, "ep", { show: `tv:${show.id}`, season, episode: String(episode) }));
    },
  },
  {
    name: "/ep range",
    weight: 5,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const show = showOf(ctx, n + 1);
      const season = pick(show.seasons, n);
      const first = (n % season.episodes) + 1;
      const last = Math.min(season.episodes, first + 4);
      await ctx.act("/ep range", () =>
        ctx.discord.runCommand(actor, "ep", { show: `tv:${show.id}`, season: season.number, episode: `${first}-${last}` }),
      );
    },
  },
  commandThenClick({
    name: "/ep, then its next-episode button",
    weight: 8,
    prepareClick: async (ctx, actor, n) => {
      const show = showOf(ctx, n + 2);
      const season = pick(show.seasons, n);
      // An episode with a next one in the same season, so the card offers "Mark S…E…".
      const episode = season.episodes > 1 ? (n % (season.episodes - 1)) + 1 : 1;
      const card = await ctx.act("/ep", () =>
        ctx.discord.runCommand(actor, "ep", { show: `tv:${show.id}`, season: season.number, episode: String(episode) }),
      );
      const next = buttonLabels(card).find((label) => label.startsWith("Mark S"));
      // No "up next" when this person has already watched everything after it: nothing to click.
      // (A card that never offers one shows as no clicks of this type in the table.)
      if (next === undefined) return null;
      return async (act) => void (await act('click "Mark S…E…" (next episode)', () => ctx.discord.click(actor, next)));
    },
  }),
  commandThenClick({
    name: "/ep, then Undo",
    weight: 3,
    prepareClick: async (ctx, actor, n) => {
      const show = showOf(ctx, n + 3);
      const { season, episode } = episodeOf(show, n + 7);
      await ctx.act("/ep", () => ctx.discord.runCommand(actor, "ep", { show: `tv:${show.id}`, season, episode: String(episode) }));
      return async (act) => void (await act('click "Undo"', () => ctx.discord.click(actor, "Undo")));
    },
  }),
  {
    name: "/ep past the last season (intended error)",
    weight: 2,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const show = showOf(ctx, n);
      const last = show.seasons.at(-1)!.number;
      await ctx.act(
        "/ep past the last season",
        () => ctx.discord.runCommand(actor, "ep", { show: `tv:${show.id}`, season: last + 1, episode: "1" }),
        { intendedError: true },
      );
    },
  },
  {
    name: "/mark season",
    weight: 4,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const show = showOf(ctx, n);
      const season = pick(show.seasons, n);
      await ctx.act("/mark season", () =>
        ctx.discord.runCommand(actor, "mark season", { show: `tv:${show.id}`, season: season.number, watched: n % 2 === 0 }),
      );
    },
  },
  {
    name: "/mark show",
    weight: 3,
    kind: "commands",
    run: async (ctx, actor, n) => {
      await ctx.act("/mark show", () =>
        ctx.discord.runCommand(actor, "mark show", { show: `tv:${pick(MARK_SHOW_IDS, n)}`, watched: n % 2 === 0 }),
      );
    },
  },
  {
    name: "/watch add",
    weight: 8,
    kind: "commands",
    run: async (ctx, actor, n) => {
      await ctx.act("/watch add", () => ctx.discord.runCommand(actor, "watch add", { title: `movie:${pick(MOVIES, n)}` }));
    },
  },
  {
    name: "/watch status",
    weight: 7,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const status = pick(["want-to-watch", "watching", "finished"], n);
      await ctx.act("/watch status", () =>
        ctx.discord.runCommand(actor, "watch status", { title: `movie:${pick(MOVIES, n + 3)}`, status }),
      );
    },
  },
  {
    name: "/watch react",
    weight: 6,
    kind: "commands",
    run: async (ctx, actor, n) => {
      const reaction = pick(["loved", "liked", "mixed", "not-for-me", "clear"], n);
      await ctx.act("/watch react", () =>
        ctx.discord.runCommand(actor, "watch react", { title: `movie:${pick(MOVIES, n + 5)}`, reaction }),
      );
    },
  },
  commandThenClick({
    name: "/watch info, then a status button",
    weight: 8,
    prepareClick: async (ctx, actor, n) => {
      const title = n % 2 ? `tv:${showOf(ctx, n).id}` : `movie:${pick(MOVIES, n)}`;
      const card = await ctx.act("/watch info", () => ctx.discord.runCommand(actor, "watch info", { title }));
      if (n % 2 !== 0) return null;
      const labels = buttonLabels(card);
      const status = ["Watching", "Finished", "Want to watch"].filter((label) => labels.includes(label));
      if (status.length === 0) throw new Error(`the /watch info card for ${title} has no status button (buttons: ${labels.join(", ")})`);
      return async (act) => void (await act("click a status button on the title card", () => ctx.discord.click(actor, pick(status, n))));
    },
  }),
  {
    name: "/watch list",
    weight: 7,
    kind: "commands",
    run: async (ctx, actor, n) => {
      await ctx.act("/watch list", () => ctx.discord.runCommand(actor, "watch list", n % 3 === 0 ? { scope: "all" } : {}));
    },
  },
  {
    name: "autocomplete, typed one keystroke at a time",
    weight: 8,
    kind: "autocomplete",
    run: async (ctx, actor, n) => {
      const query = pick(TYPED_QUERIES, n);
      // Someone typing: every keystroke is its own autocomplete interaction.
      for (let i = 1; i <= query.length; i++) {
        await ctx.act("autocomplete (per keystroke)", () => ctx.discord.runAutocomplete(actor, "ep", "show", query.slice(0, i)));
        await sleep(ctx.keystrokeMs);
      }
    },
  },
];

/** Labels of the enabled buttons on the messages an interaction produced. */
export function buttonLabels(result: ActResult): string[] {
  const labels: string[] = [];
  const walk = (component: unknown) => {
    if (typeof component !== "object" || component === null) return;
    const c = component as {
      type?: number;
      label?: unknown;
      disabled?: boolean;
      style?: number;
      components?: unknown[];
      accessory?: unknown;
    };
    if (c.type === 2 && typeof c.label === "string" && !c.disabled && c.style !== 5) labels.push(c.label);
    for (const child of c.components ?? []) walk(child);
    walk(c.accessory);
  };
  for (const event of result.events) {
    // Events of other people's interactions that happened meanwhile are in the list too.
    if ((event as { interaction_id?: string }).interaction_id !== result.interactionId) continue;
    if ("components" in event && Array.isArray(event.components)) for (const component of event.components) walk(component);
  }
  return labels;
}

const WEIGHT_TOTAL = STEPS.reduce((sum, s) => sum + s.weight, 0);

/** The step for the n-th action of the mixed workload, spread by weight. */
export function stepFor(n: number): Step {
  let r = (n * 7919) % WEIGHT_TOTAL;
  for (const step of STEPS) {
    if (r < step.weight) return step;
    r -= step.weight;
  }
  return STEPS[0]!;
}
