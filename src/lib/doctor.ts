// The production checks: `npm run doctor` runs all of them, `npm start` the same ones before it
// logs in (a fatal one stops it with its line). Each check answers in plain lines, each failure
// saying what to do. Every request has its own deadline, so a silent host costs seconds, not a hang.
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { api } from "../../convex/_generated/api.js";
import { convexErrorCode, convexErrorData } from "./backend.ts";
import { convexHttpBackend } from "./convex-http-backend.ts";
import { envProblems, presentValues, schema, type DiscordSettings, type Env } from "./env.ts";

/** One finding: `fail` makes the doctor exit non-zero; `fatal` also stops `npm start`. */
export interface Finding {
  level: "ok" | "warn" | "fail";
  /** A failure that keeps the bot from working at all (bad token, unreachable Discord, wrong secret). */
  fatal?: boolean;
  line: string;
}

/** What the doctor checks against: the settings, and this build's command definitions. */
export interface DoctorInput<E = Env> {
  env: E;
  /** The commands `npm run register` would deploy (src/commands' registry). */
  definitions: readonly object[];
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const TIMEOUT_MS = 10_000;

/** What the doctor requires on top of what the bot needs to start: the application id and a TMDB token. */
export const doctorSchema = schema.extend({
  DISCORD_APPLICATION_ID: schema.shape.DISCORD_APPLICATION_ID.unwrap(),
  TMDB_API_TOKEN: z.string().trim().min(1),
});

/** The settings, one failure per missing or malformed variable. */
export function checkSettings(source: Record<string, string | undefined>): Finding[] {
  const problems = envProblems(doctorSchema, source);
  if (problems.length === 0) return [{ level: "ok", line: "Settings: every required variable is set and well-formed" }];
  return problems.map((problem) => {
    const line = problem.startsWith("TMDB_API_TOKEN: missing")
      ? "TMDB_API_TOKEN: missing — titles can't be looked up without it: a TMDB API Read Access Token (themoviedb.org → Settings → API)"
      : problem;
    return { level: "fail", line };
  });
}

class Unreachable extends Error {}

async function request(url: string, init: RequestInit, input: Omit<DoctorInput<unknown>, "env" | "definitions">): Promise<Response> {
  const timeoutMs = input.timeoutMs ?? TIMEOUT_MS;
  try {
    return await (input.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
        ? `no answer within ${timeoutMs / 1000} s`
        : causeOf(error);
    throw new Unreachable(reason);
  }
}

/** The innermost message of a fetch failure ("connect ECONNREFUSED 127.0.0.1:9"). */
function causeOf(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

const discordUser = z.object({ id: z.string(), username: z.string(), bot: z.boolean().optional() });
const discordApplication = z.object({ id: z.string(), name: z.string(), interactions_endpoint_url: z.string().max(2048).nullish() });

export interface DiscordIdentity {
  botName: string;
  applicationId: string;
}

/** The token: accepted by Discord (GET /users/@me), a bot's, and of the application DISCORD_APPLICATION_ID names. */
export async function checkDiscord(input: DoctorInput<DiscordSettings>): Promise<{ findings: Finding[]; identity?: DiscordIdentity }> {
  const { env } = input;
  const headers = { authorization: `Bot ${env.DISCORD_TOKEN}` };
  let me: Response;
  try {
    me = await request(`${env.DISCORD_API_BASE}/v10/users/@me`, { headers }, input);
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    return {
      findings: [
        {
          level: "fail",
          fatal: true,
          line: `Discord: could not reach ${env.DISCORD_API_BASE} (${error.message}) — check this machine's network, and DISCORD_API_BASE if you set it (normally https://discord.com/api)`,
        },
      ],
    };
  }
  if (me.status === 401) {
    return {
      findings: [
        {
          level: "fail",
          fatal: true,
          line: "Discord: DISCORD_TOKEN was refused — copy the bot token again (Developer Portal → your application → Bot → Reset Token) into DISCORD_TOKEN",
        },
      ],
    };
  }
  if (!me.ok)
    return {
      findings: [
        {
          level: "fail",
          fatal: true,
          line: `Discord: GET /users/@me answered ${me.status} — Discord may be having trouble; try again in a minute`,
        },
      ],
    };
  const user = discordUser.safeParse(await me.json().catch(() => null));
  if (!user.success)
    return {
      findings: [
        {
          level: "fail",
          fatal: true,
          line: `Discord: ${env.DISCORD_API_BASE} did not answer like Discord — check DISCORD_API_BASE (normally https://discord.com/api)`,
        },
      ],
    };
  if (!user.data.bot)
    return {
      findings: [
        {
          level: "fail",
          fatal: true,
          line: "Discord: DISCORD_TOKEN belongs to a user account, not a bot — use the token under Developer Portal → your application → Bot",
        },
      ],
    };

  const app = await request(`${env.DISCORD_API_BASE}/v10/applications/@me`, { headers }, input).catch(() => null);
  const application = app?.ok ? discordApplication.safeParse(await app.json().catch(() => null)) : null;
  const applicationId = application?.success ? application.data.id : user.data.id;
  const findings: Finding[] = [
    { level: "ok", line: `Discord: the token is accepted — logged in as ${user.data.username} (application ${applicationId})` },
  ];
  // Discord delivers interactions by HTTP or over the gateway, never both: a bot process with an
  // endpoint set receives nothing.
  const endpoint = application?.success ? application.data.interactions_endpoint_url : null;
  if (typeof endpoint === "string" && endpoint !== "") {
    findings.push({
      level: "warn",
      line: `Discord: interactions go to the Interactions Endpoint URL ${endpoint}, not to a bot process's gateway connection — fine for HTTP interactions; to run the bot process instead: npm run register -- --gateway`,
    });
  }
  if (env.DISCORD_APPLICATION_ID !== undefined && env.DISCORD_APPLICATION_ID !== applicationId) {
    findings.push({
      level: "fail",
      line: `Discord: DISCORD_APPLICATION_ID is ${env.DISCORD_APPLICATION_ID}, but DISCORD_TOKEN is the bot of application ${applicationId} — set DISCORD_APPLICATION_ID=${applicationId} (or use that application's token)`,
    });
  }
  return { findings, identity: { botName: user.data.username, applicationId } };
}

const healthAnswer = z.object({ ok: z.literal(true), missing: z.array(z.object({ name: z.string(), purpose: z.string() })) });

/** Convex: reachable, this bot's functions deployed, the secret accepted, and the deployment's own settings complete. */
export async function checkConvex(input: DoctorInput): Promise<Finding[]> {
  const { env } = input;
  const timeoutMs = input.timeoutMs ?? TIMEOUT_MS;
  const backend = convexHttpBackend(env.CONVEX_URL, env.BOT_API_SECRET);
  let answer: unknown;
  try {
    answer = await Promise.race([
      backend.query(api.bot.health.status, {}),
      sleep(timeoutMs, undefined, { ref: false }).then(() => {
        throw new Unreachable(`no answer within ${timeoutMs / 1000} s`);
      }),
    ]);
  } catch (error) {
    if (convexErrorCode(error) === "FORBIDDEN") {
      const unset = String(convexErrorData(error)?.message ?? "").includes("not configured");
      return [
        {
          level: "fail",
          fatal: true,
          line: unset
            ? "Convex: the deployment has no BOT_API_SECRET yet — run: npx convex env set --prod BOT_API_SECRET '<the value of BOT_API_SECRET here>'"
            : "Convex: the deployment refused BOT_API_SECRET — set the same value in both places: npx convex env set --prod BOT_API_SECRET '<the value of BOT_API_SECRET here>'",
        },
      ];
    }
    const message = error instanceof Unreachable ? error.message : causeOf(error);
    if (/could not find public function|function .* not found|no such function/i.test(message)) {
      return [
        {
          level: "fail",
          line: `Convex: ${env.CONVEX_URL} does not have this bot's functions — deploy them from this repository: npx convex deploy`,
        },
      ];
    }
    return [
      {
        level: "fail",
        line: `Convex: could not reach ${env.CONVEX_URL} (${firstLine(message)}) — check CONVEX_URL (Convex dashboard → Settings → URL & Deploy Key: https://<name>.convex.cloud)`,
      },
    ];
  }
  const health = healthAnswer.safeParse(answer);
  if (!health.success) {
    return [
      {
        level: "fail",
        line: `Convex: ${env.CONVEX_URL} gave the health check an answer it doesn't give — is this the deployment running this repository's convex/? Deploy it: npx convex deploy`,
      },
    ];
  }
  const findings: Finding[] = [{ level: "ok", line: `Convex: ${env.CONVEX_URL} answers and accepts BOT_API_SECRET` }];
  for (const { name, purpose } of health.data.missing) {
    findings.push({
      level: "fail",
      line: `Convex: the deployment setting ${name} is missing (needed for ${purpose}) — run: npx convex env set --prod ${name} <value>`,
    });
  }
  return findings;
}

/** TMDB: reachable with the token (one known show: Game of Thrones, 1399). */
export async function checkTmdb(input: DoctorInput): Promise<Finding[]> {
  const { env } = input;
  if (!env.TMDB_API_TOKEN) return [];
  let response: Response;
  try {
    response = await request(
      `${env.TMDB_API_URL}/tv/1399`,
      { headers: { authorization: `Bearer ${env.TMDB_API_TOKEN}`, accept: "application/json" } },
      input,
    );
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    return [
      {
        level: "fail",
        line: `TMDB: could not reach ${env.TMDB_API_URL} (${error.message}) — check this machine's network, and TMDB_API_URL if you set it (normally https://api.themoviedb.org/3)`,
      },
    ];
  }
  if (response.status === 401)
    return [
      {
        level: "fail",
        line: "TMDB: TMDB_API_TOKEN was refused — use the API Read Access Token (the long one) from themoviedb.org → Settings → API",
      },
    ];
  if (!response.ok)
    return [
      {
        level: "fail",
        line: `TMDB: GET /tv/1399 answered ${response.status} — check TMDB_API_URL (normally https://api.themoviedb.org/3)`,
      },
    ];
  return [{ level: "ok", line: `TMDB: ${env.TMDB_API_URL} answers with the token` }];
}

/**
 * The commands Discord has against the ones this build defines: none registered, some missing,
 * extra or changed is a failure (run `npm run register`); the same commands both in DEV_GUILD_ID and
 * globally is a warning (they show twice in that server).
 */
export async function checkCommands(input: DoctorInput<DiscordSettings>, applicationId: string): Promise<Finding[]> {
  const { env } = input;
  const headers = { authorization: `Bot ${env.DISCORD_TOKEN}` };
  const fetchScope = async (guildId?: string): Promise<unknown[] | string> => {
    // with_localizations: Discord otherwise leaves the localization dictionaries out (and sends only
    // the caller's name_localized), so every localized command would look changed.
    const scope = guildId ? `/applications/${applicationId}/guilds/${guildId}/commands` : `/applications/${applicationId}/commands`;
    const path = `${scope}?with_localizations=true`;
    try {
      const response = await request(`${env.DISCORD_API_BASE}/v10${path}`, { headers }, input);
      if (!response.ok)
        return guildId
          ? `Discord answered ${response.status} for guild ${guildId}'s commands — is the bot in that server (DEV_GUILD_ID)?`
          : `Discord answered ${response.status} for the registered commands`;
      const body: unknown = await response.json();
      return Array.isArray(body) ? body : "Discord's command list was not a list";
    } catch (error) {
      if (error instanceof Unreachable) return `could not read the registered commands (${error.message})`;
      throw error;
    }
  };
  const [global, guild] = await Promise.all([fetchScope(), env.DEV_GUILD_ID ? fetchScope(env.DEV_GUILD_ID) : Promise.resolve(undefined)]);
  const target = env.DEV_GUILD_ID ? guild! : global;
  const where = env.DEV_GUILD_ID ? `in guild ${env.DEV_GUILD_ID}` : "globally";
  if (typeof target === "string") return [{ level: "fail", line: `Commands: ${target}` }];
  const findings: Finding[] = [];
  const drift = commandDrift(input.definitions, target);
  if (target.length === 0) findings.push({ level: "fail", line: `Commands: none are registered ${where} — run: npm run register` });
  else if (drift.length > 0)
    findings.push({
      level: "fail",
      line: `Commands: the ones registered ${where} are out of date (${drift.join("; ")}) — run: npm run register`,
    });
  else findings.push({ level: "ok", line: `Commands: all ${input.definitions.length} registered ${where} and up to date` });
  if (env.DEV_GUILD_ID && Array.isArray(global) && global.length > 0 && Array.isArray(guild) && guild.length > 0) {
    findings.push({
      level: "warn",
      line: `Commands: registered both in guild ${env.DEV_GUILD_ID} and globally, so they show twice there — remove the global ones (npm run register -- --clear-global) or unset DEV_GUILD_ID and remove the guild's (npm run register -- --clear-guild)`,
    });
  }
  return findings;
}

/** What differs between the definitions and what Discord has: "missing /x", "not ours /y", "changed /z". */
export function commandDrift(definitions: readonly object[], registered: readonly unknown[]): string[] {
  const nameOf = (command: unknown) =>
    typeof command === "object" && command !== null && typeof (command as { name?: unknown }).name === "string"
      ? (command as { name: string }).name
      : "?";
  const remote = new Map(registered.map((command) => [nameOf(command), command]));
  const local = new Map(definitions.map((definition) => [nameOf(definition), definition]));
  const missing = [...local.keys()].filter((name) => !remote.has(name));
  const extra = [...remote.keys()].filter((name) => !local.has(name));
  const changed = [...local]
    .filter(([name, definition]) => remote.has(name) && !sameDefinition(definition, remote.get(name)))
    .map(([name]) => name);
  const list = (names: string[]) => names.map((name) => `/${name}`).join(", ");
  return [
    ...(missing.length ? [`missing ${list(missing)}`] : []),
    ...(changed.length ? [`changed ${list(changed)}`] : []),
    ...(extra.length ? [`not in this version ${list(extra)}`] : []),
  ];
}

/** Discord's defaults for fields a definition may leave out. */
const DEFAULTS: Record<string, unknown> = {
  type: 1,
  required: false,
  autocomplete: false,
  nsfw: false,
  default_member_permissions: null,
  dm_permission: true,
};
/** Fields Discord adds to a registered command that say nothing about its definition. */
const SERVER_FIELDS = new Set(["id", "application_id", "version", "guild_id", "name_localized", "description_localized", "handler"]);

/** True when everything the definition says is what Discord has (Discord's defaults and own fields aside). */
function sameDefinition(local: unknown, remote: unknown): boolean {
  if (Array.isArray(local) || Array.isArray(remote)) {
    const a = Array.isArray(local) ? local : [];
    const b = Array.isArray(remote) ? remote : [];
    return a.length === b.length && a.every((item, i) => sameDefinition(item, b[i]));
  }
  if (isObject(local) || isObject(remote)) {
    const a = isObject(local) ? local : {};
    const b = isObject(remote) ? remote : {};
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !SERVER_FIELDS.has(key)));
    return [...keys].every((key) => sameDefinition(normal(key, a[key]), normal(key, b[key])));
  }
  return local === remote;
}

function normal(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return key in DEFAULTS ? DEFAULTS[key] : undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (isObject(value) && Object.keys(value).length === 0) return undefined;
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 200);
}

