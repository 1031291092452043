/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as boards_publish from "../boards/publish.js";
import type * as bot_episodes from "../bot/episodes.js";
import type * as bot_health from "../bot/health.js";
import type * as bot_imports from "../bot/imports.js";
import type * as bot_linking from "../bot/linking.js";
import type * as bot_lists from "../bot/lists.js";
import type * as bot_parties from "../bot/parties.js";
import type * as bot_profile from "../bot/profile.js";
import type * as bot_reminders from "../bot/reminders.js";
import type * as bot_serverList from "../bot/serverList.js";
import type * as bot_sessions from "../bot/sessions.js";
import type * as bot_shares from "../bot/shares.js";
import type * as bot_shows from "../bot/shows.js";
import type * as bot_stats from "../bot/stats.js";
import type * as bot_titles from "../bot/titles.js";
import type * as bot_undo from "../bot/undo.js";
import type * as bot_upcoming from "../bot/upcoming.js";
import type * as crons from "../crons.js";
import type * as housekeeping_jobs from "../housekeeping/jobs.js";
import type * as http from "../http.js";
import type * as imports_apply from "../imports/apply.js";
import type * as imports_limits from "../imports/limits.js";
import type * as imports_match from "../imports/match.js";
import type * as imports_notify from "../imports/notify.js";
import type * as imports_resolve from "../imports/resolve.js";
import type * as imports_runs from "../imports/runs.js";
import type * as imports_sweep from "../imports/sweep.js";
import type * as imports_undo from "../imports/undo.js";
import type * as interactions_door from "../interactions/door.js";
import type * as lib_base64url from "../lib/base64url.js";
import type * as lib_botArgs from "../lib/botArgs.js";
import type * as lib_botFunctions from "../lib/botFunctions.js";
import type * as lib_botReturns from "../lib/botReturns.js";
import type * as lib_discord from "../lib/discord.js";
import type * as lib_importEntry from "../lib/importEntry.js";
import type * as lib_metrics from "../lib/metrics.js";
import type * as lib_partyShapes from "../lib/partyShapes.js";
import type * as lib_pollResults from "../lib/pollResults.js";
import type * as lib_tmdb from "../lib/tmdb.js";
import type * as lib_validators from "../lib/validators.js";
import type * as linking_clerk from "../linking/clerk.js";
import type * as linking_merge from "../linking/merge.js";
import type * as linking_page from "../linking/page.js";
import type * as linking_repair from "../linking/repair.js";
import type * as migrations from "../migrations.js";
import type * as model_backfill from "../model/backfill.js";
import type * as model_board from "../model/board.js";
import type * as model_clerkEvents from "../model/clerkEvents.js";
import type * as model_episodes from "../model/episodes.js";
import type * as model_errors from "../model/errors.js";
import type * as model_housekeeping from "../model/housekeeping.js";
import type * as model_idempotency from "../model/idempotency.js";
import type * as model_link from "../model/link.js";
import type * as model_linkPage from "../model/linkPage.js";
import type * as model_lists from "../model/lists.js";
import type * as model_merge from "../model/merge.js";
import type * as model_parties from "../model/parties.js";
import type * as model_partyMembers from "../model/partyMembers.js";
import type * as model_progress from "../model/progress.js";
import type * as model_progressSubscribers from "../model/progressSubscribers.js";
import type * as model_recommend from "../model/recommend.js";
import type * as model_reminderRows from "../model/reminderRows.js";
import type * as model_reminders from "../model/reminders.js";
import type * as model_remindersAlerts from "../model/remindersAlerts.js";
import type * as model_serverList from "../model/serverList.js";
import type * as model_serverListChoosing from "../model/serverListChoosing.js";
import type * as model_sessionPolls from "../model/sessionPolls.js";
import type * as model_sessionRsvps from "../model/sessionRsvps.js";
import type * as model_sessionTimes from "../model/sessionTimes.js";
import type * as model_sessionWatched from "../model/sessionWatched.js";
import type * as model_sessions from "../model/sessions.js";
import type * as model_shares from "../model/shares.js";
import type * as model_showStatus from "../model/showStatus.js";
import type * as model_shows from "../model/shows.js";
import type * as model_summaries from "../model/summaries.js";
import type * as model_throttle from "../model/throttle.js";
import type * as model_titleState from "../model/titleState.js";
import type * as model_tracking from "../model/tracking.js";
import type * as model_undo from "../model/undo.js";
import type * as model_users from "../model/users.js";
import type * as model_vocabulary from "../model/vocabulary.js";
import type * as model_watchItems from "../model/watchItems.js";
import type * as model_webUsers from "../model/webUsers.js";
import type * as parties_lifecycle from "../parties/lifecycle.js";
import type * as recommendations from "../recommendations.js";
import type * as reminders_airing from "../reminders/airing.js";
import type * as reminders_delivery from "../reminders/delivery.js";
import type * as serverList_jobs from "../serverList/jobs.js";
import type * as sessions_events from "../sessions/events.js";
import type * as sessions_polls from "../sessions/polls.js";
import type * as sessions_posts from "../sessions/posts.js";
import type * as sessions_threads from "../sessions/threads.js";
import type * as sessions_timers from "../sessions/timers.js";
import type * as stats_counters from "../stats/counters.js";
import type * as stats_facts from "../stats/facts.js";
import type * as stats_factsCache from "../stats/factsCache.js";
import type * as stats_forget from "../stats/forget.js";
import type * as stats_merge from "../stats/merge.js";
import type * as stats_read from "../stats/read.js";
import type * as stats_repair from "../stats/repair.js";
import type * as tables_accounts from "../tables/accounts.js";
import type * as tables_imports from "../tables/imports.js";
import type * as tables_parties from "../tables/parties.js";
import type * as tables_reminders from "../tables/reminders.js";
import type * as tables_serverList from "../tables/serverList.js";
import type * as tables_stats from "../tables/stats.js";
import type * as tables_tracking from "../tables/tracking.js";
import type * as tables_upcoming from "../tables/upcoming.js";
import type * as tables_web from "../tables/web.js";
import type * as upcoming_calendar from "../upcoming/calendar.js";
import type * as upcoming_feed from "../upcoming/feed.js";
import type * as upcoming_http from "../upcoming/http.js";
import type * as upcoming_listing from "../upcoming/listing.js";
import type * as upcoming_schedule from "../upcoming/schedule.js";
import type * as users from "../users.js";
import type * as watchlist from "../watchlist.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  "boards/publish": typeof boards_publish;
  "bot/episodes": typeof bot_episodes;
  "bot/health": typeof bot_health;
  "bot/imports": typeof bot_imports;
  "bot/linking": typeof bot_linking;
  "bot/lists": typeof bot_lists;
  "bot/parties": typeof bot_parties;
  "bot/profile": typeof bot_profile;
  "bot/reminders": typeof bot_reminders;
  "bot/serverList": typeof bot_serverList;
  "bot/sessions": typeof bot_sessions;
  "bot/shares": typeof bot_shares;
  "bot/shows": typeof bot_shows;
  "bot/stats": typeof bot_stats;
  "bot/titles": typeof bot_titles;
  "bot/undo": typeof bot_undo;
  "bot/upcoming": typeof bot_upcoming;
  crons: typeof crons;
  "housekeeping/jobs": typeof housekeeping_jobs;
  http: typeof http;
  "imports/apply": typeof imports_apply;
  "imports/limits": typeof imports_limits;
  "imports/match": typeof imports_match;
  "imports/notify": typeof imports_notify;
  "imports/resolve": typeof imports_resolve;
  "imports/runs": typeof imports_runs;
  "imports/sweep": typeof imports_sweep;
  "imports/undo": typeof imports_undo;
  "interactions/door": typeof interactions_door;
  "lib/base64url": typeof lib_base64url;
  "lib/botArgs": typeof lib_botArgs;
  "lib/botFunctions": typeof lib_botFunctions;
  "lib/botReturns": typeof lib_botReturns;
  "lib/discord": typeof lib_discord;
  "lib/importEntry": typeof lib_importEntry;
  "lib/metrics": typeof lib_metrics;
  "lib/partyShapes": typeof lib_partyShapes;
  "lib/pollResults": typeof lib_pollResults;
  "lib/tmdb": typeof lib_tmdb;
  "lib/validators": typeof lib_validators;
  "linking/clerk": typeof linking_clerk;
  "linking/merge": typeof linking_merge;
  "linking/page": typeof linking_page;
  "linking/repair": typeof linking_repair;
  migrations: typeof migrations;
  "model/backfill": typeof model_backfill;
  "model/board": typeof model_board;
  "model/clerkEvents": typeof model_clerkEvents;
  "model/episodes": typeof model_episodes;
  "model/errors": typeof model_errors;
  "model/housekeeping": typeof model_housekeeping;
  "model/idempotency": typeof model_idempotency;
  "model/link": typeof model_link;
  "model/linkPage": typeof model_linkPage;
  "model/lists": typeof model_lists;
  "model/merge": typeof model_merge;
  "model/parties": typeof model_parties;
  "model/partyMembers": typeof model_partyMembers;
  "model/progress": typeof model_progress;
  "model/progressSubscribers": typeof model_progressSubscribers;
  "model/recommend": typeof model_recommend;
  "model/reminderRows": typeof model_reminderRows;
  "model/reminders": typeof model_reminders;
  "model/remindersAlerts": typeof model_remindersAlerts;
  "model/serverList": typeof model_serverList;
  "model/serverListChoosing": typeof model_serverListChoosing;
  "model/sessionPolls": typeof model_sessionPolls;
  "model/sessionRsvps": typeof model_sessionRsvps;
  "model/sessionTimes": typeof model_sessionTimes;
  "model/sessionWatched": typeof model_sessionWatched;
  "model/sessions": typeof model_sessions;
  "model/shares": typeof model_shares;
  "model/showStatus": typeof model_showStatus;
  "model/shows": typeof model_shows;
  "model/summaries": typeof model_summaries;
  "model/throttle": typeof model_throttle;
  "model/titleState": typeof model_titleState;
  "model/tracking": typeof model_tracking;
  "model/undo": typeof model_undo;
  "model/users": typeof model_users;
  "model/vocabulary": typeof model_vocabulary;
  "model/watchItems": typeof model_watchItems;
  "model/webUsers": typeof model_webUsers;
  "parties/lifecycle": typeof parties_lifecycle;
  recommendations: typeof recommendations;
  "reminders/airing": typeof reminders_airing;
  "reminders/delivery": typeof reminders_delivery;
  "serverList/jobs": typeof serverList_jobs;
  "sessions/events": typeof sessions_events;
  "sessions/polls": typeof sessions_polls;
  "sessions/posts": typeof sessions_posts;
  "sessions/threads": typeof sessions_threads;
  "sessions/timers": typeof sessions_timers;
  "stats/counters": typeof stats_counters;
  "stats/facts": typeof stats_facts;
  "stats/factsCache": typeof stats_factsCache;
  "stats/forget": typeof stats_forget;
  "stats/merge": typeof stats_merge;
  "stats/read": typeof stats_read;
  "stats/repair": typeof stats_repair;
  "tables/accounts": typeof tables_accounts;
  "tables/imports": typeof tables_imports;
  "tables/parties": typeof tables_parties;
  "tables/reminders": typeof tables_reminders;
  "tables/serverList": typeof tables_serverList;
  "tables/stats": typeof tables_stats;
  "tables/tracking": typeof tables_tracking;
  "tables/upcoming": typeof tables_upcoming;
  "tables/web": typeof tables_web;
  "upcoming/calendar": typeof upcoming_calendar;
  "upcoming/feed": typeof upcoming_feed;
  "upcoming/http": typeof upcoming_http;
  "upcoming/listing": typeof upcoming_listing;
  "upcoming/schedule": typeof upcoming_schedule;
  users: typeof users;
  watchlist: typeof watchlist;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
