// The fault phase (issue 25): a Convex outage under load. --users people keep marking episodes
// (one distinct episode per action, so every write can be checked afterwards) while the loopback
// deployment goes down for --fault-outage seconds and comes back. Reports how many interactions
// were acknowledged within Discord's 3 s and answered within 10 s, how many answers were true
// for what Convex holds afterwards, writes lost (told saved, not there) and duplicated (applied
// twice: an Undo entry more than the episodes marked), and how long after `up` writes succeed again.
import { performance } from "node:perf_hooks";
import type { Actor, DiscordEvent, DiscordSandbox } from "../sandbox/discord/index.ts";
import type { World } from "./world.ts";
import type { CatalogShow } from "./workload.ts";
import { round } from "./recorder.ts";

/** How an answer reads, sorted by what it claims. */
type Claim =
  "saved" | "nothing_changed" | "may_not_be_saved" | "saved_not_shown" | "rate_limited" | "other" | "no_answer" | "interaction_failed";

interface Action {
  user: string;
  episode: string;
  startedAt: number;
  interactionId: string | null;
  ackMs: number | null;
  answerMs: number | null;
  answeredAt: number | null;
  text: string;
  failed: boolean;
}

export interface FaultPhaseOptions {
  world: World;
  guild: string;
  channels: string[];
  users: number;
  show: CatalogShow;
  outageMs: number;
  /** Load before the outage and after it (ms). */
  beforeMs: number;
  afterMs: number;
  thinkMs: [number, number];
  progress: (message: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function claimOf(action: Action): Claim {
  if (action.failed) return "interaction_failed";
  if (action.answerMs === null) return "no_answer";
  const t = action.text;
  if (t.includes("nothing was changed")) return "nothing_changed";
  if (t.includes("may not have been saved")) return "may_not_be_saved";
  if (t.includes("was saved, but I can't show it")) return "saved_not_shown";
  if (t.startsWith("⏳") || /slow down|too many changes/i.test(t)) return "rate_limited";
  if (new RegExp(`Watched \\*{0,2}${action.episode}\\b`).test(t)) return "saved";
  return "other";
}

export async function faultPhase(options: FaultPhaseOptions) {
  const { world, show } = options;
  const discord: DiscordSandbox = world.discord;
  const episodes = show.seasons.flatMap((s) => Array.from({ length: s.episodes }, (_, i) => ({ season: s.number, episode: i + 1 })));
  const actors: Actor[] = Array.from({ length: options.users }, (_, i) => ({
    user: `faulter${i + 1}`,
    guild: options.guild,
    channel: options.channels[i % options.channels.length]!,
  }));
  for (const actor of actors) discord.join(options.guild, actor.user);

  // Discord's view of every interaction, as it happens: when it was created and acknowledged, its first real answer.
  const created = new Map<string, number>();
  const ackMsById = new Map<string, number>();
  const answerById = new Map<string, { at: number; text: string }>();
  const failedIds = new Set<string>();
  const onAck = (report: { interactionId: string; ms: number }) => {
    created.set(report.interactionId, performance.now() - report.ms);
    ackMsById.set(report.interactionId, report.ms);
  };
  const onEvent = (event: DiscordEvent) => {
    const id = (event as { interaction_id?: string }).interaction_id;
    if (id === undefined) return;
    if (event.t === "interaction_failed") failedIds.add(id);
    if (answerById.has(id) || !["reply", "reply_edit", "followup"].includes(event.t)) return;
    if (event.t === "reply" && (event as { deferred?: boolean }).deferred) return;
    const e = event as { content?: string | null; embeds?: { title?: string; description?: string }[] };
    answerById.set(id, {
      at: performance.now(),
      text: [e.content ?? "", ...(e.embeds ?? []).flatMap((x) => [x.title ?? "", x.description ?? ""])].join("\n"),
    });
  };
  discord.on("ack", onAck);
  discord.on("event", onEvent);

  const actions: Action[] = [];
  const started = performance.now();
  const outageAt = started + options.beforeMs;
  const upAt = outageAt + options.outageMs;
  const endAt = upAt + options.afterMs;
  let upDoneAt = upAt;
  const timeline = (async () => {
    await sleep(options.beforeMs);
    await world.convex.setFault({ kind: "down" });
    options.progress(`fault: Convex down for ${options.outageMs / 1000} s under ${options.users} users`);
    await sleep(Math.max(0, upAt - performance.now()));
    await world.convex.setFault({ kind: "none" });
    upDoneAt = performance.now();
    options.progress("fault: Convex up");
  })();
  let n = 0;
  await Promise.all(
    actors.map(async (actor) => {
      for (let k = 0; ; k++) {
        const think = options.thinkMs[0] + (((n++ * 2_654_435_761) % 1_000) / 1_000) * (options.thinkMs[1] - options.thinkMs[0]);
        await sleep(think);
        if (performance.now() >= endAt) return;
        const target = episodes[k % episodes.length]!;
        const action: Action = {
          user: actor.user,
          episode: `S${target.season}E${target.episode}`,
          startedAt: performance.now(),
          interactionId: null,
          ackMs: null,
          answerMs: null,
          answeredAt: null,
          text: "",
          failed: false,
        };
        actions.push(action);
        const result = await discord
          .runCommand(actor, "ep", { show: `tv:${show.id}`, season: target.season, episode: String(target.episode) })
          .catch(() => null);
        action.interactionId = result?.interactionId ?? null;
        if (k + 1 >= episodes.length) return;
      }
    }),
  );
  await timeline;
  await discord.waitForIdle();
  discord.off("ack", onAck);
  discord.off("event", onEvent);
  for (const action of actions) {
    const id = action.interactionId;
    if (id === null) continue;
    action.ackMs = ackMsById.get(id) ?? null;
    action.failed = failedIds.has(id);
    const answer = answerById.get(id);
    if (answer) {
      action.answeredAt = answer.at;
      action.answerMs = answer.at - (created.get(id) ?? action.startedAt);
      action.text = answer.text;
    }
  }

  // What Convex holds now, against what each person was told.
  const ids = new Map(actors.map((a) => [a.user, discord.user(a.user).id]));
  const held = await world.convex.inspect([...ids.values()], show.id);
  let lostWrites = 0;
  let untrue = 0;
  let duplicatedWrites = 0;
  const claims: Record<Claim, number> = {
    saved: 0,
    nothing_changed: 0,
    may_not_be_saved: 0,
    saved_not_shown: 0,
    rate_limited: 0,
    other: 0,
    no_answer: 0,
    interaction_failed: 0,
  };
  let answeredTrue = 0;
  for (const action of actions) {
    const claim = claimOf(action);
    claims[claim]++;
    const there = held[ids.get(action.user)!]?.watched.includes(action.episode) ?? false;
    if (claim === "saved" && !there) lostWrites++;
    const lie =
      ((claim === "saved" || claim === "saved_not_shown") && !there) || (claim === "nothing_changed" && there) || claim === "other";
    if (lie && claim !== "saved") untrue++;
    const answered = claim !== "no_answer" && claim !== "interaction_failed" && (action.answerMs ?? Infinity) < 10_000;
    if (answered && !lie) answeredTrue++;
  }
  for (const person of Object.values(held)) duplicatedWrites += Math.max(0, person.undoEntries - person.watched.length);
  const ackWithin3s = actions.filter((a) => a.ackMs !== null && a.ackMs < 3_000).length;
  const answeredWithin10s = actions.filter((a) => a.answerMs !== null && a.answerMs < 10_000 && !a.failed).length;
  // Recovery: from `up` to the first write started after it that was saved.
  const recovered = actions
    .filter((a) => a.startedAt >= upDoneAt && claimOf(a) === "saved")
    .sort((x, y) => x.answeredAt! - y.answeredAt!)[0];
  const during = actions.filter((a) => a.startedAt >= outageAt && a.startedAt < upAt);
  const percent = (count: number) => (actions.length === 0 ? null : round((100 * count) / actions.length));
  const secondsToRecover = recovered ? round((recovered.answeredAt! - upDoneAt) / 1000) : null;
  const outageAnswerMs = during
    .map((a) => a.answerMs)
    .filter((ms): ms is number => ms !== null)
    .sort((x, y) => x - y);
  const figures = {
    note: `${options.users} users mark one new episode of ${show.name} per action (0.5–1.5 s apart) for ${Math.round((options.beforeMs + options.outageMs + options.afterMs) / 1000)} s; Convex is down (connections refused) for ${options.outageMs / 1000} s in the middle. Truth is judged against what Convex holds afterwards`,
    outageSeconds: options.outageMs / 1000,
    interactions: actions.length,
    duringOutage: during.length,
    acknowledgedWithin3s: { count: ackWithin3s, percent: percent(ackWithin3s) },
    answeredWithin10s: { count: answeredWithin10s, percent: percent(answeredWithin10s) },
    answeredWithTrueMessage: { count: answeredTrue, percent: percent(answeredTrue) },
    outageAnswerMs: { p50: outageAnswerMs[Math.floor(outageAnswerMs.length / 2)] ?? null, max: outageAnswerMs.at(-1) ?? null },
    claims,
    untrueMessages: untrue,
    lostWrites,
    duplicatedWrites,
    secondsToRecover,
  };
  const targets = {
    acknowledgedWithin3s: {
      target: "100 % of interactions acknowledged within 3 s",
      pass: ackWithin3s === actions.length && actions.length > 0,
    },
    answeredWithTrueMessage: {
      target: "every interaction answered within 10 s with a message true for what Convex holds",
      pass: answeredTrue === actions.length && actions.length > 0,
    },
    lostWrites: { target: "0 writes told saved and not there", pass: lostWrites === 0 },
    duplicatedWrites: { target: "0 writes applied twice", pass: duplicatedWrites === 0 },
    recovered: { target: "writes succeed again after the outage", pass: secondsToRecover !== null },
  };
  options.progress(
    `fault: ${actions.length} interactions, ${ackWithin3s} acknowledged within 3 s, ${answeredTrue} answered truly, ${lostWrites} lost, ${duplicatedWrites} duplicated, recovered in ${secondsToRecover ?? "—"} s`,
  );
  return { ...figures, targets, allTargetsMet: Object.values(targets).every((t) => t.pass) };
}
