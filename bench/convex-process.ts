// The loopback Convex deployment in a process of its own: the embedded engine behind the Convex
// HTTP endpoint (src/sandbox/convex-http.ts). Kept apart from the local Discord so the engine's
// work (convex-test runs one function at a time) does not hold up Discord's answers in the measurements.
// Started by world.ts; reports its URL, every call and every transaction's cost over IPC.
import { startConvexHttpEndpoint } from "../src/sandbox/convex-http.ts";
import { EmbeddedConvex } from "../src/sandbox/engine.ts";

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`convex-process: ${name} is not set`);
  return value;
};

if (!process.send) throw new Error("convex-process: run it from the benchmark (it reports over IPC)");
const send = (message: unknown) => process.send!(message);

function engineKind(): "indexed" | "scan" {
  const kind = required("CONVEX_ENGINE");
  if (kind !== "indexed" && kind !== "scan") throw new Error(`convex-process: CONVEX_ENGINE must be "indexed" or "scan", got ${kind}`);
  return kind;
}

const engine = await EmbeddedConvex.start({
  secret: required("BOT_API_SECRET"),
  env: { DISCORD_API_BASE: required("DISCORD_API_BASE"), DISCORD_TOKEN: required("DISCORD_TOKEN") },
  // A deployment reads an index; convex-test walks every document unless given candidate sets.
  indexedStore: engineKind() === "indexed",
});
const mode = required("CONVEX_LATENCY_MODE");
if (mode !== "call" && mode !== "added") throw new Error(`convex-process: CONVEX_LATENCY_MODE must be "call" or "added", got ${mode}`);
const endpoint = await startConvexHttpEndpoint({ engine, latencyMs: Number(required("CONVEX_LATENCY_MS")), latencyMode: mode });
engine.observe((cost) => send({ t: "cost", cost }));
endpoint.onCall((call) => send({ t: "call", path: call.path, ok: call.ok, engineMs: call.engineMs }));

const stop = async () => {
  await endpoint.close().catch(() => undefined);
  await engine.stop();
  process.exit(0);
};
process.on("message", (message) => {
  if (message === "stop") void stop();
});
process.on("disconnect", () => void stop());
send({ t: "ready", url: endpoint.url });
