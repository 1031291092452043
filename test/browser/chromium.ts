// Chromium for the browser test, on any machine `npm test` runs on: the one at CHROMIUM_PATH or a
// usual place; else, running as root on Debian or Ubuntu (CI, a container), the distribution's
// package is installed, as .ci/run does; else the browser test is skipped with one line naming
// the one command to run. Never a stack trace.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const INSTALL_COMMAND = "sudo apt-get install -y chromium";
const USUAL_PLACES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export interface ChromiumHost {
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  isRoot: boolean;
  /** Runs a command; true when it succeeded. */
  run(command: string, args: string[]): boolean;
  say(line: string): void;
}

const realHost: ChromiumHost = {
  env: process.env,
  exists: existsSync,
  isRoot: process.getuid?.() === 0,
  run: (command, args) =>
    spawnSync(command, args, { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0,
  say: (line) => console.warn(line),
};

/** The Chromium binary to drive, or null when the browser test must be skipped (having said why). */
export function findChromium(host: ChromiumHost = realHost): string | null {
  const given = host.env.CHROMIUM_PATH;
  if (given) {
    if (host.exists(given)) return given;
    host.say(
      `Skipping the browser test (test/browser): CHROMIUM_PATH=${given} does not exist — point it at a Chromium binary, or unset it and run: ${INSTALL_COMMAND}`,
    );
    return null;
  }
  const found = () => USUAL_PLACES.find((path) => host.exists(path)) ?? null;
  const present = found();
  if (present) return present;
  if (host.isRoot && host.exists("/usr/bin/apt-get")) {
    host.say("Chromium is missing: installing it for the browser test (apt-get install -y chromium)…");
    if (host.run("apt-get", ["update", "-qq"]) && host.run("apt-get", ["install", "-y", "-qq", "chromium"])) {
      const installed = found();
      if (installed) return installed;
    }
    host.say(`Skipping the browser test (test/browser): installing Chromium failed — run: apt-get update && apt-get install -y chromium`);
    return null;
  }
  host.say(`Skipping the browser test (test/browser): Chromium is not installed — run: ${INSTALL_COMMAND} (or set CHROMIUM_PATH)`);
  return null;
}
