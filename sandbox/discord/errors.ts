import { RESTJSONErrorCodes as Code } from "discord-api-types/v10";
/** Discord's error shapes, as returned by the REST API. */

export interface FormError {
  code: string;
  message: string;
}

/** Nested `errors` object of a 50035 "Invalid Form Body" response. */
export interface ErrorTree {
  _errors?: FormError[];
  [key: string]: ErrorTree | FormError[] | undefined;
}

/** Collects field errors under Discord's nested `errors` layout. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  private n = 0;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: ErrorTree = this.tree;
    for (const p of path) {
      const key = String(p);
      let next = node[key] as ErrorTree | undefined;
      if (!next) {
        next = {};
        node[key] = next;
      }
      node = next;
    }
    (node._errors ??= []).push({ code, message });
    this.n++;
  }

  get empty(): boolean {
    return this.n === 0;
  }

  /** Flattened "path[CODE]: message" lines, like discord.js prints them. */
  lines(): string[] {
    const out: string[] = [];
    const walk = (node: ErrorTree, path: string) => {
      for (const [k, v] of Object.entries(node)) {
        if (k === "_errors") {
          for (const e of v as FormError[]) out.push(`${path || "body"}[${e.code}]: ${e.message}`);
        } else if (v) {
          const next = /^\d+$/.test(k) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
          walk(v as ErrorTree, next);
        }
      }
    };
    walk(this.tree, "");
    return out;
  }
}

/** An HTTP error response in Discord's JSON shape. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: ErrorTree,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "DiscordHttpError";
  }

  body(): Record<string, unknown> {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export const DiscordErrors = {
  notFound: () => new DiscordHttpError(404, 0, "404: Not Found"),
  methodNotAllowed: () => new DiscordHttpError(405, 0, "405: Method Not Allowed"),
  unauthorized: () => new DiscordHttpError(401, 0, "401: Unauthorized"),
  invalidForm: (errors: FormErrors) => new DiscordHttpError(400, Code.InvalidFormBodyOrContentType, "Invalid Form Body", errors.tree),
  invalidJson: () => new DiscordHttpError(400, Code.RequestBodyContainsInvalidJSON, "The request body contains invalid JSON."),
  requestEntityTooLarge: () => new DiscordHttpError(413, Code.RequestEntityTooLarge, "Request entity too large"),
  emptyMessage: () => new DiscordHttpError(400, Code.CannotSendAnEmptyMessage, "Cannot send an empty message"),
  cannotDm: () => new DiscordHttpError(403, Code.CannotSendMessagesToThisUser, "Cannot send messages to this user"),
  cannotEditOthers: () =>
    new DiscordHttpError(403, Code.CannotEditMessageAuthoredByAnotherUser, "Cannot edit a message authored by another user"),
  missingAccess: () => new DiscordHttpError(403, Code.MissingAccess, "Missing Access"),
  missingPermissions: () => new DiscordHttpError(403, Code.MissingPermissions, "Missing Permissions"),
  unknownApplication: () => new DiscordHttpError(404, Code.UnknownApplication, "Unknown Application"),
  unknownChannel: () => new DiscordHttpError(404, Code.UnknownChannel, "Unknown Channel"),
  unknownGuild: () => new DiscordHttpError(404, Code.UnknownGuild, "Unknown Guild"),
  unknownMember: () => new DiscordHttpError(404, Code.UnknownMember, "Unknown Member"),
  unknownMessage: () => new DiscordHttpError(404, Code.UnknownMessage, "Unknown Message"),
  unknownUser: () => new DiscordHttpError(404, Code.UnknownUser, "Unknown User"),
  unknownWebhook: () => new DiscordHttpError(404, Code.UnknownWebhook, "Unknown Webhook"),
  unknownInteraction: () => new DiscordHttpError(404, Code.UnknownInteraction, "Unknown interaction"),
  unknownCommand: () => new DiscordHttpError(404, Code.UnknownApplicationCommand, "Unknown application command"),
  invalidWebhookToken: () => new DiscordHttpError(401, Code.InvalidWebhookToken, "Invalid Webhook Token"),
  alreadyAcknowledged: () =>
    new DiscordHttpError(400, Code.InteractionHasAlreadyBeenAcknowledged, "Interaction has already been acknowledged."),
};

/**
 * A mistake by whoever drives the sandbox (a script line or a test): the thing asked for is not
 * something a Discord user could do at all (the command is not registered, the option does not
 * exist, there is no such button). Scripts report these as `error` events.
 */
export class SandboxUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxUsageError";
  }
}
