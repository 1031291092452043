// `as NAME locale:de` in a sandbox script: the person's Discord language, checked against Discord's list.
import { describe, expect, it } from "vitest";
import { parseScript } from "../../sandbox/script.ts";

describe("as NAME locale:…", () => {
  it("reads the locale (any case, as Discord spells it) and leaves a plain 'as' without one", () => {
    expect(parseScript("as alice locale:de\nas bob locale:PT-br\nas carol")).toEqual([
      expect.objectContaining({ kind: "as", user: "alice", locale: "de" }),
      expect.objectContaining({ kind: "as", user: "bob", locale: "pt-BR" }),
      expect.not.objectContaining({ locale: expect.anything() }),
    ]);
    expect(parseScript('as "Ann Lee" locale:ja')[0]).toMatchObject({ user: "Ann Lee", locale: "ja" });
  });

  it("refuses a locale Discord does not have, naming the ones it does", () => {
    expect(() => parseScript("as alice locale:de-AT")).toThrow(/line 1: locale:de-AT is not a Discord locale — one of .*es-419/);
  });
});
