import { afterEach, describe, expect, it } from "vitest";
import { componentsAsSent, embedsAsSent } from "../../sandbox/discord/as-sent.ts";
import { DiscordSpec, type RestExchange } from "../../sandbox/discord/spec/conformance.ts";
import type { Stack } from "../../sandbox/stack.ts";
import { ofType, run, stack } from "../e2e/harness.ts";

/** Wednesday 2 December 2026, 11:00 in Berlin: "friday 21:00" is two days on, whatever day the test runs. */
const WEDNESDAY = Date.UTC(2026, 11, 2, 10, 0);

/**
 * One broad end-to-end run: commands, buttons, selects, autocomplete, DMs, reminders, parties with
 * their board, sessions with a server event, a poll that expires, errors Discord answers (closed DMs,
 * revoked channel, deleted message). Every REST request the bot and Convex make is recorded.
 */
const SCENARIO = `
as alice
in movie-club #general
autocomplete /watch add title:incep
/watch add title:movie:27205
/watch info title:movie:680
click "Finished"
select "👍 Liked"
/watch react title:603 reaction:loved
click "Undo"
/ep 1399 1 1-2
/remind settings timezone:Europe/Berlin
/party start show:1399 season:1
wait 3s
grant create-events
/party schedule when:"friday 21:00" zone:Europe/Berlin
click "Confirm"
wait 3s
as bob
in movie-club #general
click "Going"
/party join
as alice
in movie-club #general
/party poll times:"2026-12-05 21:00; 2026-12-06 20:00" hours:2 zone:Europe/Berlin
wait 3s
in movie-club #movies
/list add title:movie:27205
/list add title:movie:155
/list show
/list pick
click "Draw again"
/list poll hours:1
wait 3s
vote "Inception (2010)"
in movie-club #general
`;

/** After the poll: bob votes (for its first answer), it expires, reminders and refusals follow. */
const AFTER_POLL = (answer: string) => `
as bob
in movie-club #general
vote "${answer}"
as alice
in movie-club #general
/party end
wait 3s
/party status
wait 8d
in dm
click "Snooze a week"
dms closed
wait 8d
in movie-club #general
revoke #general
/ep 1399 1 3
wait 5s
`;

describe("the Discord sandbox against Discord's official OpenAPI spec", () => {
  let s: Stack;
  afterEach(async () => {
    await s?.stop();
  });

  it("answers every request of an end-to-end run as the spec says, and the bot and Convex send only requests the spec allows", async () => {
    const spec = new DiscordSpec();
    s = await stack({ clockStart: WEDNESDAY });
    const exchanges: RestExchange[] = [];
    s.discord.recordRest((x) => exchanges.push(x));
    const events = await run(s, SCENARIO);
    const poll = ofType(events, "message").find((e) => e.poll);
    expect(poll).toBeDefined();
    events.push(...(await run(s, AFTER_POLL(poll!.poll.answers[0].poll_media.text))));
    expect(ofType(events, "error")).toEqual([]);

    expect(exchanges.length).toBeGreaterThan(30);
    const problems = exchanges.flatMap((x) => spec.check(x));
    expect(problems).toEqual([]);
    // The run reached the routes that matter: messages, interactions, DMs, polls, scheduled events, errors.
    const reached = new Set(exchanges.map((x) => `${x.method} ${spec.templateOf(x.path)} ${x.status}`));
    expect([...reached]).toEqual(
      expect.arrayContaining([
        "POST /interactions/{interaction_id}/{interaction_token}/callback 204",
        "POST /webhooks/{webhook_id}/{webhook_token} 200",
        "POST /channels/{channel_id}/messages 200",
        "POST /channels/{channel_id}/messages 403",
        "PATCH /channels/{channel_id}/messages/{message_id} 200",
        "POST /users/@me/channels 200",
        "POST /guilds/{guild_id}/scheduled-events 200",
        "DELETE /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id} 204",
        "POST /channels/{channel_id}/polls/{message_id}/expire 200",
      ]),
    );
  });
});

describe("what Discord fills in on a stored message", () => {
  it("numbers every component without an id through the tree, skipping ids the bot chose, and bounds selects at 1", () => {
    const rows = [
      {
        type: 1,
        components: [
          { type: 2, style: 1, label: "A", custom_id: "a" },
          { type: 2, style: 1, label: "B", custom_id: "b", id: 2 },
        ],
      },
      { type: 1, components: [{ type: 3, custom_id: "pick", options: [{ label: "x", value: "x" }] }] },
    ];
    expect(componentsAsSent(rows)).toEqual([
      {
        type: 1,
        id: 1,
        components: [
          { type: 2, style: 1, label: "A", custom_id: "a", id: 3 },
          { type: 2, style: 1, label: "B", custom_id: "b", id: 2 },
        ],
      },
      {
        type: 1,
        id: 4,
        components: [{ type: 3, id: 5, custom_id: "pick", options: [{ label: "x", value: "x" }], min_values: 1, max_values: 1 }],
      },
    ]);
    // What the bot sent is left as it was.
    expect(rows[0]).not.toHaveProperty("id");
  });

  it("says whether each embed field is inline (false unless the bot said so)", () => {
    expect(
      embedsAsSent([
        {
          title: "t",
          fields: [
            { name: "a", value: "1" },
            { name: "b", value: "2", inline: true },
          ],
        },
      ]),
    ).toEqual([
      {
        title: "t",
        fields: [
          { name: "a", value: "1", inline: false },
          { name: "b", value: "2", inline: true },
        ],
      },
    ]);
  });
});

describe("the spec check", () => {
  const spec = new DiscordSpec();
  const post = (status: number, response: unknown, request: unknown = { content: "hi" }): RestExchange => ({
    method: "POST",
    path: "/channels/1/messages",
    query: {},
    request,
    status,
    response,
  });

  it("finds a field the spec requires missing from an answer, and a request field of the wrong type", () => {
    expect(spec.check(post(404, { message: "Unknown Channel" }))).toEqual([
      { exchange: "POST /channels/1/messages → 404", side: "response", errors: ["/ must have required property 'code'"] },
    ]);
    expect(spec.check(post(404, { code: 10003, message: "Unknown Channel" }, { content: 5 }))[0]).toMatchObject({ side: "request" });
  });

  it("allows where real Discord differs from the spec: string field-error codes, a 429 without code, 5xx, a bot's content over 2,000 characters refused", () => {
    const formError = {
      code: 50035,
      message: "Invalid Form Body",
      errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] } },
    };
    expect(spec.check(post(400, formError, { content: "x".repeat(2001) }))).toEqual([]);
    expect(spec.check(post(429, { message: "You are being rate limited.", retry_after: 1.5, global: false }))).toEqual([]);
    expect(spec.check(post(500, { message: "500: Internal Server Error", code: 0 }))).toEqual([]);
  });

  it("names a path or method Discord does not have", () => {
    expect(spec.check({ method: "GET", path: "/nowhere", query: {}, request: undefined, status: 404, response: {} })[0]!.errors).toEqual([
      "no such path in Discord's spec",
    ]);
  });
});
