import pino, { type Logger } from "pino";

export type { Logger };

/** One logger for the process; secrets never reach the output. */
export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      name: options.name ?? "film-fanatic",
      level: options.level ?? "info",
      redact: {
        paths: [
          "token",
          "*.token",
          "secret",
          "*.secret",
          "args.secret",
          "headers.authorization",
          "*.headers.authorization",
          "env.DISCORD_TOKEN",
          "env.BOT_API_SECRET",
          "env.TMDB_API_TOKEN",
        ],
        censor: "[redacted]",
      },
    },
    options.destination,
  );
}
