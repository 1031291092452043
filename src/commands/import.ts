// /import: a watch history file (this project's export; TV Time, Trakt, Letterboxd and IMDb with
// the full readers) is checked, downloaded with a byte cap and a deadline, read, staged into Convex
// in chunks and matched there; Convex edits this reply with the progress and the preview, whose
// buttons and menus are handled below. Nothing is written to the library before Import.
import { ApplicationCommandOptionType as Option, type APIAttachment } from "discord-api-types/v10";
import { api } from "../../convex/_generated/api.js";
import { IMPORT_CAPS, stagingCalls } from "../../convex/imports/limits.ts";
import { defineCommand } from "../lib/command-options.ts";
import { UserError } from "../lib/errors.ts";
import type { ImportSource } from "../../convex/lib/importEntry.ts";
import { IMPORT_LIMITS, ImportFileError, megabytes, readImportFile } from "../lib/import/index.ts";
import { english, type Translator } from "../i18n/index.ts";
import { importMessage, unmatchedCsv } from "../views/import.ts";
import { command, forPerson, type BotContext, type CommandInteraction, type ComponentInteraction } from "./types.ts";

/** Discord's attachment hosts; a sandbox adds its own with DISCORD_CDN_BASE. */
const DISCORD_CDN_HOSTS = new Set(["cdn.discordapp.com", "media.discordapp.net"]);
/** How long a download may take. */
const DOWNLOAD_MS = 30_000;

/** DISCORD_CDN_BASE, checked (an http(s) URL), or null when unset. */
export function cdnBase(env: Record<string, string | undefined> = process.env): URL | null {
  const raw = env.DISCORD_CDN_BASE?.trim();
  if (raw === undefined || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DISCORD_CDN_BASE is not a URL: ${raw.slice(0, 100)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("DISCORD_CDN_BASE must be an http(s) URL.");
  return url;
}

/** Whether an attachment's URL is on Discord's CDN (or the configured one). */
export function onDiscordCdn(raw: string, base: URL | null = cdnBase()): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== "" || url.password !== "") return false;
  if (url.protocol === "https:" && DISCORD_CDN_HOSTS.has(url.hostname) && url.port === "") return true;
  return base !== null && url.origin === base.origin && url.pathname.startsWith(base.pathname.replace(/\/?$/, "/"));
}

/** The attachment's bytes, at most `max`, within DOWNLOAD_MS; refusals in `t`'s language. */
export async function download(url: string, max: number, t: Translator = english): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: "error" });
    if (!response.ok || response.body === null) throw new UserError(t("imports.download.failed"));
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > max) throw new UserError(t("imports.download.tooLarge", { max: megabytes(max) }));
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel();
        throw new UserError(t("imports.download.tooLarge", { max: megabytes(max) }));
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(t(controller.signal.aborted ? "imports.download.tooSlow" : "imports.download.failed"));
  } finally {
    clearTimeout(timer);
  }
}

/** Refuses an attachment before downloading it: too large, or not on Discord's CDN. */
export function checkAttachment(file: APIAttachment, t: Translator = english): void {
  if (!Number.isSafeInteger(file.size) || file.size < 0 || file.size > IMPORT_LIMITS.maxFileBytes)
    throw new UserError(t("imports.file.tooLarge", { size: megabytes(file.size), max: megabytes(IMPORT_LIMITS.maxFileBytes) }));
  if (!onDiscordCdn(file.url)) throw new UserError(t("imports.file.notOnCdn"));
}

const reply = (interaction: CommandInteraction | ComponentInteraction) => ({
  applicationId: interaction.applicationId,
  token: interaction.token,
});

async function importFile(interaction: CommandInteraction, ctx: BotContext, file: APIAttachment, source: ImportSource | undefined) {
  const t = forPerson(ctx);
  checkAttachment(file, t);
  // One import per person at a time: refused before the file is downloaded and read (start checks again).
  const busy = await ctx.backend.query(api.bot.imports.busy, { discordUserId: interaction.user.id });
  if (busy !== null) throw new UserError(t(busy === "undoing" ? "imports.run.busyUndoing" : "imports.run.busy"));
  const bytes = await download(file.url, IMPORT_LIMITS.maxFileBytes, t);
  let read;
  try {
    read = await (ctx.importReader ?? readImportFile)(bytes, file.filename, source);
  } catch (error) {
    if (error instanceof ImportFileError) throw new UserError(t("imports.file.refused", { reason: error.say(t) }));
    throw error;
  }
  // Convex refuses more than one import holds, but only after staging calls: say it now, before any.
  if (read.entries.length > IMPORT_CAPS.titles) throw new UserError(t("imports.run.tooManyTitles", { max: IMPORT_CAPS.titles }));
  if (read.entries.reduce((n, e) => n + (e.episodes?.length ?? 0), 0) > IMPORT_CAPS.episodes)
    throw new UserError(t("imports.run.tooManyEpisodes", { max: IMPORT_CAPS.episodes }));
  const discordUserId = interaction.user.id;
  const started = await ctx.backend.mutation(api.bot.imports.start, {
    discordUserId,
    username: interaction.user.username,
    source: read.source,
    fileName: file.filename,
    rows: read.rows,
    skipped: read.skipped.length,
  });
  if ("busy" in started) throw new UserError(started.busy);
  try {
    for (const parts of stagingCalls(read.entries))
      await ctx.backend.mutation(api.bot.imports.stage, { discordUserId, runId: started.runId, parts });
  } catch (error) {
    // A refused chunk: the run is cancelled and its staged rows deleted; the library was never touched.
    await ctx.backend.mutation(api.bot.imports.cancel, { discordUserId, runId: started.runId }).catch(() => undefined);
    throw error;
  }
  return await ctx.backend.mutation(api.bot.imports.finish, { discordUserId, runId: started.runId, reply: reply(interaction) });
}

