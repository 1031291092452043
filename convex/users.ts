import { mutation } from "./_generated/server";
import { storeCurrentUser } from "./model/users";

/** Upserts the signed-in Clerk user's profile (name, image, email); returns their id. */
export const store = mutation({
  args: {},
  handler: async (ctx) => await storeCurrentUser(ctx),
});
