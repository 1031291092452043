// The deployment's schema, one file per table group under convex/tables/. The web app's tables
// come first and keep the web app's shapes (its contract); the bot's follow.
import { defineSchema } from "convex/server";
import { accountTables } from "./tables/accounts";
import { importTables } from "./tables/imports";
import { partyTables } from "./tables/parties";
import { reminderTables } from "./tables/reminders";
import { serverListTables } from "./tables/serverList";
import { statsTables } from "./tables/stats";
import { trackingTables } from "./tables/tracking";
import { upcomingTables } from "./tables/upcoming";
import { webTables } from "./tables/web";

export default defineSchema({
  ...webTables,
  ...accountTables,
  ...trackingTables,
  ...partyTables,
  ...reminderTables,
  ...serverListTables,
  ...upcomingTables,
  ...statsTables,
  ...importTables,
});
