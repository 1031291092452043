// Bidirectional controls in someone's text (issue 17): stripped wherever text.ts makes it safe to
// show, so a name can't reverse the rest of a board line, a list, a session post or a poll.
import { describe, expect, it } from "vitest";
import { partyLabel } from "../../convex/model/parties.ts";
import { partyBoard } from "../../src/views/party-board.ts";
import { sessionPoll } from "../../src/views/session.ts";
import { label, oneLine, plain, truncate, withoutBidi } from "../../src/views/text.ts";

const CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const ANY = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe("bidirectional controls", () => {
  it("are stripped by every text helper, keeping right-to-left letters", () => {
    for (const c of CONTROLS) {
      expect(plain(`evil${c}gnp.exe`)).toBe("evilgnp.exe");
      expect(label(`a${c}b`, 10)).toBe("ab");
      expect(oneLine(`a${c} b`)).toBe("a b");
      expect(truncate(`a${c}b`, 10)).toBe("ab");
    }
    expect(withoutBidi("שלום \u202eworld")).toBe("שלום world");
  });

  it("never reach a board, its footer or a poll", () => {
    const board = partyBoard({
      partyId: "p1",
      name: "\u202eytrap",
      show: { title: "Show\u2067" },
      hostName: "ho\u202est",
      members: [{ discordUserId: "1", displayName: "m\u200fe", watched: 1, total: 2, position: { season: 1, episode: 1 } }],
    });
    expect(JSON.stringify(board)).not.toMatch(ANY);
    expect(board.embeds[0]?.footer?.text).toBe("Hosted by host · 1 member");
    // Polls, session posts and server events name the party by its label, made without them.
    const poll = sessionPoll({
      partyLabel: partyLabel({ name: "Night\u202e", title: "Show\u2066", season: undefined }),
      options: [{ at: Date.UTC(2030, 0, 1, 20), label: "Fri 20:00" }],
      hours: 24,
    });
    expect(JSON.stringify(poll)).not.toMatch(ANY);
  });
});
