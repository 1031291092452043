// The bench's command line: --help and the flags, checked (a bad value stops the run with a
// message saying what is allowed).

import { parseArgs } from "node:util";
import type { ConvexLatencyMode } from "../sandbox/convex-http.ts";
import type { ConvexEngineKind, Door } from "./world.ts";

const USAGE = `npm run bench [-- FLAGS]   measures the bot as it runs in production, on loopback; prints one JSON object

  --convex-latency MS        ms per Convex call (default 30)
  --convex-latency-mode M    "call": the call takes MS in all, the engine's time included (default); "added": MS on top of it
  --convex-engine E          "indexed": indexed queries read candidate sets, as a deployment reads an index (default); "scan": convex-test as shipped
  --tmdb-latency MS          ms added to every TMDB request (default 80)
  --users N                  people acting at once under load (default 50)
  --steps N                  actions under load (default 600)
  --warm-load-steps N        actions of the same load sent first, unmeasured (default 0: none)
  --samples N                times each interaction type is measured alone (default 4)
  --keystroke-ms MS          pause between autocomplete keystrokes (default 100)
  --in-process-steps N       actions for the secondary in-process table; 0 skips it (default 300)
  --cpu-interactions N       interactions of each kind (commands, clicks, autocomplete) sent alone after the load,
                             for the bot's CPU time per kind; 0 skips them (default 300)
  --soak N                   N more interactions of the mixed load after it, then the bot's memory again (default 0: none)
  --profile DIR              run the V8 CPU profiler in the bot during the load phase; write DIR/bot-load-PID.cpuprofile
                             and summarise it in the JSON (the profiler's own cost inflates that run's CPU figures)
  --fault-outage S           seconds of Convex outage in the fault phase, under the --users load; 0 skips it (default 10)
  --doors LIST               the doors compared side by side: gateway,http (default), gateway, http, or none
  --door-users LIST          user counts for the doors (default 50,500)
  --door-actions N           actions per user in each doors run (default 4)
  --discord-latency MS       one-way ms between Discord and the application in the doors runs (default 10)
  --doors-only               run only the doors comparison
  --no-party-board           skip the party board phase
  --no-reminders             skip the reminders phase
  --import-episodes N        episodes of the generated TV Time export /import reads (default 20000, over 300 shows; 0 skips)
  --out FILE                 also write the JSON to FILE
  -h, --help                 this text

bench/README.md explains the phases and every figure.
`;

function latencyMode(raw: string): ConvexLatencyMode {
  if (raw === "call" || raw === "added") return raw;
  throw new Error(`--convex-latency-mode must be "call" or "added", got ${JSON.stringify(raw)}`);
}

function engineKind(raw: string): ConvexEngineKind {
  if (raw === "indexed" || raw === "scan") return raw;
  throw new Error(`--convex-engine must be "indexed" or "scan", got ${JSON.stringify(raw)}`);
}

function doors(raw: string): Door[] {
  if (raw === "none") return [];
  const list = raw.split(",").map((d) => d.trim());
  if (list.length === 0 || list.length > 2 || new Set(list).size !== list.length || list.some((d) => d !== "gateway" && d !== "http"))
    throw new Error(`--doors must be gateway,http, gateway, http or none, got ${JSON.stringify(raw)}`);
  return list as Door[];
}

function userCounts(raw: string): number[] {
  const list = raw.split(",").map((n) => n.trim());
  if (list.length === 0 || list.length > 4 || list.some((n) => !/^\d+$/.test(n) || Number(n) < 1 || Number(n) > 1_000))
    throw new Error(`--door-users must be up to 4 whole numbers from 1 to 1000, comma-separated, got ${JSON.stringify(raw)}`);
  return list.map(Number);
}

function profileDir(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === "" || raw.startsWith("-"))
    throw new Error(`--profile needs a directory to write the profile to, got ${JSON.stringify(raw)}`);
  return raw;
}

export function options() {
  const { values } = parseArgs({
    options: {
      "convex-latency": { type: "string", default: "30" },
      // "call": a Convex call takes --convex-latency ms in all, the function's run included (the engine's
      // own time counts towards it); "added": network only, on top of the embedded engine's time.
      "convex-latency-mode": { type: "string", default: "call" },
      // "indexed": the embedded engine answers indexed queries from candidate sets, as a deployment reads
      // an index; "scan": convex-test as shipped, walking every document on every query.
      "convex-engine": { type: "string", default: "indexed" },
      "tmdb-latency": { type: "string", default: "80" },
      users: { type: "string", default: "50" },
      steps: { type: "string", default: "600" },
      "warm-load-steps": { type: "string", default: "0" },
      samples: { type: "string", default: "4" },
      "keystroke-ms": { type: "string", default: "100" },
      "in-process-steps": { type: "string", default: "300" },
      doors: { type: "string", default: "gateway,http" },
      "door-users": { type: "string", default: "50,500" },
      "door-actions": { type: "string", default: "4" },
      "discord-latency": { type: "string", default: "10" },
      "doors-only": { type: "boolean", default: false },
      "no-party-board": { type: "boolean", default: false },
      "no-reminders": { type: "boolean", default: false },
      "import-episodes": { type: "string", default: "20000" },
      "fault-outage": { type: "string", default: "10" },
      "cpu-interactions": { type: "string", default: "300" },
      soak: { type: "string", default: "0" },
      profile: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const int = (name: keyof typeof values, min: number, max: number) => {
    const raw = String(values[name]);
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    convexLatencyMs: int("convex-latency", 0, 5_000),
    convexLatencyMode: latencyMode(String(values["convex-latency-mode"])),
    convexEngine: engineKind(String(values["convex-engine"])),
    tmdbLatencyMs: int("tmdb-latency", 0, 5_000),
    users: int("users", 1, 500),
    steps: int("steps", 1, 100_000),
    warmLoadSteps: int("warm-load-steps", 0, 100_000),
    samples: int("samples", 1, 100),
    keystrokeMs: int("keystroke-ms", 0, 2_000),
    inProcessSteps: int("in-process-steps", 0, 100_000),
    doors: doors(String(values.doors)),
    doorUsers: userCounts(String(values["door-users"])),
    doorActions: int("door-actions", 1, 1_000),
    discordLatencyMs: int("discord-latency", 0, 1_000),
    doorsOnly: values["doors-only"] === true,
    partyBoard: values["no-party-board"] !== true,
    reminders: values["no-reminders"] !== true,
    importEpisodes: int("import-episodes", 0, 250_000),
    faultOutageSeconds: int("fault-outage", 0, 120),
    cpuInteractions: int("cpu-interactions", 0, 100_000),
    soak: int("soak", 0, 1_000_000),
    profileDir: profileDir(values.profile),
    out: values.out,
  };
}
