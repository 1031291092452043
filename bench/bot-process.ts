// The bot in its own process, started as `npm start` starts it (src/start.ts, which with
// SHARD_COUNT=1 runs the bot in that same process), configured only through its environment,
// against the benchmark's loopback world.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { MemoryReport, ProbeRequest } from "./bot-probe.ts";
import type { World } from "./world.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROBE = pathToFileURL(fileURLToPath(new URL("./bot-probe.ts", import.meta.url))).href;
/** Linux reports a process's CPU time in /proc/<pid>/stat in clock ticks of 1/USER_HZ s, and USER_HZ is 100 on every Linux ABI. */
const TICKS_PER_SECOND = 100;

export type { MemoryReport };

/** The bot process's CPU time so far (user + system, every thread), in ms. */
export interface CpuReading {
  ms: number;
  /** `/proc/<pid>/stat` (read from outside, 10 ms resolution) or `process.cpuUsage()` (asked over IPC, µs resolution). */
  source: "/proc/<pid>/stat" | "process.cpuUsage()";
}

export interface EventLoopReport {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  rssMb: number;
}

export interface BotProcess {
  pid: number;
  /** The bot's event-loop delay since start (or since the last reset). */
  eventLoop(): Promise<EventLoopReport>;
  resetEventLoop(): void;
  /** Stops and restarts the event-loop measurement, whose timer costs the bot process CPU time of its own. */
  pauseEventLoop(): void;
  resumeEventLoop(): void;
  /**
   * Its CPU time so far: from /proc/<pid>/stat where there is one (the bot does nothing to answer),
   * else — or when `precise` (µs rather than 10 ms, for short windows) — process.cpuUsage() over IPC.
   */
  cpu(options?: { precise?: boolean }): Promise<CpuReading>;
  /** Its memory, after a full garbage collection when `collect` (the collection's CPU is not in `cpu()` read before it). */
  memory(collect?: boolean): Promise<MemoryReport>;
  /** Starts the V8 CPU profiler in the bot process, sampling every `intervalUs` µs. */
  startProfile(intervalUs: number): Promise<void>;
  /** Stops it and writes the profile (a .cpuprofile, as Chrome DevTools and speedscope read it) to `file`. */
  stopProfile(file: string): Promise<void>;
  /** The bot's log lines at warn level and above (pino JSON), newest last. */
  readonly logTail: string[];
  readonly errorsLogged: number;
  /** Every log line from now on; returns the unsubscribe. */
  onLog(listener: (line: string) => void): () => void;
  stop(): Promise<void>;
}

export async function startBotProcess(world: World, options: { readyTimeoutMs?: number } = {}): Promise<BotProcess> {
  const sessionsBefore = world.discord.connectedSessions;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--import", PROBE, "src/start.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DISCORD_TOKEN: world.discord.token,
      DISCORD_API_BASE: world.discordApiBase,
      DISCORD_APPLICATION_ID: world.discord.applicationId,
      CONVEX_URL: world.convex.url,
      BOT_API_SECRET: world.secret,
      TMDB_API_URL: world.tmdb.url,
      SHARD_COUNT: "1",
      LOG_LEVEL: "warn",
    },
  });
  const logTail: string[] = [];
  const logListeners = new Set<(line: string) => void>();
  let errorsLogged = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      for (const listener of logListeners) listener(line);
      if (/"level":(50|60)/.test(line)) errorsLogged++;
      logTail.push(line.slice(0, 2_000));
      if (logTail.length > 40) logTail.shift();
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  let stopping = false;
  const exit = once(child, "exit").then(([code, signal]) => {
    exited = true;
    if (!stopping && ready) {
      // Every later interaction would only time out: say so and stop the benchmark.
      process.stderr.write(
        `[bench] the bot process exited (${signal ?? `code ${String(code)}`}) in the middle of the run:\n${logTail.join("\n")}\n`,
      );
      process.exit(2);
    }
  });
  let ready = false;

  // Ready when its gateway session is up (IDENTIFY done, READY and GUILD_CREATEs sent).
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (world.discord.connectedSessions <= sessionsBefore) {
    if (exited) throw new Error(`the bot process exited during start-up:\n${logTail.join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the bot process did not connect within ${options.readyTimeoutMs ?? 60_000} ms:\n${logTail.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Let discord.js finish handling READY and the guilds before the first interaction.
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Start-up (loading and compiling modules) is not what the bot does while serving.
  child.send("event-loop:reset");
  ready = true;

  /** One request to the probe and its answer (the probe answers in order). */
  const ask = <T>(request: ProbeRequest, answer: string, timeoutMs = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off("message", onMessage);
        reject(new Error(`the bot process did not answer ${request.t}`));
      }, timeoutMs);
      const onMessage = (message: unknown) => {
        const m = message as { t?: string; message?: string };
        if (m?.t !== answer && m?.t !== "probe-error") return;
        clearTimeout(timer);
        child.off("message", onMessage);
        if (m.t === "probe-error") reject(new Error(`the bot process's probe failed on ${request.t}: ${m.message}`));
        else resolve(m as T);
      };
      child.on("message", onMessage);
      child.send(request);
    });
  const statFile = `/proc/${child.pid}/stat`;
  const hasProc = await readFile(statFile, "utf8").then(
    () => true,
    () => false,
  );

  return {
    pid: child.pid!,
    async cpu({ precise = false } = {}) {
      if (hasProc && !precise) {
        // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
        const stat = await readFile(statFile, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const ticks = Number(fields[11]) + Number(fields[12]);
        return { ms: (ticks * 1000) / TICKS_PER_SECOND, source: "/proc/<pid>/stat" };
      }
      const usage = await ask<{ cpuUserUs: number; cpuSystemUs: number }>({ t: "usage", collect: false }, "usage");
      return { ms: (usage.cpuUserUs + usage.cpuSystemUs) / 1000, source: "process.cpuUsage()" };
    },
    async memory(collect = true) {
      return (await ask<{ memory: MemoryReport }>({ t: "usage", collect }, "usage")).memory;
    },
    async startProfile(intervalUs) {
      await ask({ t: "profile:start", intervalUs }, "profile:started");
    },
    async stopProfile(file) {
      await ask({ t: "profile:stop", file }, "profile:stopped", 60_000);
    },
    logTail,
    get errorsLogged() {
      return errorsLogged;
    },
    eventLoop() {
      return new Promise<EventLoopReport>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the bot process did not report its event loop")), 5_000);
        const onMessage = (message: unknown) => {
          const m = message as { t?: string } & EventLoopReport;
          if (m?.t !== "event-loop") return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve({ maxMs: m.maxMs, p99Ms: m.p99Ms, meanMs: m.meanMs, rssMb: m.rssMb });
        };
        child.on("message", onMessage);
        child.send("event-loop:report");
      });
    },
    resetEventLoop() {
      child.send("event-loop:reset");
    },
    pauseEventLoop() {
      child.send("event-loop:pause");
    },
    resumeEventLoop() {
      child.send("event-loop:resume");
    },
    onLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },
    async stop() {
      if (exited) return;
      stopping = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
