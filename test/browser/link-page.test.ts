// The link page in headless Chromium, served by the deployment's HTTP action in the sandbox:
// open the button's URL, sign in through the sandbox sign-in, confirm, and the link completes.
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack } from "../e2e/harness.ts";
import { findChromium } from "./chromium.ts";

// Found, or installed (as root on Debian/Ubuntu), or the suite is skipped with one line saying what to run.
const CHROMIUM = findChromium();

describe.skipIf(CHROMIUM === null)("the /link page in a browser", () => {
  let s: Stack;
  let browser: Browser;
  beforeAll(async () => {
    s = await stack();
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function linkButtonUrl(user: string): Promise<string> {
    const events = await run(s, `as ${user}\nin movie-club #general\n/watch add title:movie:603\n/link`);
    const reply = ofType(events, "reply").at(-1)!;
    const url = reply.components?.[0]?.components?.[0]?.url as string | undefined;
    expect(url).toMatch(/\/link#[A-Za-z0-9_-]{22}$/);
    return url!;
  }

  it("signs in through the sandbox sign-in, shows whose Discord account it is, confirms, and links", async () => {
    const url = await linkButtonUrl("hana");
    const page = await browser.newPage();
    const response = await page.goto(url);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    // The code leaves the address bar at once.
    await page.waitForFunction(() => location.hash === "");
    // Whose account is being linked, before signing in.
    await expect.poll(() => page.locator("#discord-name").textContent()).toBe("hana");
    await page.locator("#sandbox-name").fill("hana");
    await page.locator("#sandbox-sign-in").click();
    await expect.poll(() => page.locator("#who").textContent()).toBe("hana@sandbox.test");
    await page.locator("#link").click();
    await expect.poll(() => page.locator("#done-text").textContent()).toBe("hana is now linked to this account.");
    await page.close();

    // Linked: the Discord user's profile is now the Clerk user's, and Discord got the confirmation.
    const subject = await s.engine.webIdentityOf(s.discord.user("hana").id);
    expect(subject).toMatch(/^user_sb/);
    await s.engine.wait(0);
    const followups = s.discord
      .messages(s.discord.guild("movie-club").channels.get("general")!.id)
      .filter((m) => m.content?.includes("Linked to Film Fanatic account"));
    expect(followups.map((m) => m.visibleTo)).toContain("hana");
  });

  it("asks before moving a link that exists, and switches when the person confirms", async () => {
    await run(s, "as kim\nin movie-club #general\nlink");
    const before = await s.engine.webIdentityOf(s.discord.user("kim").id);
    const url = await linkButtonUrl("kim");
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator("#sandbox-name").fill("lee");
    await page.locator("#sandbox-sign-in").click();
    await page.locator("#link").click();
    await expect
      .poll(() => page.locator("#switch-text").textContent())
      .toContain("already linked to another Film Fanatic account (k•••@s•••.test)");
    expect(await s.engine.webIdentityOf(s.discord.user("kim").id)).toBe(before);
    await page.locator("#switch-go").click();
    await expect.poll(() => page.locator("#done-text").textContent()).toBe("kim is now linked to this account.");
    expect(await s.engine.webIdentityOf(s.discord.user("kim").id)).toBe(s.clerk.user("lee").id);
    await page.close();
  });

  it("a code replaced by a newer /link says it is not valid, and nothing is linked", async () => {
    const url = await linkButtonUrl("ivan");
    await run(s, "as ivan\nin movie-club #general\nlink"); // a newer /link replaces the first code
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator("#problem-text").textContent()).toContain("not valid");
    await page.close();
    // The `link` line linked ivan with the newer code; the old page changed nothing.
    expect(await s.engine.webIdentityOf(s.discord.user("ivan").id)).toMatch(/^user_sb/);
  });
});
