import { api } from "../../convex/_generated/api.js";
import { buildExport, type ExportPage, type ExportPart } from "../lib/account-export.ts";
import { buildLetterboxdExport, buildTraktExport } from "../lib/export-formats.ts";
import { defineCommand } from "../lib/command-options.ts";
import { accountCard, accountDeleteQuestion } from "../views/account.ts";
import { importHowTo } from "../views/import.ts";
import type { Translator } from "../i18n/index.ts";
import { command, forPerson, type BotContext } from "./types.ts";

/** Pages one export may read; 1,000 rows each. Past it the file says it is cut short. */
const MAX_EXPORT_PAGES = 200;

/** Discord's upload limit for a bot in a server without boosts, when the interaction doesn't say. */
const DEFAULT_ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** A file size as Discord's limits are said: MB with one decimal from 1 MB, else whole KB rounded up. */
const size = (bytes: number, t: Translator) =>
  bytes >= 1024 * 1024
    ? t("account.size.mb", { size: Math.round((bytes / (1024 * 1024)) * 10) / 10 })
    : t("account.size.kb", { size: Math.ceil(bytes / 1024) });

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
  return accountCard(await ctx.backend.query(api.bot.linking.account, { discordUserId }), forPerson(ctx));
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
      const t = forPerson(ctx);
      // Discord refuses a larger upload (413); the interaction says how much this place allows.
      const limit = interaction.attachmentSizeLimit > 0 ? interaction.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
      const built = await withExportLease(ctx, interaction.user.id, (pages) =>
        buildExport(pages, { discordUserId: interaction.user.id, exportedAt: new Date(), limit, maxPages: MAX_EXPORT_PAGES }),
      );
      // The card stays as it is: each of these is a private message of its own.
      const reply = { ephemeral: true } as const;
      if (built === null) {
        await respond.sendNew({ content: t("account.export.busy"), ...reply });
        return;
      }
      if (built.file === null) {
        await respond.sendNew({
          content: t("account.export.tooLarge", { size: size(built.bytes, t), limit: size(limit, t) }),
          ...reply,
        });
        return;
      }
      const note = built.file.name.endsWith(".gz") ? ` ${t("account.export.gzip")}` : "";
      await respond.sendNew({
        content: t(built.complete ? "account.export.complete" : "account.export.partial") + note,
        files: [{ name: built.file.name, data: built.file.data }],
        ...reply,
      });
    },
    /** The library in Letterboxd's import CSV or Trakt's export layout, so nobody is locked in. */
    "account:export-as": async (interaction, respond, ctx, { format }) => {
      await respond.defer();
      const t = forPerson(ctx);
      const limit = interaction.attachmentSizeLimit > 0 ? interaction.attachmentSizeLimit : DEFAULT_ATTACHMENT_LIMIT;
      const build = format === "letterboxd" ? buildLetterboxdExport : buildTraktExport;
      const built = await withExportLease(ctx, interaction.user.id, (pages) => build(pages, { maxPages: MAX_EXPORT_PAGES }));
      const reply = { ephemeral: true } as const;
      if (built === null) {
        await respond.sendNew({ content: t("account.export.busy"), ...reply });
        return;
      }
      const largest = Math.max(...built.files.map((f) => f.data.length));
      if (largest > limit) {
        await respond.sendNew({
          content: t("account.exportAs.tooLarge", { size: size(largest, t), limit: size(limit, t) }),
          ...reply,
        });
        return;
      }
      const what = t(format === "letterboxd" ? "account.exportAs.letterboxd" : "account.exportAs.trakt", { titles: built.titles });
      await respond.sendNew({
        content: built.complete ? what : `${what} ${t("account.exportAs.partial")}`,
        files: built.files.map((f) => ({ name: f.name, data: f.data })),
        ...reply,
      });
    },
    "account:import": async (_interaction, respond, ctx) => {
      await respond.sendNew({ ...importHowTo(forPerson(ctx)), ephemeral: true });
    },
    "account:delete": async (_interaction, respond, ctx) => {
      await respond.send(accountDeleteQuestion(forPerson(ctx)));
    },
    "account:delete-no": async (interaction, respond, ctx) => {
      await respond.send(await accountCardFor(ctx, interaction.user.id));
    },
    "account:delete-yes": async (interaction, respond, ctx) => {
      const result = await ctx.backend.mutation(api.bot.linking.deleteDiscordData, { discordUserId: interaction.user.id });
      const key = !result.deleted
        ? "account.delete.nothing"
        : result.library === "deleting"
          ? "account.delete.deleting"
          : result.library === "deleted"
            ? "account.delete.deletedAll"
            : "account.delete.deletedLinked";
      await respond.send({ content: forPerson(ctx)(key), embeds: [], components: [] });
    },
    "account:resume": async (interaction, respond, ctx) => {
      const resumed = await ctx.backend.mutation(api.bot.linking.resumeMerge, {
        discordUserId: interaction.user.id,
        username: interaction.user.username,
      });
      await respond.send({
        content: forPerson(ctx)(resumed ? "account.resume.done" : "account.resume.nothing"),
        embeds: [],
        components: [],
      });
    },
  },
});
