import {
  MessageFlags,
  type ActionRowData,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type MessageActionRowComponentData,
  type StringSelectMenuInteraction,
} from "discord.js";

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: (APIActionRowComponent<APIComponentInMessageActionRow> | ActionRowData<MessageActionRowComponentData>)[];
  /** Overrides the command's default visibility; only honoured for the first answer. */
  ephemeral?: boolean;
}

/** Nobody is ever pinged by the bot's replies unless a command asks for it. */
export const NO_MENTIONS = { parse: [] as const, repliedUser: false };

/**
 * The one place that decides how to answer an interaction: reply, edit the
 * deferred reply, update the clicked message, or follow up — by the
 * interaction's state. It also defers on its own when a handler is slow, so the
 * 3-second acknowledgement deadline is met whatever the handler waits for.
 */
export class Responder {
  private queue: Promise<unknown> = Promise.resolve();
  private deferTimer: NodeJS.Timeout | undefined;
  private answered = false;

  constructor(
    readonly interaction: RepliableInteraction,
    /** Ephemeral unless the reply says otherwise: personal answers are the default. */
    private readonly ephemeral: boolean,
    /** Component clicks update the message they are on unless a handler replies anew. */
    private readonly mode: "reply" | "update" = interaction.isChatInputCommand() ? "reply" : "update",
  ) {}

  /** Defers if nothing was sent within `ms`. */
  deferAfter(ms: number): void {
    // defer() queues itself behind anything already being sent.
    this.deferTimer = setTimeout(() => void this.defer().catch(() => undefined), ms);
    this.deferTimer.unref?.();
  }

  /** Acknowledge now; the answer follows as an edit. */
  defer(): Promise<void> {
    return this.enqueue(async () => {
      const i = this.interaction;
      if (i.deferred || i.replied) return;
      if (this.mode === "update" && !i.isChatInputCommand()) await i.deferUpdate();
      else await i.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    });
  }

  /** The answer: the first one replies (or edits the deferred reply / clicked message); later ones follow up. */
  send(reply: Reply): Promise<void> {
    return this.enqueue(async () => {
      clearTimeout(this.deferTimer);
      const i = this.interaction;
      const { body, withFlags } = this.payload(reply);
      if (this.answered) await i.followUp(withFlags);
      else if (i.deferred) await i.editReply(body);
      else if (this.mode === "update" && !i.isChatInputCommand()) await i.update(body);
      else await i.reply(withFlags);
      this.answered = true;
    });
  }

  /** A fresh message in reply to a click (instead of updating the clicked one). */
  sendNew(reply: Reply): Promise<void> {
    return this.enqueue(async () => {
      clearTimeout(this.deferTimer);
      const i = this.interaction;
      const { withFlags } = this.payload(reply);
      if (i.deferred || i.replied) await i.followUp(withFlags);
      else await i.reply(withFlags);
      this.answered = true;
    });
  }

  /** The message body (edits cannot change visibility) and the same with its ephemeral flag. */
  private payload(reply: Reply) {
    const body = {
      content: reply.content,
      embeds: reply.embeds ?? [],
      components: reply.components ?? [],
      allowedMentions: NO_MENTIONS,
    };
    const ephemeral = reply.ephemeral ?? this.ephemeral;
    return { body, withFlags: { ...body, flags: ephemeral ? MessageFlags.Ephemeral : undefined } as InteractionReplyOptions };
  }

  cancel(): void {
    clearTimeout(this.deferTimer);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
