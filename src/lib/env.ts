import { z } from "zod";

const url = z.string().url();
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** Every variable the bot reads, validated once at start-up (see .env.example). */
const schema = z.object({
  DISCORD_TOKEN: z.string().trim().min(10, "DISCORD_TOKEN looks too short"),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/, "DISCORD_APPLICATION_ID must be a snowflake").optional(),
  DISCORD_API_BASE: url.default("https://discord.com/api"),
  DEV_GUILD_ID: z.string().regex(/^\d{15,22}$/, "DEV_GUILD_ID must be a snowflake").optional(),
  CONVEX_URL: url,
  BOT_API_SECRET: z.string().min(16, "BOT_API_SECRET must be at least 16 characters"),
  TMDB_API_URL: url.default("https://api.themoviedb.org/3"),
  TMDB_API_TOKEN: optionalText,
  TMDB_IMAGE_BASE: url.default("https://image.tmdb.org/t/p"),
  SHARD_COUNT: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

/** Parses the environment, naming every bad or missing variable in one message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new EnvError(`The environment is not usable:\n${problems}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}
