import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stack } from "../../sandbox/stack.ts";
import { buttons, ofType, run, stack, text, webItem, type Event } from "./harness.ts";

let s: Stack;
beforeAll(async () => {
  s = await stack();
});
afterAll(async () => {
  await s?.stop();
});

const last = (events: Event[]) => ofType(events, "reply", "reply_edit", "followup").at(-1);
const at = (user: string) => `as ${user}\nin movie-club #general\n`;

describe("the dropped status, as the web app has it", () => {
  it("is offered for a show, stored as the web app stores it, and found by the list filter", async () => {
    const set = await run(s, `${at("dora")}/watch status title:tv:1399 status:dropped`);
    expect(text(last(set))).toContain("Dropped");
    expect(buttons(last(set))).toContain("Dropped");
    expect(await webItem(s, "dora", 1399, "tv")).toMatchObject({ progressStatus: "dropped" });

    const list = await run(s, `${at("dora")}/watch list status:dropped`);
    expect(text(last(list))).toContain("Game of Thrones");
  });

  it("is not offered as a button on a movie's card", async () => {
    const events = await run(s, `${at("dora")}/watch add title:movie:27205`);
    expect(buttons(last(events))).toEqual(expect.arrayContaining(["Want to watch", "Watching", "Finished"]));
    expect(buttons(last(events))).not.toContain("Dropped");
  });

  it("is kept when an episode is marked afterwards", async () => {
    await run(s, `${at("eli")}/watch status title:tv:1396 status:dropped\n/ep 1396 1 1`);
    expect(await webItem(s, "eli", 1396, "tv")).toMatchObject({ progressStatus: "dropped" });
  });
});
