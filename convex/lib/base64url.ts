// base64url without padding (RFC 4648 §5): the calendar feed's salt, which the bot makes, and its
// token, which Convex derives from it. Web APIs only, for the bot and Convex alike.

export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
