// The /link page, served by the deployment itself (convex/http.ts, GET /link): the bot needs no
// inbound port, and the page lives on the same deployment whose mutation it calls.
//
// The code travels in the URL fragment (never sent to a server, never in a Referer or log) and
// is removed from the address bar at once. The page signs the person in with Clerk's browser
// SDK (loaded from the instance's Frontend API, named by CLERK_PUBLISHABLE_KEY), shows whose
// Discord account the code links, and on "Link" redeems the code with linking/page:redeem over
// Convex's HTTP API, authenticated by the web app's own Clerk token (template "convex"). No
// cookie authenticates anything, so a cross-site request carries no authority (no CSRF); the
// page may not be framed (no clickjacking).

/** Clerk's Frontend API host, from a publishable key (pk_test_/pk_live_ + base64 of "host$"). */
export function frontendApiOf(publishableKey: string | undefined): string | null {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]{4,200})$/.exec(publishableKey?.trim() ?? "");
  if (!match) return null;
  let decoded: string;
  try {
    decoded = atob(match[2]!.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  if (!decoded.endsWith("$")) return null;
  const host = decoded.slice(0, -1);
  return /^[A-Za-z0-9.-]{1,200}(:\d{1,5})?$/.test(host) ? host : null;
}

/** https, except a loopback host (the sandbox's local sign-in); a real key never names one. */
export function clerkOrigin(frontendApi: string): string {
  const loopback = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(frontendApi);
  return `${loopback ? "http" : "https"}://${frontendApi}`;
}

export interface LinkPageConfig {
  publishableKey: string;
  clerkOrigin: string;
  convexUrl: string;
}

/** The deployment's settings for the page, or what is missing. */
export function linkPageConfig(env: Record<string, string | undefined>): LinkPageConfig | { missing: string } {
  const publishableKey = env.CLERK_PUBLISHABLE_KEY?.trim();
  const frontendApi = frontendApiOf(publishableKey);
  if (!publishableKey || frontendApi === null) return { missing: "CLERK_PUBLISHABLE_KEY (the web app's Clerk publishable key)" };
  const convexUrl = env.CONVEX_CLOUD_URL?.trim().replace(/\/+$/, "");
  if (!convexUrl || !/^https?:\/\/[^\s/"'<>]+$/.test(convexUrl)) return { missing: "CONVEX_CLOUD_URL" };
  return { publishableKey, clerkOrigin: clerkOrigin(frontendApi), convexUrl };
}

export function linkPageResponse(env: Record<string, string | undefined>, nonce: string): Response {
  const config = linkPageConfig(env);
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
  };
  if ("missing" in config) {
    return new Response(shell("Account linking is not set up", `<p>This deployment is missing ${escapeHtml(config.missing)}.</p>`, ""), {
      status: 503,
      headers,
    });
  }
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${config.clerkOrigin}`,
    `connect-src ${config.convexUrl} ${config.clerkOrigin}`,
    `img-src https: ${config.clerkOrigin} data:`,
    "style-src 'unsafe-inline'",
    `frame-src ${config.clerkOrigin} https://challenges.cloudflare.com`,
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const body = `
<section id="loading"><p>Loading…</p></section>
<section id="enter" hidden>
  <p>Paste the code <code>/link</code> gave you in Discord:</p>
  <p><input id="code-input" autocomplete="off" spellcheck="false" size="30" aria-label="Link code"> <button id="code-go" type="button">Continue</button></p>
</section>
<section id="discord" hidden>
  <p class="muted">Discord account to link</p>
  <div class="card"><img id="avatar" alt="" width="64" height="64" hidden><div><strong id="discord-name"></strong><div id="discord-username" class="muted"></div></div></div>
  <p class="muted">Check the @username: a display name and picture can be copied by anyone. Link only a code you made yourself with <code>/link</code>.</p>
</section>
<section id="sign-in" hidden><p>Sign in to Film Fanatic to continue.</p><div id="clerk-sign-in"></div></section>
<section id="confirm" hidden>
  <p>Signed in as <strong id="who"></strong>.</p>
  <p>Link <strong id="discord-name-2"></strong> to this Film Fanatic account? What you tracked in Discord moves into it; newer changes win where both have the same title.</p>
  <p><button id="link" type="button">Link accounts</button> <button id="cancel" type="button" class="secondary">Cancel</button></p>
</section>
<section id="switch" hidden>
  <p id="switch-text"></p>
  <p><button id="switch-go" type="button">Switch the link</button> <button id="switch-cancel" type="button" class="secondary">Keep things as they are</button></p>
</section>
<section id="done" hidden><h2>✅ Linked</h2><p id="done-text"></p><p class="muted">You can close this tab; Discord has a confirmation too.</p></section>
<section id="problem" hidden><h2>Couldn't link</h2><p id="problem-text"></p></section>`;
  const script = `<script type="application/json" id="config">${json}</script>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>`;
  return new Response(shell("Link Discord to Film Fanatic", body, script), {
    status: 200,
    headers: { ...headers, "content-security-policy": csp },
  });
}

function shell(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f;background:#fafafa}
h1{font-size:1.4rem}.muted{color:#666;font-size:.9rem}.card{display:flex;align-items:center;gap:.8rem;padding:.8rem;border:1px solid #ddd;border-radius:.6rem;background:#fff}
.card img{border-radius:50%}button{font:inherit;padding:.5rem 1rem;border-radius:.4rem;border:0;background:#e50914;color:#fff;cursor:pointer}
button.secondary{background:#ddd;color:#222}button:disabled{opacity:.5;cursor:default}
</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}${script}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// Runs in the browser. Only textContent is ever set from data (no HTML injection).
const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("config").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var sections = ["loading", "enter", "discord", "sign-in", "confirm", "switch", "done", "problem"];
  function only(names) { sections.forEach(function (s) { $(s).hidden = names.indexOf(s) < 0; }); }
  function problem(text) { $("problem-text").textContent = text; only($("discord-name").textContent ? ["discord", "problem"] : ["problem"]); }
  var KEY = "film-fanatic-link-code";
  var code = location.hash.slice(1);
  // The code leaves the address bar (and history) at once; this tab keeps it in case Clerk's
  // sign-in redirects back here.
  if (code) { history.replaceState(null, "", location.pathname); try { sessionStorage.setItem(KEY, code); } catch (e) {} }
  else { try { code = sessionStorage.getItem(KEY) || ""; } catch (e) {} }
  function forget() { try { sessionStorage.removeItem(KEY); } catch (e) {} }

  async function call(kind, path, args, token) {
    var headers = { "content-type": "application/json" };
    if (token) headers.authorization = "Bearer " + token;
    var res = await fetch(cfg.convexUrl + "/api/" + kind, { method: "POST", headers: headers, body: JSON.stringify({ path: path, args: args, format: "json" }) });
    var body = await res.json().catch(function () { return null; });
    if (!body || body.status !== "success") throw new Error((body && body.errorMessage) || "The request failed (" + res.status + ").");
    return body.value;
  }

  function loadClerk() {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = cfg.clerkOrigin + "/npm/@clerk/clerk-js@5/dist/clerk.browser.js";
      s.async = true;
      s.crossOrigin = "anonymous";
      s.setAttribute("data-clerk-publishable-key", cfg.publishableKey);
      s.onload = function () { resolve(window.Clerk); };
      s.onerror = function () { reject(new Error("Could not load the sign-in.")); };
      document.head.appendChild(s);
    });
  }

  async function signedIn(clerk) {
    if (clerk.user) return clerk.user;
    only(["discord", "sign-in"]);
    var here = location.origin + location.pathname;
    clerk.mountSignIn($("clerk-sign-in"), { routing: "virtual", forceRedirectUrl: here, signUpForceRedirectUrl: here });
    return await new Promise(function (resolve) {
      clerk.addListener(function (r) { if (r.user) resolve(r.user); });
    });
  }

  function label(user) {
    return (user.primaryEmailAddress && user.primaryEmailAddress.emailAddress) || user.fullName || user.username || user.id;
  }

  async function redeem(confirmSwitch) {
    document.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    try {
      var token = await window.Clerk.session.getToken({ template: "convex" });
      if (!token) throw new Error("Your sign-in has ended; reload the page.");
      var r = await call("mutation", "linking/page:redeem", { code: code, confirmSwitch: confirmSwitch }, token);
      if (r.status === "linked" || r.status === "already_linked") { forget(); $("done-text").textContent = r.message; only(["discord", "done"]); }
      else if (r.status === "needs_switch") { $("switch-text").textContent = r.message; only(["discord", "switch"]); }
      else problem(r.message);
    } catch (e) { problem(e.message); }
    document.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
  }

  async function start() {
    if (!code) {
      only(["enter"]);
      code = await new Promise(function (resolve) {
        $("code-go").addEventListener("click", function () { resolve($("code-input").value.trim()); });
      });
    }
    var p = await call("query", "linking/page:preview", { code: code });
    if (!p.ok) { forget(); problem(p.message); return; }
    $("discord-name").textContent = p.discordName;
    $("discord-name-2").textContent = p.discordUsername ? p.discordName + " (@" + p.discordUsername + ")" : p.discordName;
    if (p.discordUsername) $("discord-username").textContent = "@" + p.discordUsername;
    if (p.avatarUrl) { $("avatar").src = p.avatarUrl; $("avatar").hidden = false; }
    var clerk = await loadClerk();
    await clerk.load();
    var user = await signedIn(clerk);
    $("who").textContent = label(user);
    only(["discord", "confirm"]);
    $("link").addEventListener("click", function () { redeem(false); });
    $("switch-go").addEventListener("click", function () { redeem(true); });
    var cancel = function () { problem("Nothing was linked. You can close this tab."); };
    $("cancel").addEventListener("click", cancel);
    $("switch-cancel").addEventListener("click", cancel);
  }
  start().catch(function (e) { problem(e.message); });
})();
`;
