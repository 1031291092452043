import { ApplicationCommandOptionType as T } from "discord-api-types/v10";
import type { APIApplicationCommandInteractionDataOption as RawOption, APIUser } from "discord-api-types/v10";
import { describe, expect, expectTypeOf, it } from "vitest";
import { UserError } from "../../src/lib/errors.ts";
import { argumentsOf, defineCommand, partialArgumentsOf, type ArgumentsOf } from "../../src/lib/command-options.ts";

const ep = defineCommand({
  name: "ep",
  description: "Mark an episode",
  options: [
    { type: T.String, name: "show", description: "The show", required: true, autocomplete: true, max_length: 200 },
    { type: T.Integer, name: "season", description: "Season", required: true, min_value: 0, max_value: 200 },
    { type: T.Boolean, name: "watched", description: "False to unmark" },
  ],
});

const watch = defineCommand({
  name: "watch",
  description: "Your watchlist",
  options: [
    {
      type: T.Subcommand,
      name: "status",
      description: "Set a status",
      options: [
        { type: T.String, name: "title", description: "Title", required: true, autocomplete: true },
        {
          type: T.String,
          name: "status",
          description: "Status",
          required: true,
          choices: [
            { name: "Watching", value: "watching" },
            { name: "Finished", value: "finished" },
          ],
        },
        {
          type: T.String,
          name: "type",
          description: "Type",
          choices: [
            { name: "Movie", value: "movie" },
            { name: "TV", value: "tv" },
          ],
        },
      ],
    },
    { type: T.Subcommand, name: "list", description: "A list", options: [{ type: T.User, name: "user", description: "Whose" }] },
  ],
});

const opt = (
  name: string,
  type: T,
  value?: string | number | boolean,
  extra: { options?: RawOption[]; focused?: boolean } = {},
): RawOption => ({ name, type, ...(value !== undefined ? { value } : {}), ...extra }) as RawOption;

describe("option values typed from the command's definition", () => {
  it("types required options as present, optional ones as maybe missing, and choices as their values", () => {
    expectTypeOf<ArgumentsOf<typeof ep>>().toEqualTypeOf<{ show: string; season: number; watched?: boolean }>();
    type Watch = ArgumentsOf<typeof watch>;
    expectTypeOf<Extract<Watch, { subcommand: "status" }>["options"]>().toEqualTypeOf<{
      title: string;
      status: "watching" | "finished";
      type?: "movie" | "tv";
    }>();
    expectTypeOf<Watch["subcommand"]>().toEqualTypeOf<"status" | "list">();
  });

  it("reads the values of a command without subcommands", () => {
    const args = argumentsOf(ep, [opt("show", T.String, "tv:1399"), opt("season", T.Integer, 1)]);
    expect(args).toEqual({ show: "tv:1399", season: 1 });
  });

  it("reads the chosen subcommand and its values", () => {
    const args = argumentsOf(watch, [
      opt("status", T.Subcommand, undefined, { options: [opt("title", T.String, "movie:1"), opt("status", T.String, "finished")] }),
    ]);
    expect(args).toEqual({ subcommand: "status", options: { title: "movie:1", status: "finished" } });
    // A user option carries the id; the user comes from the interaction's resolved data.
    const user = { id: "1", username: "sam", global_name: "Sam", discriminator: "0", avatar: null } as APIUser;
    const list = [opt("list", T.Subcommand, undefined, { options: [opt("user", T.User, "1")] })];
    expect(argumentsOf(watch, list, { users: { "1": user } })).toEqual({
      subcommand: "list",
      options: { user: { user: { id: "1", username: "sam", displayName: "Sam", bot: false } } },
    });
    // An id the resolved data does not name is a forged or stale request.
    expect(() => argumentsOf(watch, list, { users: {} })).toThrow(UserError);
  });

  it("refuses values the definition does not allow, with a message for people", () => {
    const bad: RawOption[][] = [
      [opt("show", T.String, "x")],
      [opt("show", T.String, "x"), opt("season", T.Integer, 201)],
      [opt("show", T.String, "x"), opt("season", T.Integer, 1.5)],
      [opt("show", T.String, "x"), opt("season", T.String, "1")],
      [opt("show", T.String, "x".repeat(201)), opt("season", T.Integer, 1)],
      [opt("show", T.String, "x"), opt("season", T.Integer, 1), opt("season", T.Integer, 2)],
      [opt("show", T.String, "x"), opt("season", T.Integer, 1), opt("extra", T.String, "?")],
    ];
    for (const data of bad) expect(() => argumentsOf(ep, data)).toThrow(UserError);
    expect(() =>
      argumentsOf(watch, [
        opt("status", T.Subcommand, undefined, { options: [opt("title", T.String, "a"), opt("status", T.String, "dropped")] }),
      ]),
    ).toThrow(/has changed/);
    expect(() => argumentsOf(watch, [opt("nope", T.Subcommand)])).toThrow(UserError);
    expect(() => argumentsOf(watch, [])).toThrow(UserError);
  });

  it("lets autocomplete read what is typed so far, with required options still missing", () => {
    const args = partialArgumentsOf(watch, [
      opt("status", T.Subcommand, undefined, {
        options: [opt("title", T.String, "inc", { focused: true }), opt("type", T.String, "movie")],
      }),
    ]);
    expect(args).toEqual({ subcommand: "status", options: { title: "inc", type: "movie" } });
    if (args.subcommand === "status") expectTypeOf(args.options.type).toEqualTypeOf<"movie" | "tv" | undefined>();
    // Discord sends the other options unchecked while one is typed: an invalid one is left out, not fatal.
    const typing = partialArgumentsOf(ep, [opt("show", T.String, "game of", { focused: true }), opt("season", T.Integer, 500)]);
    expect(typing).toEqual({ show: "game of" });
  });
});
