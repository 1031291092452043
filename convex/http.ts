// The deployment's HTTP actions: Clerk's webhooks (account linking from Clerk's Discord
// connection) and the /link page. See convex/linking.ts.
import { verifyWebhook } from "@clerk/backend/webhooks";
import { httpRouter } from "convex/server";
import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { discordIdOf } from "./linking";
import { linkPageResponse } from "./model/linkPage";

const http = httpRouter();

/**
 * Clerk → Convex (Clerk dashboard → Webhooks: this URL, events user.created, user.updated,
 * user.deleted; the signing secret goes in CLERK_WEBHOOK_SIGNING_SECRET). Signatures and
 * timestamps (5 minutes' tolerance) are checked by @clerk/backend's verifyWebhook.
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
    const name = [data.first_name, data.last_name].filter((part) => typeof part === "string" && part !== "").join(" ") || (typeof data.username === "string" ? data.username : "");
    const result = await ctx.runMutation(internal.linking.applyClerkEvent, {
      type: event.type,
      clerkUserId,
      discordUserId: discordIdOf(data.external_accounts),
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

export default http;
