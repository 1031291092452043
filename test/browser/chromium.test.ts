// `npm test` on a fresh machine: the browser test finds Chromium, installs it (root on Debian/Ubuntu),
// or is skipped with one line naming the command to run.
import { describe, expect, it } from "vitest";
import { findChromium, INSTALL_COMMAND, type ChromiumHost } from "./chromium.ts";

function host(options: { files?: string[]; env?: Record<string, string>; isRoot?: boolean; installWorks?: boolean } = {}) {
  const files = new Set(options.files ?? []);
  const said: string[] = [];
  const ran: string[] = [];
  const h: ChromiumHost = {
    env: options.env ?? {},
    exists: (path) => files.has(path),
    isRoot: options.isRoot ?? false,
    run: (command, args) => {
      ran.push([command, ...args].join(" "));
      if (options.installWorks && args.includes("chromium")) files.add("/usr/bin/chromium");
      return options.installWorks ?? false;
    },
    say: (line) => said.push(line),
  };
  return { h, said, ran };
}

describe("Chromium for the browser test", () => {
  it("uses the one installed, or CHROMIUM_PATH", () => {
    expect(findChromium(host({ files: ["/usr/bin/chromium-browser"] }).h)).toBe("/usr/bin/chromium-browser");
    expect(findChromium(host({ files: ["/opt/chrome"], env: { CHROMIUM_PATH: "/opt/chrome" } }).h)).toBe("/opt/chrome");
  });

  it("installs the Debian package when running as root with apt-get", () => {
    const { h, said, ran } = host({ files: ["/usr/bin/apt-get"], isRoot: true, installWorks: true });
    expect(findChromium(h)).toBe("/usr/bin/chromium");
    expect(ran).toEqual(["apt-get update -qq", "apt-get install -y -qq chromium"]);
    expect(said).toEqual(["Chromium is missing: installing it for the browser test (apt-get install -y chromium)…"]);
  });

  it("otherwise skips with one line naming the one command to run", () => {
    const { h, said, ran } = host({ files: ["/usr/bin/apt-get"], isRoot: false });
    expect(findChromium(h)).toBeNull();
    expect(ran).toEqual([]);
    expect(said).toEqual([
      `Skipping the browser test (test/browser): Chromium is not installed — run: ${INSTALL_COMMAND} (or set CHROMIUM_PATH)`,
    ]);
  });

  it("says so in one line when the install fails or CHROMIUM_PATH is wrong", () => {
    const failing = host({ files: ["/usr/bin/apt-get"], isRoot: true, installWorks: false });
    expect(findChromium(failing.h)).toBeNull();
    expect(failing.said.at(-1)).toBe(
      "Skipping the browser test (test/browser): installing Chromium failed — run: apt-get update && apt-get install -y chromium",
    );
    const wrong = host({ env: { CHROMIUM_PATH: "/nope" } });
    expect(findChromium(wrong.h)).toBeNull();
    expect(wrong.said).toHaveLength(1);
  });
});
