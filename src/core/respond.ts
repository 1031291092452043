import { InteractionResponseType, MessageFlags, type APIEmbed, type APIMessageTopLevelComponent } from "discord-api-types/v10";
import type { RepliableInteraction } from "./interaction.ts";
import type { FileUpload, MessageBody, Transport } from "./transport.ts";

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  /** Overrides the command's default visibility; only honoured for the first answer. */
  ephemeral?: boolean;
  /** Files: sent as a follow-up. */
  files?: readonly FileUpload[];
}

/** Nobody is ever pinged by the bot's replies unless a command asks for it. */
export const NO_MENTIONS = { parse: [] as [] };

/**
 * What a deferred reply becomes when the answer is meant to be seen differently (a public draw
 * after a private "thinking…"): an edit can't change a message's visibility, so the answer is
 * posted as a new message and the deferred one says so.
 */
export const POSTED_BELOW: MessageBody = { content: "⬇️ Posted below.", embeds: [], components: [], allowed_mentions: NO_MENTIONS };

/**
 * The one place that decides how to answer an interaction: reply, edit the
 * deferred reply, update the clicked message, or follow up — by the
 * interaction's state. It also defers on its own when a handler is slow, so the
 * 3-second acknowledgement deadline is met whatever the handler waits for.
 */
export class Responder {
  private queue: Promise<unknown> = Promise.resolve();
  private deferTimer: ReturnType<typeof setTimeout> | undefined;
  /** The callback was sent (a reply, an update or a deferral). */
  private acknowledged = false;
  /** The callback was a deferral and nothing has replaced it yet. */
  private deferred = false;
  /** A real answer (not a deferral) was given. */
  private answered = false;

  constructor(
    readonly interaction: RepliableInteraction,
    private readonly transport: Transport,
    /** Ephemeral unless the reply says otherwise: personal answers are the default. */
    private readonly ephemeral: boolean,
    /** Component clicks update the message they are on unless a handler replies anew. */
    private readonly mode: "reply" | "update" = interaction.kind === "command" ? "reply" : "update",
  ) {}

  /** Defers if nothing was sent within `ms`. */
  deferAfter(ms: number): void {
    // defer() queues itself behind anything already being sent.
    this.deferTimer = setTimeout(() => void this.defer().catch(() => undefined), ms);
    (this.deferTimer as { unref?: () => void }).unref?.();
  }

  /** Acknowledge now; the answer follows as an edit. */
  defer(): Promise<void> {
    return this.enqueue(async () => {
      if (this.acknowledged) return;
      if (this.mode === "update") await this.transport.callback({ type: InteractionResponseType.DeferredMessageUpdate });
      else
        await this.transport.callback({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: this.ephemeral ? { flags: MessageFlags.Ephemeral } : {},
        });
      this.acknowledged = true;
      this.deferred = true;
    });
  }

  /** The answer: the first one replies (or edits the deferred reply / clicked message); later ones follow up. */
  send(reply: Reply): Promise<void> {
    return this.enqueue(async () => {
      clearTimeout(this.deferTimer);
      const body = this.body(reply);
      if (reply.files?.length || this.answered) await this.transport.followUp(this.withFlags(body, reply), reply.files);
      else if (this.deferred && this.mode === "reply" && (reply.ephemeral ?? this.ephemeral) !== this.ephemeral) {
        // The deferral was as private (or public) as the command's replies; this answer is not.
        // Edited first: a follow-up sent while the deferral is unedited would take its place, and its visibility.
        await this.transport.editOriginal(POSTED_BELOW);
        await this.transport.followUp(this.withFlags(body, reply));
      } else if (this.deferred) await this.transport.editOriginal(body);
      else if (this.mode === "update") await this.transport.callback({ type: InteractionResponseType.UpdateMessage, data: body });
      else await this.transport.callback({ type: InteractionResponseType.ChannelMessageWithSource, data: this.withFlags(body, reply) });
      this.settle();
    });
  }

  /** A fresh message in reply to a click (instead of updating the clicked one). */
  sendNew(reply: Reply): Promise<void> {
    return this.enqueue(async () => {
      clearTimeout(this.deferTimer);
      const body = this.withFlags(this.body(reply), reply);
      if (this.acknowledged) await this.transport.followUp(body, reply.files);
      else await this.transport.callback({ type: InteractionResponseType.ChannelMessageWithSource, data: body });
      this.settle();
    });
  }

  cancel(): void {
    clearTimeout(this.deferTimer);
  }

  private settle() {
    this.acknowledged = true;
    this.answered = true;
    this.deferred = false;
  }

  /** The message body (edits cannot change visibility). */
  private body(reply: Reply): MessageBody {
    return { content: reply.content, embeds: reply.embeds ?? [], components: reply.components ?? [], allowed_mentions: NO_MENTIONS };
  }

  private withFlags(body: MessageBody, reply: Reply): MessageBody {
    return (reply.ephemeral ?? this.ephemeral) ? { ...body, flags: MessageFlags.Ephemeral } : body;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
