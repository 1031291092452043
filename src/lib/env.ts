import { config as readDotenv } from "dotenv";
import { z } from "zod";

const url = z.string().url();
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const snowflake = (name: string) => z.string().regex(/^\d{15,22}$/, `${name} must be a snowflake`);

/** Every variable the bot reads, validated once at start-up (see .env.example). */
const schema = z.object({
  DISCORD_TOKEN: z.string().trim().min(10, "DISCORD_TOKEN looks too short"),
  DISCORD_APPLICATION_ID: snowflake("DISCORD_APPLICATION_ID").optional(),
  DISCORD_API_BASE: url.default("https://discord.com/api"),
  DEV_GUILD_ID: snowflake("DEV_GUILD_ID").optional(),
  CONVEX_URL: url,
  BOT_API_SECRET: z.string().min(16, "BOT_API_SECRET must be at least 16 characters"),
  TMDB_API_URL: url.default("https://api.themoviedb.org/3"),
  TMDB_API_TOKEN: optionalText,
  TMDB_IMAGE_BASE: url.default("https://image.tmdb.org/t/p"),
  SHARD_COUNT: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** What `npm run register` needs: the Discord variables only, the application id required. */
const registerSchema = schema
  .pick({ DISCORD_TOKEN: true, DISCORD_API_BASE: true, DEV_GUILD_ID: true })
  .extend({ DISCORD_APPLICATION_ID: snowflake("DISCORD_APPLICATION_ID") });

export type Env = z.infer<typeof schema>;
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

function parse<T extends z.ZodType>(shape: T, source: Record<string, string | undefined>): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = shape.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new EnvError(`The environment is not usable:\n${problems}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}
