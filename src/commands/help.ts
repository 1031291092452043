import { ApplicationCommandType } from "discord-api-types/v10";
import { defineCommand } from "../lib/command-options.ts";
import { helpCard } from "../views/help.ts";
import { command, forPerson } from "./types.ts";

export const help = command({
  data: defineCommand({
    name: "help",
    description: "What Film Fanatic can do, with examples",
    type: ApplicationCommandType.ChatInput,
  }),
  ephemeral: true,
  reads: true,
  async execute(_interaction, respond, ctx) {
    await respond.send(helpCard(forPerson(ctx)));
  },
});
