/** Who a bot message would actually ping, from its content and `allowed_mentions`. */

export interface Mentions {
  everyone: boolean;
  users: string[];
  roles: string[];
}

export interface AllowedMentions {
  parse?: Array<"users" | "roles" | "everyone">;
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

const USER_RE = /<@!?(\d{15,21})>/g;
const ROLE_RE = /<@&(\d{15,21})>/g;
const EVERYONE_RE = /@(everyone|here)/;

function uniq(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/** Mentions written in the content (embeds never ping, so they are not inspected). */
export function parseContentMentions(content: string | null | undefined): Mentions {
  const text = content ?? "";
  return {
    everyone: EVERYONE_RE.test(text),
    users: uniq([...text.matchAll(USER_RE)].map((m) => m[1]!)),
    roles: uniq([...text.matchAll(ROLE_RE)].map((m) => m[1]!)),
  };
}

/**
 * Discord's rules: without `allowed_mentions` everything in the content is parsed (and a reply pings
 * the replied-to author); with it, only the `parse` categories plus the explicit `users`/`roles`
 * lists (intersected with what the content mentions) ping; `replied_user` defaults to false.
 */
export function computeMentions(
  content: string | null | undefined,
  allowed: AllowedMentions | null | undefined,
  opts: { repliedUserId?: string | null } = {},
): Mentions {
  const found = parseContentMentions(content);
  if (!allowed) {
    const users = opts.repliedUserId ? uniq([...found.users, opts.repliedUserId]) : found.users;
    return { everyone: found.everyone, users, roles: found.roles };
  }
  const parse = new Set(allowed.parse ?? []);
  const users = parse.has("users") ? found.users : found.users.filter((id) => (allowed.users ?? []).includes(id));
  const roles = parse.has("roles") ? found.roles : found.roles.filter((id) => (allowed.roles ?? []).includes(id));
  const withReplied = allowed.replied_user && opts.repliedUserId ? uniq([...users, opts.repliedUserId]) : users;
  return { everyone: found.everyone && parse.has("everyone"), users: withReplied, roles };
}

export const NO_MENTIONS: Mentions = Object.freeze({ everyone: false, users: [], roles: [] }) as Mentions;
