// The Responder's answers after its own deferral: an edit can't change a message's visibility, so
// an answer meant to be seen differently from the deferral goes out as a new message.
import { ApplicationCommandType, InteractionResponseType as T, InteractionType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { CommandInteraction } from "../../src/core/interaction.ts";
import { Responder } from "../../src/core/respond.ts";
import type { Transport } from "../../src/core/transport.ts";

function recorder() {
  const calls: [string, unknown][] = [];
  const transport: Transport = {
    callback: async (r) => void calls.push(["callback", r]),
    editOriginal: async (b) => void calls.push(["edit", b]),
    followUp: async (b) => void calls.push(["followUp", b]),
  };
  return { calls, transport };
}

const command = () =>
  new CommandInteraction({
    type: InteractionType.ApplicationCommand,
    id: "1300000000000000001",
    application_id: "1300000000000000002",
    token: "token",
    guild_id: "1300000000000000003",
    channel_id: "1300000000000000004",
    member: { user: { id: "1300000000000000005", username: "ada" }, permissions: "0", roles: [] },
    data: { type: ApplicationCommandType.ChatInput, name: "list", id: "1300000000000000006" },
  } as never);

describe("Responder after its deferral", () => {
  it("a public answer to a command whose replies are private (a slow /list pick) is posted for everyone, not edited into the private deferral", async () => {
    const { calls, transport } = recorder();
    const respond = new Responder(command(), transport, true);
    await respond.defer();
    await respond.send({ content: "🎲 Heat", ephemeral: false });
    expect(calls).toEqual([
      ["callback", { type: T.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } }],
      ["edit", expect.objectContaining({ content: "⬇️ Posted below." })],
      ["followUp", expect.objectContaining({ content: "🎲 Heat" })],
    ]);
    expect((calls[2]![1] as { flags?: number }).flags).toBeUndefined();
  });

  it("an answer as private as the deferral edits it", async () => {
    const { calls, transport } = recorder();
    const respond = new Responder(command(), transport, true);
    await respond.defer();
    await respond.send({ content: "Added" });
    expect(calls.map(([kind]) => kind)).toEqual(["callback", "edit"]);
    expect(calls[1]![1]).toMatchObject({ content: "Added" });
  });
});
