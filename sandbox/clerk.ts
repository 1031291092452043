// The sandbox's stand-in for Clerk and for the deployment's HTTP front door, on loopback.
//
// - A local RS256 key signs Clerk-shaped session tokens (sub, iss, aud "convex", azp, sid,
//   exp). The sandbox's Convex API endpoint accepts only these, the way auth.config makes a
//   real deployment accept only its Clerk instance's. Nothing here is reachable from a
//   production configuration: the publishable key it makes names this loopback host, and the
//   link page only ever loads a sign-in script over http from a loopback host.
// - /npm/@clerk/clerk-js@5/dist/clerk.browser.js is a small script with the part of Clerk's
//   browser SDK the link page uses (load, user, session.getToken, mountSignIn, addListener);
//   its sign-in form asks for a name and gets a token from POST /sandbox/sign-in.
// - POST /api/query and /api/mutation: Convex's HTTP API for the web app's modules, with the
//   bearer token verified as above. Everything else (GET /link, POST /clerk/webhook) goes to
//   the deployment's HTTP actions in the embedded engine.
// - GET /v1/users: Clerk's Backend API user list, for the one-time backfill.
// - Webhooks are signed with standardwebhooks, as Clerk (Svix) signs them.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { makeFunctionReference } from "convex/server";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type CryptoKey } from "jose";
import { Webhook } from "standardwebhooks";
import type { DiscordSandbox } from "./discord/index.ts";
import type { EmbeddedConvex } from "./engine.ts";

export interface ClerkUser {
  id: string;
  name: string;
  email: string;
  /** The Discord id of the user's Discord connection (Clerk's oauth_discord external account). */
  discordUserId: string | null;
  createdAt: number;
  /** Clerk's `updated_at`: moves forward with every webhook about the user, as Clerk's does. */
  updatedAt?: number;
}

/** Modules the sandbox's Convex API serves (the web app's, and the link page's). */
const WEB_MODULES = new Set(["linking/page", "watchlist", "users"]);
const MAX_BODY = 1 << 20;