/** Every check, as `npm run doctor` runs them: settings first; the rest only with settings the bot can start with. */
export async function runDoctor(
  source: Record<string, string | undefined>,
  options: Omit<DoctorInput, "env">,
): Promise<{ findings: Finding[]; applicationId?: string }> {
  const findings = checkSettings(source);
  const parsed = schema.safeParse(presentValues(source));
  if (!parsed.success) return { findings };
  const input: DoctorInput = { ...options, env: parsed.data };
  const [discord, convex, tmdb] = await Promise.all([checkDiscord(input), checkConvex(input), checkTmdb(input)]);
  findings.push(...discord.findings, ...convex, ...tmdb);
  const applicationId = discord.identity?.applicationId ?? parsed.data.DISCORD_APPLICATION_ID;
  if (discord.identity) findings.push(...(await checkCommands(input, discord.identity.applicationId)));
  return { findings, ...(applicationId ? { applicationId } : {}) };
}

/** The start-up subset, before logging in: Discord and Convex (a fatal finding stops the bot), TMDB's token, the commands. */
export async function startupChecks(input: DoctorInput): Promise<Finding[]> {
  const tmdbToken: Finding[] = input.env.TMDB_API_TOKEN
    ? []
    : [{ level: "warn", line: "TMDB_API_TOKEN is not set: titles can't be looked up until it is (see .env.example)" }];
  const [discord, convex] = await Promise.all([checkDiscord(input), checkConvex(input)]);
  const commands =
    discord.identity && !discord.findings.some((f) => f.fatal) ? await checkCommands(input, discord.identity.applicationId) : [];
  return [...discord.findings, ...convex, ...tmdbToken, ...commands];
}
