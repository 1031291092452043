/** Gateway discovery, users, DMs and the application itself. */
import { DiscordErrors, FormErrors } from "../errors.ts";
import { applicationObject, channelObject, userObject } from "../serialize.ts";
import type { Route, RestCore } from "./router.ts";

export function applicationRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  const application = () => ({
    status: 200,
    body: {
      ...applicationObject(world, world.user("sandbox owner"), world.allGuilds().length),
      verify_key: core.application.publicKeyHex(),
      interactions_endpoint_url: core.application.endpointUrl(),
    },
  });

  route("GET", "/gateway", false, () => ({ status: 200, body: { url: core.gatewayUrl() } }));
  route("GET", "/gateway/bot", true, () => ({
    status: 200,
    body: {
      url: core.gatewayUrl(),
      shards: core.config.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    },
  }));
  route("GET", "/users/@me", true, () => ({
    status: 200,
    body: { ...userObject(world.botUser), bot: true, verified: true, mfa_enabled: false, email: null, locale: "en-US" },
  }));
  route("GET", "/users/:user", true, (ctx) => {
    const u = world.userById(ctx.params.user!);
    if (!u) throw DiscordErrors.unknownUser();
    return { status: 200, body: userObject(u) };
  });
  route("POST", "/users/@me/channels", true, (ctx) => {
    const rid = ctx.body?.recipient_id;
    if (typeof rid !== "string" && typeof rid !== "number") {
      const errs = new FormErrors();
      errs.add(["recipient_id"], "BASE_TYPE_REQUIRED", "This field is required");
      throw DiscordErrors.invalidForm(errs);
    }
    const u = world.userById(String(rid));
    if (!u || u.bot) throw DiscordErrors.unknownUser();
    return { status: 200, body: channelObject(world, world.dm(u.name)) };
  });
  route("GET", "/applications/@me", true, application);
  route("PATCH", "/applications/@me", true, async (ctx) => {
    const url: unknown = ctx.body?.interactions_endpoint_url;
    if (url !== undefined) {
      const errs = new FormErrors();
      const valid = url === null || url === "" || (typeof url === "string" && url.length <= 2048 && /^https?:\/\/[^\s]+$/.test(url));
      if (!valid) errs.add(["interactions_endpoint_url"], "URL_TYPE_INVALID_URL", "Not a well formed URL.");
      else {
        const problems = await core.application.setEndpointUrl(url === "" ? null : (url as string | null));
        if (problems.length > 0)
          errs.add(
            ["interactions_endpoint_url"],
            "APPLICATION_INTERACTIONS_ENDPOINT_URL_INVALID",
            `The specified interactions endpoint url could not be verified. (${problems.join("; ")})`,
          );
      }
      if (!errs.empty) throw DiscordErrors.invalidForm(errs);
    }
    return application();
  });
  route("GET", "/oauth2/applications/@me", true, application);
  route("GET", "/applications/:app/role-connections/metadata", true, () => ({ status: 200, body: [] }));
  route("GET", "/applications/:app/entitlements", true, () => ({ status: 200, body: [] }));
  route("GET", "/applications/:app/skus", true, () => ({ status: 200, body: [] }));
  route("GET", "/applications/:app/emojis", true, () => ({ status: 200, body: { items: [] } }));
}
