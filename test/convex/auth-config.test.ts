import { afterEach, describe, expect, it, vi } from "vitest";

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return (await import("../../convex/auth.config.ts")).default;
}

describe("the web app's sign-in configuration", () => {
  afterEach(() => {
    delete process.env.CONVEX_CLERK_ISSUER_URL;
    delete process.env.CLERK_JWT_ISSUER_DOMAIN;
  });

  it("trusts the Clerk issuer the live deployment sets in CONVEX_CLERK_ISSUER_URL, for the convex JWT template", async () => {
    const config = await loadConfig({
      CONVEX_CLERK_ISSUER_URL: "https://clerk.pebbly.app",
      CLERK_JWT_ISSUER_DOMAIN: "https://old.example",
    });
    expect(config.providers).toEqual([{ domain: "https://clerk.pebbly.app", applicationID: "convex" }]);
  });

  it("still reads the older CLERK_JWT_ISSUER_DOMAIN when only that is set", async () => {
    const config = await loadConfig({ CONVEX_CLERK_ISSUER_URL: undefined, CLERK_JWT_ISSUER_DOMAIN: "https://old.example" });
    expect(config.providers[0]!.domain).toBe("https://old.example");
  });
});
