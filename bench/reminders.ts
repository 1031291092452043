// Reminder figures (issue 12): documents read per reminder DM sent, stalled-show reminders and
// new-episode alerts together, over 8 days of sandbox time. The DMs are sent by Convex's crons on
// the sandbox clock, so this phase runs the in-process stack (real bot, local Discord, embedded
// Convex) and moves that clock. Documents are counted by the engine's transaction metrics for
// every reminder function (the hourly scans, empty ones included, deliveries and the fan-out).
import { runAloneWhenMain } from "./recorder.ts";
import type { SandboxEvent } from "../sandbox/events.ts";
import { startStack, type Stack } from "../sandbox/stack.ts";
import type { TransactionCost } from "../convex/lib/metrics.ts";

const GUILD = "Reminders";
const CHANNEL = "#tv";
const STALLED_USERS = 30;
const CAUGHT_UP_USERS = 10;
/** The Weekly Thing: three episodes out when the sandbox starts, one more every 7 days. */
const AIRING_SHOW = 990101;

async function command(stack: Stack, user: string, line: string, options: Record<string, string | number>) {
  const result = await stack.discord.runCommand({ user, guild: GUILD, channel: CHANNEL }, line, options);
  const reply = result.events.find((e) => e.t === "reply" || e.t === "reply_edit" || e.t === "followup") as
    { content?: string } | undefined;
  if (reply?.content?.startsWith("⚠️")) throw new Error(`${user} /${line}: ${reply.content}`);
}

export async function reminderFigures() {
  const stack = await startStack({ logLevel: "silent" });
  try {
    stack.discord.guild(GUILD);
    stack.discord.channel(GUILD, CHANNEL);
    // Stalled: two episodes of Game of Thrones, then nothing. Caught up: every aired episode of a weekly show.
    for (let i = 0; i < STALLED_USERS; i++) await command(stack, `stalled${i}`, "ep", { show: "1399", season: 1, episode: "1-2" });
    for (let i = 0; i < CAUGHT_UP_USERS; i++)
      await command(stack, `caughtup${i}`, "ep", { show: String(AIRING_SHOW), season: 1, episode: "1-3" });
    const costs: TransactionCost[] = [];
    const stop = stack.engine.observe((c) => costs.push(c));
    const dms: SandboxEvent[] = [];
    const listener = (e: SandboxEvent) => {
      if (e.t === "dm") dms.push(e);
    };
    stack.discord.on("event", listener);
    await stack.engine.wait(8 * 24 * 60 * 60 * 1000);
    stack.discord.off("event", listener);
    stop();
    const reminderCosts = costs.filter((c) => c.functionName.startsWith("reminders"));
    const read = reminderCosts.reduce((n, c) => n + c.documentsRead, 0);
    const alerts = dms.filter((e) => String((e as { content?: string }).content ?? "").startsWith("🆕")).length;
    return {
      note: "in-process stack over 8 sandbox days: hourly scans (empty ones included), deliveries, the daily airing check and its fan-out",
      users: { stalled: STALLED_USERS, caughtUp: CAUGHT_UP_USERS },
      dmsSent: dms.length,
      stalledReminders: dms.length - alerts,
      newEpisodeAlerts: alerts,
      reminderTransactions: reminderCosts.length,
      documentsRead: read,
      documentsReadPerReminderSent: dms.length ? Math.round((read / dms.length) * 10) / 10 : null,
      largestTransactionDocumentsRead: reminderCosts.length ? Math.max(...reminderCosts.map((c) => c.documentsRead)) : null,
    };
  } finally {
    await stack.stop();
  }
}

// `npx tsx bench/reminders.ts` runs this phase alone.
runAloneWhenMain(import.meta.url, reminderFigures);