export class SandboxClerk {
  readonly url: string;
  readonly publishableKey: string;
  readonly secretKey = `sk_test_sandbox_${randomBytes(12).toString("hex")}`;
  readonly webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;
  readonly issuer: string;
  private engine: EmbeddedConvex | null = null;
  private readonly users = new Map<string, ClerkUser>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    port: number,
    private readonly keys: { privateKey: CryptoKey; publicKey: CryptoKey },
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.issuer = this.url;
    this.publishableKey = `pk_test_${Buffer.from(`127.0.0.1:${port}$`).toString("base64")}`;
  }

  static async start(): Promise<SandboxClerk> {
    const keys = await generateKeyPair("RS256");
    let clerk: SandboxClerk | null = null;
    const server = createServer((req, res) => {
      void clerk!.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, "text/plain", `sandbox web failed: ${String(error)}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    clerk = new SandboxClerk(server, (server.address() as AddressInfo).port, keys);
    return clerk;
  }

  /** What the embedded deployment's environment needs for linking. */
  deploymentEnv(): Record<string, string> {
    return {
      CLERK_PUBLISHABLE_KEY: this.publishableKey,
      CLERK_WEBHOOK_SIGNING_SECRET: this.webhookSecret,
      CLERK_SECRET_KEY: this.secretKey,
      CLERK_API_URL: this.url,
      CONVEX_SITE_URL: this.url,
      CONVEX_CLOUD_URL: this.url,
    };
  }

  attach(engine: EmbeddedConvex): void {
    this.engine = engine;
  }

  /** The sandbox's Clerk user for a name (created on first use, with a stable id). */
  user(name: string, discordUserId?: string | null): ClerkUser {
    const key = name.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const id = `user_sb${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
      user = { id, name, email: `${key.replace(/[^a-z0-9]+/g, ".")}@sandbox.test`, discordUserId: null, createdAt: Date.now() };
      this.users.set(key, user);
    }
    if (discordUserId !== undefined) user.discordUserId = discordUserId;
    return user;
  }

  /** A Clerk-shaped session token for the web app's JWT template "convex". */
  async mintToken(user: ClerkUser): Promise<string> {
    return await new SignJWT({ name: user.name, email: user.email, azp: "http://127.0.0.1", sid: `sess_${randomBytes(8).toString("hex")}` })
      .setProtectedHeader({ alg: "RS256", kid: "sandbox" })
      .setIssuer(this.issuer)
      .setAudience("convex")
      .setSubject(user.id)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime("10m")
      .sign(this.keys.privateKey);
  }

  async publicJwk() {
    return await exportJWK(this.keys.publicKey);
  }

  /** Sends a signed Clerk webhook to the deployment's /clerk/webhook; answers its status and body. */
  async sendWebhook(type: "user.created" | "user.updated" | "user.deleted", user: ClerkUser): Promise<{ status: number; body: unknown }> {
    if (type !== "user.deleted") user.updatedAt = Math.max(Date.now(), (user.updatedAt ?? user.createdAt) + 1);
    const data = type === "user.deleted" ? { id: user.id, object: "user", deleted: true } : clerkUserJson(user);
    const body = JSON.stringify({ type, object: "event", data, timestamp: Date.now() });
    const id = `msg_${randomBytes(12).toString("hex")}`;
    const at = new Date();
    const signature = new Webhook(this.webhookSecret).sign(id, at, body);
    const response = await this.deployment().run((t) =>
      t.fetch("/clerk/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "svix-id": id,
          "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
          "svix-signature": signature,
        },
        body,
      }),
    );
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text answer
    }
    return { status: response.status, body: parsed };
  }

  /** Clerk's sign-up with Discord: the user exists in Clerk, and user.created reaches the deployment. */
  async signup(name: string, discordUserId: string | null) {
    const user = this.user(name, discordUserId);
    return { user, ...(await this.sendWebhook("user.created", user)) };
  }

  async deleteUser(name: string) {
    const user = this.user(name);
    this.users.delete(name.toLowerCase());
    return { user, ...(await this.sendWebhook("user.deleted", user)) };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private deployment(): EmbeddedConvex {
    if (this.engine === null) throw new Error("the sandbox's Clerk is not attached to an engine");
    return this.engine;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "GET, POST, OPTIONS",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/npm/@clerk/clerk-js@5/dist/clerk.browser.js") {
      return send(res, 200, "text/javascript; charset=utf-8", CLERK_STUB, cors);
    }
    if (req.method === "POST" && url.pathname === "/sandbox/sign-in") {
      const { name } = JSON.parse((await readBody(req)) || "{}") as { name?: unknown };
      if (typeof name !== "string" || !/^[\w .-]{1,40}$/.test(name))
        return send(res, 400, "application/json", JSON.stringify({ error: "a name of 1–40 letters" }), cors);
      const user = this.user(name);
      const token = await this.mintToken(user);
      return send(
        res,
        200,
        "application/json",
        JSON.stringify({ user: { id: user.id, fullName: user.name, email: user.email }, token }),
        cors,
      );
    }
    if (req.method === "POST" && (url.pathname === "/api/query" || url.pathname === "/api/mutation")) {
      const answer = await this.convexCall(
        url.pathname === "/api/query" ? "query" : "mutation",
        req.headers.authorization,
        await readBody(req),
      );
      return send(res, answer.status === "success" ? 200 : 560, "application/json", JSON.stringify(answer), cors);
    }
    if (req.method === "GET" && (url.pathname === "/v1/users" || url.pathname === "/v1/users/count")) {
      if (req.headers.authorization !== `Bearer ${this.secretKey}`)
        return send(res, 401, "application/json", JSON.stringify({ errors: [{ code: "authentication_invalid" }] }));
      if (url.pathname === "/v1/users/count")
        return send(res, 200, "application/json", JSON.stringify({ object: "total_count", total_count: this.users.size }));
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get("limit") ?? 10) || 10));
      const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0);
      const users = [...this.users.values()]
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(offset, offset + limit)
        .map(clerkUserJson);
      return send(res, 200, "application/json", JSON.stringify(users));
    }
    // The deployment's HTTP actions.
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers[key] = value;
    const response = await this.deployment().run((t) => t.fetch(`${url.pathname}${url.search}`, { method: req.method, headers, body }));
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => (out[key] = value));
    res.writeHead(response.status, out);
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  private async convexCall(kind: "query" | "mutation", authorization: string | undefined, raw: string) {
    let identity: Record<string, unknown> | null = null;
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      try {
        const { payload } = await jwtVerify(token ?? "", this.keys.publicKey, { issuer: this.issuer, audience: "convex" });
        identity = {
          subject: payload.sub,
          issuer: payload.iss,
          tokenIdentifier: `${payload.iss}|${payload.sub}`,
          name: payload.name,
          email: payload.email,
        };
      } catch (error) {
        return { status: "error", errorMessage: `Could not verify the token: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    let request: { path?: unknown; args?: unknown };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      return { status: "error", errorMessage: "The request body is not JSON." };
    }
    const path = typeof request.path === "string" ? request.path : "";
    const args = Array.isArray(request.args) ? request.args[0] : request.args;
    if (!/^[A-Za-z_]\w*(?:\/[A-Za-z_]\w*)?:[A-Za-z_]\w*$/.test(path) || !WEB_MODULES.has(path.split(":")[0]!))
      return { status: "error", errorMessage: `No such public function: ${path}` };
    if (typeof args !== "object" || args === null) return { status: "error", errorMessage: "args must be an object" };
    try {
      const value = await this.deployment().run(async (t) => {
        const caller = identity === null ? t : t.withIdentity(identity as Parameters<typeof t.withIdentity>[0]);
        return kind === "query"
          ? await caller.query(makeFunctionReference<"query">(path), args as Record<string, never>)
          : await caller.mutation(makeFunctionReference<"mutation">(path), args as Record<string, never>);
      });
      return { status: "success", value: value ?? null };
    } catch (error) {
      return { status: "error", errorMessage: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** A user as Clerk's Backend API and webhooks write it (the fields this project reads, and a few more). */
function clerkUserJson(user: ClerkUser) {
  return {
    id: user.id,
    object: "user",
    first_name: user.name,
    last_name: null,
    username: null,
    image_url: "",
    has_image: false,
    primary_email_address_id: "idn_1",
    email_addresses: [
      {
        id: "idn_1",
        object: "email_address",
        email_address: user.email,
        verification: { status: "verified", strategy: "email_code" },
        linked_to: [],
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    external_accounts:
      user.discordUserId === null
        ? []
        : [
            {
              id: "eac_1",
              object: "external_account",
              provider: "oauth_discord",
              provider_user_id: user.discordUserId,
              identification_id: "idn_2",
              email_address: user.email,
              first_name: user.name,
              last_name: "",
              username: user.name,
              public_metadata: {},
              label: null,
              verification: { status: "verified", strategy: "oauth_discord" },
            },
          ],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    created_at: user.createdAt,
    updated_at: user.updatedAt ?? user.createdAt,
    last_sign_in_at: null,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    banned: false,
    locked: false,
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The part of Clerk's browser SDK the link page uses, with a sandbox sign-in form. */
const CLERK_STUB = String.raw`
(function () {
  "use strict";
  var origin = new URL(document.currentScript.src).origin;
  var listeners = [];
  var clerk = {
    user: null,
    session: null,
    load: function () { return Promise.resolve(); },
    addListener: function (fn) { listeners.push(fn); return function () {}; },
    mountSignIn: function (el) {
      el.textContent = "";
      var note = document.createElement("p");
      note.textContent = "Sandbox sign-in (a local key, not Clerk): choose who you are.";
      var input = document.createElement("input");
      input.id = "sandbox-name";
      input.setAttribute("aria-label", "Name");
      input.placeholder = "name";
      var button = document.createElement("button");
      button.id = "sandbox-sign-in";
      button.type = "button";
      button.textContent = "Sign in";
      button.addEventListener("click", async function () {
        button.disabled = true;
        var res = await fetch(origin + "/sandbox/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: input.value.trim() }) });
        var body = await res.json();
        button.disabled = false;
        if (!res.ok) { note.textContent = body.error || "Sign-in failed."; return; }
        clerk.user = { id: body.user.id, fullName: body.user.fullName, primaryEmailAddress: { emailAddress: body.user.email } };
        clerk.session = { getToken: function () { return Promise.resolve(body.token); } };
        el.textContent = "";
        listeners.forEach(function (fn) { fn({ user: clerk.user, session: clerk.session }); });
      });
      el.appendChild(note);
      el.appendChild(input);
      el.appendChild(button);
    },
  };
  window.Clerk = clerk;
})();
`;

// ------------------------------------------------------------ script verbs

export interface LinkResult {
  clerkUser: string;
  status: string;
  message: string;
}

/**
 * The `link` verb: runs /link as the user where they are, then does what the link page does
 * in a browser — loads the page, signs in through the sandbox sign-in (as the Clerk user of
 * the same name), previews the code and redeems it — over HTTP. `confirmSwitch` answers yes
 * to "switch the link?".
 */
export async function linkAsUser(
  discord: DiscordSandbox,
  clerk: SandboxClerk,
  actor: { user: string; guild?: string; channel?: string },
  options: { confirmSwitch?: boolean } = {},
): Promise<LinkResult> {
  const resolved = discord.resolveArgs(actor, "link", []);
  const { events } = await discord.runCommand(actor, resolved.command, resolved.options);
  const urls = events.flatMap((e) =>
    ((e as { components?: { components?: { url?: string }[] }[] }).components ?? [])
      .flatMap((row) => (row.components ?? []).map((c) => c.url))
      .filter((u): u is string => typeof u === "string"),
  );
  const pageUrl = urls.find((u) => u.includes("/link#"));
  if (pageUrl === undefined) {
    const said = events
      .map((e) => (e as { content?: string | null }).content)
      .filter(Boolean)
      .join(" ");
    throw new Error(`link: /link gave no link page button${said ? ` (it said: ${said.slice(0, 200)})` : ""}`);
  }
  const page = new URL(pageUrl);
  const code = page.hash.slice(1);
  const html = await fetch(new URL(page.pathname, page.origin));
  if (!html.ok) throw new Error(`link: the link page answered ${html.status}`);
  await html.text();
  const signIn = await fetch(`${clerk.url}/sandbox/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: actor.user }),
  });
  const { user, token } = (await signIn.json()) as { user: { id: string }; token: string };
  const call = async (kind: "query" | "mutation", path: string, args: Record<string, unknown>, bearer?: string) => {
    const response = await fetch(`${clerk.url}/api/${kind}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ path, args, format: "json" }),
    });
    const body = (await response.json()) as { status: string; value?: any; errorMessage?: string };
    if (body.status !== "success") throw new Error(`link: ${path} failed: ${body.errorMessage}`);
    return body.value;
  };
  const preview = await call("query", "linking/page:preview", { code });
  if (!preview.ok) throw new Error(`link: ${preview.message}`);
  const result = await call("mutation", "linking/page:redeem", { code, confirmSwitch: options.confirmSwitch === true }, token);
  if (result.status === "needs_switch" || result.status === "refused")
    throw new Error(`link: ${result.message}${result.status === "needs_switch" ? ' (use "link switch" to confirm)' : ""}`);
  await discord.waitForIdle();
  return { clerkUser: user.id, status: result.status, message: result.message };
}
