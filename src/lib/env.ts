import { config as readDotenv } from "dotenv";
import { z } from "zod";

const url = z.string().url("must be a URL (https://…)");
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/**
 * A deployment's client address. Convex's client refuses others when it is created (a crash, not a
 * line): an http(s) URL, and not the HTTP Actions address — the likeliest wrong copy from the dashboard.
 */
const convexUrl = url
  .refine((value) => /^https?:\/\//i.test(value), "must start with https://")
  .refine(
    (value) => !value.replace(/\/+$/, "").toLowerCase().endsWith(".convex.site"),
    "is the HTTP Actions address (.convex.site) — use the deployment URL, https://<name>.convex.cloud",
  );

const snowflake = () => z.string().regex(/^\d{15,22}$/, "must be a Discord id (15–22 digits)");

/** Every variable the bot reads, validated once at start-up (see .env.example). */
export const schema = z.object({
  DISCORD_TOKEN: z.string().trim().min(10, "looks too short to be a bot token"),
  DISCORD_APPLICATION_ID: snowflake().optional(),
  DISCORD_API_BASE: url.default("https://discord.com/api"),
  /** Where /import may also download attachments from (the sandbox's CDN); Discord's own CDN is always allowed. */
  DISCORD_CDN_BASE: url.optional(),
  DEV_GUILD_ID: snowflake().optional(),
  CONVEX_URL: convexUrl,
  BOT_API_SECRET: z.string().min(16, "must be at least 16 characters"),
  TMDB_API_URL: url.default("https://api.themoviedb.org/3"),
  TMDB_API_TOKEN: optionalText,
  TMDB_IMAGE_BASE: url.default("https://image.tmdb.org/t/p"),
  SHARD_COUNT: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default(1),
  /** Where each shard writes its heartbeat while connected (the image's HEALTHCHECK reads it: src/healthcheck.ts). */
  HEALTH_DIR: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The application's public key (hex): `npm run serve` checks Discord's signatures with it. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, "must be the application's Public Key (64 hex characters, Developer Portal → General Information)")
    .optional(),
  /** Where `npm run serve` listens for Discord's HTTP interactions. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
});

/** What `npm run register` needs: the Discord variables only, the application id required. */
export const registerSchema = schema
  .pick({ DISCORD_TOKEN: true, DISCORD_API_BASE: true, DEV_GUILD_ID: true })
  .extend({ DISCORD_APPLICATION_ID: snowflake() });

export type Env = z.infer<typeof schema>;
/** What talking to Discord needs (the doctor's Discord checks, `npm run invite`). */
export const discordSchema = schema.pick({ DISCORD_TOKEN: true, DISCORD_API_BASE: true, DEV_GUILD_ID: true, DISCORD_APPLICATION_ID: true });
export type DiscordSettings = z.infer<typeof discordSchema>;
export type RegisterEnv = z.infer<typeof registerSchema>;

export class EnvError extends Error {}

/**
 * The process environment with `.env` (in the working directory, if there is one) read
 * into it. Variables that are already set win over the file, so a real deployment's
 * environment is never overridden by a stray file. Child processes (shards) inherit it.
 */
export function processEnv(): Record<string, string | undefined> {
  readDotenv({ quiet: true });
  return process.env;
}

/** Parses the bot's environment (by default the process's, with `.env`), naming every bad or missing variable in one message. */
export function loadEnv(source: Record<string, string | undefined> = processEnv()): Env {
  return parse(schema, source);
}

/** loadEnv for an entry point: a bad environment is printed, with how to try the bot without accounts, and the process exits. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    console.error("To try the bot without any accounts, run: npm run sandbox");
    process.exit(1);
  }
}

/** The environment `npm run register` needs. */
export function loadRegisterEnv(source: Record<string, string | undefined> = processEnv()): RegisterEnv {
  return parse(registerSchema, source);
}

/** Where each required variable comes from, said when it is missing. */
const WHERE: Record<string, string> = {
  DISCORD_TOKEN: "the bot's token (Discord Developer Portal → your application → Bot → Reset Token)",
  DISCORD_APPLICATION_ID: "the application id (Discord Developer Portal → your application → General Information)",
  CONVEX_URL: "the deployment's URL, https://<name>.convex.cloud (Convex dashboard → Settings → URL & Deploy Key)",
  BOT_API_SECRET:
    "a random secret of at least 16 characters, the same as the deployment's (npx convex env set --prod BOT_API_SECRET <value>)",
};

/** One line per missing or bad variable: "NAME: missing — where it comes from" or "NAME: what is wrong". */
export function envProblems(shape: z.ZodType, source: Record<string, string | undefined>): string[] {
  const cleaned = presentValues(source);
  const result = shape.safeParse(cleaned);
  if (result.success) return [];
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    if (issue.path.length === 1 && cleaned[name] === undefined) return `${name}: missing — ${WHERE[name] ?? "see .env.example"}`;
    return `${name}: ${issue.message}`;
  });
  return [...new Set(lines)];
}

/** The variables that are set (neither missing nor blank), as the schemas read them. */
export function presentValues(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ""),
  );
}

function parse<T extends z.ZodType>(shape: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = shape.safeParse(presentValues(source));
  if (!result.success) {
    const problems = envProblems(shape, source)
      .map((line) => `  ${line}`)
      .join("\n");
    throw new EnvError(`The environment is not usable:\n${problems}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}
