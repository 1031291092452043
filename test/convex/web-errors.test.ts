// The web app shows some errors' messages (the list dialog shows err.message). On a production
// deployment Convex replaces a plain Error's message with "Server Error"; a ConvexError's data
// reaches the client as thrown. So every refusal the web API gives is a ConvexError carrying the
// same sentence as before.
import { ConvexError } from "convex/values";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { deployment, webUser } from "./setup";

/** The rejection, checked to be a ConvexError whose data is the message the web app shows. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should be refused").toBeInstanceOf(ConvexError);
  const data = (error as ConvexError<string>).data;
  expect(typeof data).toBe("string");
  return data;
}

describe("the web API's refusals survive a production deployment (ConvexError)", () => {
  it("signed out: Unauthorized, and store's own sentence", async () => {
    const t = deployment();
    expect(await refusal(t.mutation(api.watchlist.createCustomList, { name: "Mine" }))).toBe("Unauthorized");
    expect(await refusal(t.mutation(api.users.store, {}))).toBe("Called storeUser without authentication present");
    expect(await refusal(t.action(api.recommendations.generateRecommendations, {} as never))).toMatch(/^Unauthorized/);
  });

  it("the list dialog's messages, word for word", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.users.store, {});
    expect(await refusal(alice.mutation(api.watchlist.createCustomList, { name: "   " }))).toBe("A list needs a name");
    expect(await refusal(alice.mutation(api.watchlist.createCustomList, { name: "Mine", color: "red" }))).toBe(
      "A list colour is a hex colour such as #3b82f6",
    );
    await alice.mutation(api.watchlist.createCustomList, { name: "Mine" });
    const duplicate = await refusal(alice.mutation(api.watchlist.createCustomList, { name: "Mine" }));
    expect(duplicate.length).toBeGreaterThan(0);
  });

  it("unknown words in the web app's vocabulary", async () => {
    const t = deployment();
    const alice = webUser(t);
    await alice.mutation(api.users.store, {});
    expect(
      await refusal(
        alice.mutation(api.watchlist.setProgressStatus, { tmdbId: 27205, mediaType: "movie", progressStatus: "nonsense" } as never),
      ),
    ).toMatch(/^Unknown status "nonsense"/);
  });
});
