import { api } from "../../convex/_generated/api.js";
import { buildExport, type ExportPage, type ExportPart } from "../lib/account-export.ts";
import { buildLetterboxdExport, buildTraktExport } from "../lib/export-formats.ts";
import { defineCommand } from "../lib/command-options.ts";
import { accountCard, accountDeleteQuestion } from "../views/account.ts";
import { plural } from "../views/text.ts";
import { importHowTo } from "../views/import.ts";
import { command, forPerson, type BotContext } from "./types.ts";

/** Pages one export may read; 1,000 rows each. Past it the file says it is cut short. */
const MAX_EXPORT_PAGES = 200;

/** Discord's upload limit for a bot in a server without boosts, when the interaction doesn't say. */
const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

export const EXPORT_BUSY = "📦 I'm already preparing your export — it arrives here as soon as it's ready. One export at a time, please.";

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

type Pages = (part: ExportPart, cursor: string | null) => Promise<ExportPage>;

/**
 * Builds an export of what is stored for this Discord user, one export per person at a time (a
 * lease in Convex, so it holds across shards); null when one is already being prepared.
 */
async function withExportLease<T>(ctx: BotContext, discordUserId: string, build: (pages: Pages) => Promise<T>): Promise<T | null> {
  const lease = await ctx.backend.mutation(api.bot.linking.startExport, { discordUserId });
  if (!lease.started) return null;
  try {
    return await build((part, cursor) => ctx.backend.query(api.bot.linking.exportPage, { discordUserId, part, cursor }));
  } finally {
    // Giving the lease back can fail with Convex away: the lease then runs out by itself
    // (EXPORT_LEASE_MS), and the file already built — or the error that stopped it — is what counts.
    await ctx.backend
      .mutation(api.bot.linking.finishExport, { discordUserId, lease: lease.lease })
      .catch((error: unknown) => ctx.logger.warn({ err: error }, "could not release the export lease"));
  }
}

/** What /account shows: whom you are linked to, what is stored, and its buttons. */
async function accountCardFor(ctx: BotContext, discordUserId: string) {
  return accountCard(await ctx.backend.query(api.bot.linking.account, { discordUserId }));
}

/** /account: whom you are linked to, what is stored, an export, and deleting the Discord side. */
export const account = command({
  data: defineCommand({ name: "account", description: "Your linked account, what Film Fanatic stores about you, export or delete it" }),
  ephemeral: true,
  // Reads, and the deletion (a service call Convex does not throttle per user): this process's limiter guards them.
  reads: ["", "export", "export-as", "delete", "delete-yes", "delete-no", "import"],
  async execute(interaction, respond, ctx) {
    await respond.send(await accountCardFor(ctx, interaction.user.id));
  },
  components: {
    "account:export": async (interaction, respond, ctx) => {
      await respond.defer();
      // Discord refuses a larger upload (413); the interaction says how much this place allows.
      const limit = interaction.attachmentSizeLimit > 0 ? interaction.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
      const built = await withExportLease(ctx, interaction.user.id, (pages) =>
        buildExport(pages, { discordUserId: interaction.user.id, exportedAt: new Date(), limit, maxPages: MAX_EXPORT_PAGES }),
      );
      // The card stays as it is: each of these is a private message of its own.
      const reply = { ephemeral: true } as const;
      if (built === null) {
        await respond.sendNew({ content: EXPORT_BUSY, ...reply });
        return;
      }
      if (built.file === null) {
        await respond.sendNew({
          content: `📦 Your export is ${size(built.bytes)} (even compressed it is over the ${size(limit)} Discord lets the bot attach here), so it can't be sent as a file. The Film Fanatic website has your library if you linked it (\`/link\`).`,
          ...reply,
        });
        return;
      }
      const note = built.file.name.endsWith(".gz") ? " Compressed (gzip) to fit Discord's file size limit." : "";
      await respond.sendNew({
        content:
          (built.complete
            ? "📦 Everything Film Fanatic stores for you."
            : "📦 Your export is very large; this file holds the first part of it.") + note,
        files: [{ name: built.file.name, data: built.file.data }],
        ...reply,
      });
    },
    /** The library in Letterboxd's import CSV or Trakt's export layout, so nobody is locked in. */
    "account:export-as": async (interaction, respond, ctx, { format }) => {
      await respond.defer();
      const limit = interaction.attachmentSizeLimit > 0 ? interaction.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
      const build = format === "letterboxd" ? buildLetterboxdExport : buildTraktExport;
      const built = await withExportLease(ctx, interaction.user.id, (pages) => build(pages, { maxPages: MAX_EXPORT_PAGES }));
      const reply = { ephemeral: true } as const;
      if (built === null) {
        await respond.sendNew({ content: EXPORT_BUSY, ...reply });
        return;
      }
      const largest = Math.max(...built.files.map((f) => f.data.length));
      if (largest > limit) {
        await respond.sendNew({
          content: `📦 That export is ${size(largest)}, over the ${size(limit)} Discord lets the bot attach here, so it can't be sent as a file.`,
          ...reply,
        });
        return;
      }
      const what =
        format === "letterboxd"
          ? `📦 ${plural(built.titles, "film")} in Letterboxd's import format: upload the films file at letterboxd.com/import, and the watchlist file (if there is one) on your watchlist's import page. Only films go to Letterboxd.`
          : `📦 ${plural(built.titles, "title")} in Trakt's export format (watched films and episodes, watchlist, ratings as 10 / 7 / 5 / 2 for loved / liked / mixed / not for me).`;
      await respond.sendNew({
        content: built.complete ? what : `${what} Your library is very large; this holds the first part of it.`,
        files: built.files.map((f) => ({ name: f.name, data: f.data })),
        ...reply,
      });
    },
    "account:import": async (_interaction, respond, ctx) => {
      await respond.sendNew({ ...importHowTo(forPerson(ctx)), ephemeral: true });
    },
    "account:delete": async (_interaction, respond) => {
      await respond.send(accountDeleteQuestion());
    },
    "account:delete-no": async (interaction, respond, ctx) => {
      await respond.send(await accountCardFor(ctx, interaction.user.id));
    },
    "account:delete-yes": async (interaction, respond, ctx) => {
      const result = await ctx.backend.mutation(api.bot.linking.deleteDiscordData, { discordUserId: interaction.user.id });
      const content = !result.deleted
        ? "There was nothing stored for you."
        : result.library === "deleting"
          ? "🗑️ Deleted your Discord account record; your Discord-only library is being deleted in the background."
          : result.library === "deleted"
            ? "🗑️ Deleted your Discord data and everything you tracked here."
            : "🗑️ Deleted your Discord data. Your linked web account keeps its library.";
      await respond.send({ content, embeds: [], components: [] });
    },
    "account:resume": async (interaction, respond, ctx) => {
      const resumed = await ctx.backend.mutation(api.bot.linking.resumeMerge, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
      });
      await respond.send({
        content: resumed ? "Resumed moving your Discord history; `/account` shows how far it is." : "Nothing needed resuming.",
        embeds: [],
        components: [],
      });
    },
  },
});