const SOURCE_CHOICES = [
  { name: "Film Fanatic export", value: "filmfanatic" },
  { name: "TV Time", value: "tvtime" },
  { name: "Trakt", value: "trakt" },
  { name: "Letterboxd", value: "letterboxd" },
  { name: "IMDb", value: "imdb" },
] as const;

export const importCommand = command({
  data: defineCommand({
    name: "import",
    description: "Bring your watch history from another tracker (or a Film Fanatic export)",
    options: [
      {
        type: Option.Subcommand,
        name: "file",
        description: "Import an export file: see a preview first, nothing is written until you press Import",
        options: [
          { type: Option.Attachment, name: "file", description: "The export file (JSON, CSV or ZIP)", required: true },
          {
            type: Option.String,
            name: "source",
            description: "Where it comes from (recognised from the file if left out)",
            choices: SOURCE_CHOICES,
          },
        ],
      },
      { type: Option.Subcommand, name: "undo", description: "Undo your last import as a whole (within 24 hours)" },
    ],
  }),
  ephemeral: true,
  reads: ["page", "unmatched"],
  async execute(interaction, respond, ctx, args) {
    // Deferred, and then answered by Convex: the job edits this reply as it goes (an answer sent
    // from here after the job started could land after the job's own edit and overwrite it).
    await respond.defer();
    if (args.subcommand === "undo") {
      await ctx.backend.mutation(api.bot.imports.undo, { discordUserId: interaction.user.id, reply: reply(interaction) });
      return;
    }
    await importFile(interaction, ctx, args.options.file, args.options.source);
  },
  components: {
    "import:go": async (interaction, respond, ctx, { run }) => {
      // The job edits this message with its progress and result (see execute).
      await respond.defer();
      await ctx.backend.mutation(api.bot.imports.apply, { discordUserId: interaction.user.id, runId: run, reply: reply(interaction) });
    },
    "import:cancel": async (interaction, respond, ctx, { run }) => {
      const view = await ctx.backend.mutation(api.bot.imports.cancel, { discordUserId: interaction.user.id, runId: run });
      await respond.send(importMessage(view, forPerson(ctx)));
    },
    "import:pick": async (interaction, respond, ctx, { run, index, page, value }) => {
      const view = await ctx.backend.mutation(api.bot.imports.pick, {
        discordUserId: interaction.user.id,
        runId: run,
        index,
        choice: value,
        page,
      });
      await respond.send(importMessage(view, forPerson(ctx)));
    },
    "import:page": async (interaction, respond, ctx, { run, page }) => {
      const view = await ctx.backend.query(api.bot.imports.view, { discordUserId: interaction.user.id, runId: run, page });
      await respond.send(importMessage(view, forPerson(ctx)));
    },
    "import:unmatched": async (interaction, respond, ctx, { run }) => {
      const { items, total } = await ctx.backend.query(api.bot.imports.unmatched, { discordUserId: interaction.user.id, runId: run });
      const t = forPerson(ctx);
      await respond.sendNew({
        // More than the CSV holds: say it is the first part, never pass it off as all of them.
        content:
          total > items.length
            ? t("imports.unmatchedFileCut", { shown: items.length, count: total })
            : t("imports.unmatchedFile", { count: items.length }),
        files: [{ name: "unmatched.csv", data: new TextEncoder().encode(unmatchedCsv(items)) }],
        ephemeral: true,
      });
    },
    "import:undo": async (interaction, respond, ctx, { run }) => {
      await respond.defer();
      await ctx.backend.mutation(api.bot.imports.undo, { discordUserId: interaction.user.id, runId: run, reply: reply(interaction) });
    },
  },
});
