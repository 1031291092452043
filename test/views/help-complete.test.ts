// /help names every command the bot registers, and promises Undo only for the changes that have one.
import { describe, expect, it } from "vitest";
import { commands } from "../../src/commands/index.ts";
import { helpCard } from "../../src/views/help.ts";

const helpText = () => {
  const embed = helpCard().embeds![0]!;
  return [embed.description ?? "", ...(embed.fields ?? []).map((f) => `${f.name}\n${f.value}`)].join("\n");
};

describe("/help", () => {
  it("lists every registered command and subcommand", () => {
    const text = helpText();
    const missing: string[] = [];
    for (const command of commands.values()) {
      const subcommands = ((command.data as { options?: { type: number; name: string }[] }).options ?? []).filter(
        (o) => o.type === 1 || o.type === 2,
      );
      if (subcommands.length === 0) {
        if (command.data.name !== "help" && !text.includes(`/${command.data.name}`)) missing.push(`/${command.data.name}`);
        continue;
      }
      for (const sub of subcommands) {
        // "`/watch add`", or listed after its command ("`/party end` · `/party list`", "`/remind off` · `/remind on`").
        if (!text.includes(`/${command.data.name} ${sub.name}`)) missing.push(`/${command.data.name} ${sub.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("promises Undo only where there is one", () => {
    const text = helpText();
    expect(text).not.toMatch(/every change has an \*\*Undo\*\*/i);
    expect(text).toMatch(/`\/ep`, `\/mark`\).*\*\*Undo\*\*/);
  });
});
