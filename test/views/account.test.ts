import { describe, expect, it } from "vitest";
import { accountCard, accountDeleteQuestion, linkCard } from "../../src/views/account.ts";
import { BRAND, DANGER } from "../../src/views/vocabulary.ts";

const info = {
  linkedTo: "alice@example.com",
  linkedVia: "oauth",
  titles: 10_000,
  watchedEpisodes: 1234,
  lists: 2,
  reminders: 1,
  parties: 0,
  countLimit: 10_000,
  merge: null,
};

describe("the /link and /account cards", () => {
  it("/link: the page button carries the code in the fragment, and a linked person is told a switch asks first", () => {
    const view = linkCard({
      code: "abc",
      pageUrl: "https://example.convex.site/link",
      expiresAt: 1_700_000_000_000,
      linkedTo: "alice@example.com",
    });
    expect(view.embeds[0]).toMatchObject({ title: "Link your Film Fanatic account", color: BRAND });
    expect(view.embeds[0]!.description).toContain("expires <t:1700000000:R>");
    expect(view.embeds[0]!.description).toContain("You are linked to **alice@example.com** now");
    expect(JSON.stringify(view.components)).toContain("https://example.convex.site/link#abc");
  });

  it("/account: counts at the limit read N+, the link's way is named, Resume shows only for a failed move", () => {
    const view = accountCard(info);
    expect(view.embeds[0]).toMatchObject({ title: "Your Film Fanatic account", color: BRAND });
    expect(view.embeds[0]!.fields![1]!.value).toContain("Titles: 10,000+");
    expect(view.embeds[0]!.fields![0]!.value).toContain("(you signed in to Film Fanatic with Discord)");
    expect(JSON.stringify(view.components)).not.toContain("Resume moving");
    expect(JSON.stringify(accountCard({ ...info, merge: { state: "failed", text: "Stopped." } }).components)).toContain("Resume moving");
  });

  it("asks before deleting, in red", () => {
    expect(accountDeleteQuestion().embeds[0]).toMatchObject({ title: "Delete your Discord data?", color: DANGER });
  });
});
