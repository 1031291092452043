// The deployment's HTTP actions: Discord's HTTP interactions (the bot without a bot process, see
// convex/interactions/door.ts), Clerk's webhooks (account linking from Clerk's Discord
// connection) and the /link page. See convex/linking/.
import { verifyWebhook } from "@clerk/backend/webhooks";
import { httpRouter } from "convex/server";
import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { discordConnectionOf } from "./linking/clerk";
import { linkPageResponse } from "./model/linkPage";
import { interactions } from "./interactions/door";
import { CALENDAR_PATH, calendarFeed } from "./upcoming/http";

const http = httpRouter();

/** Discord → Convex: the application's Interactions Endpoint URL (`npm run register -- --endpoint`). */
http.route({ path: "/discord/interactions", method: "POST", handler: interactions });

/**
 * Clerk → Convex (Clerk dashboard → Webhooks: this URL, events user.created, user.updated,
 * user.deleted; the signing secret goes in CLERK_WEBHOOK_SIGNING_SECRET). Signatures and
 * timestamps (5 minutes' tolerance) are checked by @clerk/backend's verifyWebhook; each
 * delivery is applied once and in `updated_at` order (model/clerkEvents.ts).
 */
http.route({
  path: "/clerk/webhook",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const signingSecret = process.env.CLERK_WEBHOOK_SIGNING_SECRET;
    if (!signingSecret) return new Response("CLERK_WEBHOOK_SIGNING_SECRET is not set on this deployment.", { status: 500 });
    let event: Awaited<ReturnType<typeof verifyWebhook>>;
    try {
      event = await verifyWebhook(request, { signingSecret });
    } catch {
      return new Response("The webhook's signature or timestamp is not valid.", { status: 400 });
    }
    const data = event.data as unknown as Record<string, unknown>;
    const clerkUserId = typeof data.id === "string" && /^user_[A-Za-z0-9]{1,64}$/.test(data.id) ? data.id : null;
    if (!event.type.startsWith("user.") || clerkUserId === null) return Response.json({ result: "ignored" });
    const emails = Array.isArray(data.email_addresses) ? (data.email_addresses as { id?: unknown; email_address?: unknown }[]) : [];
    const email = emails.find((e) => e.id === data.primary_email_address_id)?.email_address;
    const name =
      [data.first_name, data.last_name].filter((part) => typeof part === "string" && part !== "").join(" ") ||
      (typeof data.username === "string" ? data.username : "");
    // The delivery's id is part of what was signed: a redelivery (same id, fresh signature) is applied once.
    const svixId = request.headers.get("svix-id") ?? request.headers.get("webhook-id") ?? undefined;
    const updatedAt = typeof data.updated_at === "number" && Number.isFinite(data.updated_at) ? data.updated_at : undefined;
    const connection = discordConnectionOf(data.external_accounts);
    const result = await ctx.runMutation(internal.linking.clerk.applyClerkEvent, {
      type: event.type,
      clerkUserId,
      svixId,
      updatedAt,
      discordUserId: connection?.discordUserId ?? null,
      connectionId: connection?.connectionId,
      connectionCreatedAt: connection?.createdAt,
      name: name ? name.slice(0, 200) : undefined,
      email: typeof email === "string" ? email.slice(0, 320) : undefined,
    });
    return Response.json({ result });
  }),
});

/** The page /link's button opens (the code is in the fragment). */
http.route({
  path: "/link",
  method: "GET",
  handler: httpAction(async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const nonce = btoa(String.fromCharCode(...bytes));
    return linkPageResponse(process.env, nonce);
  }),
});

/** A person's private calendar feed (`/upcoming feed`; docs/upcoming.md): GET /calendar/<token>.ics. */
http.route({ pathPrefix: CALENDAR_PATH, method: "GET", handler: calendarFeed });

export default http;
