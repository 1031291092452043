import { afterEach, describe, expect, it } from "vitest";
import { clerkOrigin, frontendApiOf } from "../../convex/model/linkPage";
import { deployment } from "./setup";

const PK_LIVE = `pk_live_${btoa("clerk.film-fanatic.app$")}`;

describe("the /link page the deployment serves", () => {
  afterEach(() => {
    delete process.env.CLERK_PUBLISHABLE_KEY;
    delete process.env.CONVEX_CLOUD_URL;
  });

  it("loads Clerk's browser SDK over https from the Frontend API a real publishable key names", () => {
    expect(frontendApiOf(PK_LIVE)).toBe("clerk.film-fanatic.app");
    expect(clerkOrigin("clerk.film-fanatic.app")).toBe("https://clerk.film-fanatic.app");
    // Only a loopback host (the sandbox's sign-in) is loaded over http.
    expect(clerkOrigin("127.0.0.1:5173")).toBe("http://127.0.0.1:5173");
    for (const bad of ["", "sk_live_abc", "pk_live_!!!", `pk_test_${btoa("no-dollar")}`, `pk_test_${btoa("evil.com/path$")}`])
      expect(frontendApiOf(bad)).toBeNull();
  });

  it("serves the page with a strict policy: no framing, no referrer, no caching, scripts only by nonce and from Clerk", async () => {
    process.env.CLERK_PUBLISHABLE_KEY = PK_LIVE;
    process.env.CONVEX_CLOUD_URL = "https://happy-otter-123.convex.cloud";
    const t = deployment();
    const response = await t.fetch("/link", { method: "GET" });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' https:\/\/clerk\.film-fanatic\.app(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src https://happy-otter-123.convex.cloud https://clerk.film-fanatic.app");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain('"publishableKey":"' + PK_LIVE + '"');
    // A fresh nonce each time.
    const again = (await t.fetch("/link", { method: "GET" })).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("says what is missing instead of serving a page that can't sign anyone in", async () => {
    const t = deployment();
    const response = await t.fetch("/link", { method: "GET" });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("CLERK_PUBLISHABLE_KEY");
  });
});
