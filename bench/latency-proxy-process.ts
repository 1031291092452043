// The latency proxy (latency-proxy.ts) in a process of its own, so holding and forwarding every
// byte between Discord and the application does not load the benchmark's process, which runs the
// local Discord. Started by world.ts; reports its REST base URL over IPC.
import { startLatencyProxy } from "./latency-proxy.ts";

if (!process.send) throw new Error("latency-proxy-process: run it from the benchmark (it reports over IPC)");
const upstreamPort = Number(process.env.PROXY_UPSTREAM_PORT);
const oneWayMs = Number(process.env.PROXY_ONE_WAY_MS);
if (!Number.isInteger(upstreamPort) || upstreamPort < 1 || upstreamPort > 65_535)
  throw new Error(`latency-proxy-process: PROXY_UPSTREAM_PORT must be a port, got ${process.env.PROXY_UPSTREAM_PORT}`);
const proxy = await startLatencyProxy(upstreamPort, oneWayMs);
const stop = async () => {
  await proxy.close().catch(() => undefined);
  process.exit(0);
};
process.on("message", (message) => {
  if (message === "stop") void stop();
});
process.on("disconnect", () => void stop());
process.send({ t: "ready", apiBase: proxy.apiBase });
