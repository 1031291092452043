// Where the bot's CPU time goes, from a V8 CPU profile (.cpuprofile, as `--profile DIR` writes for
// the load phase): self time per function and per package or module (the code running when the
// sampler fired), the same with Node's and V8's code charged to the package that called it, and inclusive time (anywhere on the stack) per package and function.
// `npx tsx bench/profile-summary.ts FILE [TOP]` prints it as JSON.
import { readFile } from "node:fs/promises";
import { runAloneWhenMain } from "./recorder.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** V8's pseudo-frames: not code of anyone's. */
const IDLE = "(idle)";
const SPECIAL = new Set(["(root)", "(program)", "(garbage collector)", IDLE]);

/** Which package or part of the process a frame's code belongs to. */
export function moduleOf(url: string, functionName: string): string {
  if (SPECIAL.has(functionName) && url === "") return functionName;
  if (url === "") return "(V8 built-ins and native code)";
  if (url.startsWith("node:")) {
    const path = url.slice("node:".length).replace(/^internal\//, "");
    return `node:${path.split("/")[0]!.replace(/\.js$/, "")}`;
  }
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = /\/(src|bench|convex|sandbox)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  return url;
}

/** Node's own modules and V8's code: charged, in `selfByCaller`, to the package whose code called them. */
const isRuntime = (module: string) => module.startsWith("node:") || module === "(V8 built-ins and native code)";

const shortUrl = (url: string) => {
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) return url.slice(modules + "/node_modules/".length);
  const src = /\/((?:src|bench|convex|sandbox)\/.*)$/.exec(url);
  return src ? src[1]! : url;
};

export async function summariseProfile(file: string, top = 25) {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const functionKey = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
  const selfByFunction = new Map<string, number>();
  const selfByModule = new Map<string, number>();
  const inclusiveByModule = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  const selfByCaller = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

  let busyUs = 0;
  let idleUs = 0;
  // A sample's time is the time until the next one (the last one gets the mean interval).
  const mean = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
  for (let i = 0; i < profile.samples.length; i++) {
    const us = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1]! : mean;
    const leaf = byId.get(profile.samples[i]!)!;
    if (leaf.callFrame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    add(selfByFunction, functionKey(leaf), us);
    add(selfByModule, moduleOf(leaf.callFrame.url, leaf.callFrame.functionName), us);
    const modules = new Set<string>();
    const functions = new Set<string>();
    let caller: string | undefined;
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (n.callFrame.functionName === "(root)") break;
      const module = moduleOf(n.callFrame.url, n.callFrame.functionName);
      if (caller === undefined && !isRuntime(module)) caller = module;
      modules.add(module);
      functions.add(functionKey(n));
    }
    add(selfByCaller, caller ?? moduleOf(leaf.callFrame.url, leaf.callFrame.functionName), us);
    for (const m of modules) add(inclusiveByModule, m, us);
    for (const f of functions) add(inclusiveByFunction, f, us);
  }

  const table = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, percentOfBusy: Math.round((us / busyUs) * 1000) / 10 }));
  return {
    file,
    sampledMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    selfByModule: table(selfByModule, top),
    /** Self time with Node's modules and V8's built-ins charged to the nearest package (or bot file) on the stack that called them. */
    selfByCaller: table(selfByCaller, top),
    selfByFunction: table(selfByFunction, top),
    inclusiveByModule: table(inclusiveByModule, top),
    inclusiveByFunction: table(inclusiveByFunction, top),
  };
}

runAloneWhenMain(import.meta.url, () => {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error("usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP]");
  return summariseProfile(file, top === undefined ? 25 : Number(top));
});
