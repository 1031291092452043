// English: the source every other catalogue translates. ICU MessageFormat
// (https://formatjs.github.io/docs/core-concepts/icu-syntax): `{name}` inserts a value,
// `{n, plural, one {…} other {…}}` picks by the language's plural rules (`#` is n, formatted),
// `{x, select, a {…} other {…}}` picks by a word. A quote before `{` escapes it: '{'.
// Keys say where a string is used: `help.*` for /help, `episode.*` for /ep and /mark, …
// Command names and descriptions are not here: the command definitions are their English.

import { account } from "./en/account.ts";
import { imports } from "./en/imports.ts";
import { stats } from "./en/stats.ts";
import { reminders } from "./en/reminders.ts";
import { upcoming } from "./en/upcoming.ts";

/** The strings every command shares, and /help, /ep, /mark and /watch. */
const core = {
  // ── shared words
  "status.want-to-watch": "Want to watch",
  "status.watching": "Watching",
  "status.finished": "Finished",
  "status.dropped": "Dropped",
  "media.tv": "TV",
  "media.movie": "Movie",
  "autocomplete.saved": "saved (TMDB is down)",

  // ── errors every command can meet (src/lib/errors.ts, src/core/dispatch.ts)
  "error.unexpected": "Something went wrong on my side (ref `{reference}`). Please try again in a moment.",
  "error.unavailable.nothingChanged": "Film Fanatic can't be reached right now — nothing was changed. Please try again in a moment.",
  "error.unavailable.mayNotBeSaved": "Film Fanatic can't be reached right now — your change may not have been saved, check with {check}.",
  "error.unavailable.savedNotShown":
    "Film Fanatic can't be reached right now — your change was saved, but I can't show it; check with {check}.",
  "error.discord.dmsClosed": "I can't send you direct messages — your DMs are closed for this server.",
  "error.discord.missingPermission": "I don't have permission to do that in this channel.",
  "error.discord.cantSeeChannel": "I can't see that channel.",
  "error.discord.messageGone": "That message no longer exists.",
  "error.discord.tooSlow": "That took too long and Discord gave up on it — please try again.",
  "error.discord.alreadyAnswered": "That was already answered.",
  "error.tmdb.not_found": "TMDB doesn't have that title — check the id and try again.",
  "error.tmdb.unavailable": "TMDB is not answering right now — nothing was changed. Try again in a minute.",
  "error.tmdb.timeout": "TMDB took too long to answer — nothing was changed. Try again in a moment.",
  "error.tmdb.rate_limited": "TMDB is getting too many requests right now — nothing was changed. Try again in a minute.",
  "error.tmdb.invalid_response": "TMDB sent back something we couldn't read — nothing was changed. Try again later.",
  "error.tmdb.bad_request": "That request doesn't look right — check what you typed and try again.",
  "error.staleComponent": "That button is out of date — run the command again.",
  "error.unknownCommand": "I don't know that command any more.",
  "error.slowDown": "Slow down a little — try again in {seconds}s.",

  // ── a typed title that was not an exact match (src/views/guess.ts)
  "guess.question":
    "Did you mean **{title}** ({year, select, none {} other {{year} · }}{mediaType, select, tv {TV} other {Movie}})? Nothing has changed yet.",
  "guess.others": "Or one of these…",

  // ── progress lines (src/views/progress.ts)
  "progress.notAired": "No episode has aired yet — nothing to mark.",
  "progress.counting": "{bar} at least {watched, number}/{total, number} episodes · still counting what you tracked on the web",
  "progress.line": "{bar} {watched, number}/{total, number} episodes · {percent}%",
  "progress.countingNext": "Counting the episodes you tracked on the web — ask again in a moment.",
  "progress.nothingAired": "Nothing has aired yet — {when}.",
  "progress.caughtUpUntil": "All caught up — {when}.",
  "progress.allCaughtUp": "Nothing left — all caught up! 🎉",
  "progress.airs": "airs {relative}",
  "progress.noAirDate": "has no air date yet",

  // ── /ep and /mark (src/commands/ep.ts, mark.ts, src/views/episode-card.ts)
  "episode.statusChange": "Status: {before} → **{after}**",
  "episode.notTracked": "— (not tracked)",
  "episode.nothingChanged":
    "Nothing changed — {unchanged, plural, one {it was} other {all # were}} already {isWatched, select, true {watched} other {unwatched}}.",
  "episode.counted":
    "{isWatched, select, true {✅ Marked} other {↩️ Unmarked}} {changed, plural, one {# episode} other {# episodes}}{unchanged, plural, =0 {} one {, # was already {isWatched, select, true {watched} other {unwatched}}} other {, # were already {isWatched, select, true {watched} other {unwatched}}}}.",
  "episode.alreadyOne": "{episode} was already {isWatched, select, true {watched} other {unwatched}} — nothing changed.",
  "episode.changedOne": "{isWatched, select, true {✅ Watched} other {↩️ Unwatched}} {episode}",
  "episode.scope.season": "season {season}",
  "episode.scope.scattered": "{count, plural, one {# episode} other {# episodes}} of season {season}",
  "episode.scope.show": "every episode; specials (season 0) not included",
  "episode.scope.showNoSpecials": "every episode; this show has no specials",
  "episode.stillApplying":
    "⏳ Still applying: {applied, number} of {requested, number} episodes done. `/watch info` shows when it's finished.",
  "episode.field.progress": "Progress",
  "episode.field.upNext": "Up next",
  "episode.button.markNext": "Mark {episode}",
  "episode.button.markBefore": "Mark S{season}{last, plural, =1 {E1} other {E1–E{last}}} too",
  "episode.button.undo": "Undo",
  "episode.button.share": "Share",
  "episode.button.backToWatching": "Back to Watching",
  "episode.button.specials": "{isWatched, select, true {Mark} other {Unmark}} the {count, plural, one {# special} other {# specials}} too",
  "episode.undone": "↩️ Undone — {what}.",
  "undo.episodes":
    "{episodes} of {title} {count, plural, one {is} other {are}} {wasWatched, select, true {watched} other {unwatched}} again",
  "undo.episodeCount": "{count, plural, one {# episode} other {# episodes}}",
  "episode.cached": "TMDB isn't answering right now, so this uses the episode list I saved earlier — new episodes may be missing.",
  "episode.numbering.tmdbOne": "TMDB numbers season {season}'s episodes its own way: read {given} as TMDB's episode number.",
  "episode.numbering.tmdbMany": "TMDB numbers season {season}'s episodes its own way: read those as TMDB's episode numbers.",
  "episode.numbering.positionOne": "Read {given} as episode {given} of season {season} in order, which TMDB numbers E{tmdb}.",
  "episode.numbering.positionMany": "Read those as places in season {season}'s list, which TMDB numbers E{first}–E{last}.",
  "episode.guessTooLong":
    "I'm not sure which show you mean, and that episode list is too long to confirm with a button — pick the show from the list as you type, or use its TMDB id.",
  "episode.confirm": "Yes — {isWatched, select, true {mark} other {unmark}} {what}",
  "episode.confirmShow": "Yes — {isWatched, select, true {mark} other {unmark}} every episode",
  "episode.confirmSeason": "Yes — {isWatched, select, true {mark} other {unmark}} season {season}",
  "episode.showFallbackName": "Show {tmdbId}",

  // ── /help (src/views/help.ts)
  "reaction.loved": "Loved",
  "reaction.liked": "Liked",
  "reaction.mixed": "Mixed",
  "reaction.not-for-me": "Not for me",
  "watch.added": "🔖 Added {title} to your watchlist.",
  "watch.alreadyAdded": "{title} is already on your watchlist.",
  "watch.removed": "Removed {title} from your watchlist.{kept, select, true { Your progress and reaction are kept.} other {}}",
  "watch.notOnList": "{title} wasn't on your watchlist — nothing changed.",
  "watch.statusSet": "{status} — {title}{progress, select, none {} other { ({progress}%)}}",
  "watch.statusUnchanged": "Nothing changed — {title} was already set to {status}.",
  "watch.reactionSet": "{reaction} — {title}",
  "watch.reactionUnchanged": "Nothing changed — your reaction to {title} was already {reaction}.",
  "watch.notReacted": "You hadn't reacted to {title} — nothing changed.",
  "watch.reactionCleared": "Cleared your reaction to {title}.",
  "watch.share.notTrue": "That's no longer true, so there's nothing to share.",
  "watch.share.repeat": "You already shared {title} in this channel today — you can share it here again {when}.",
  "watch.share.busy":
    "This channel has had {cap, plural, one {# share} other {# shares}} in the last hour, the most I post — try again {when}.",
  "watch.share.finished": "🎉 {who} finished {title}!",
  "watch.share.loved": "❤️ {who} loved {title}.",
  "watch.shared": "📣 Shared with the channel.",
  "watch.shareOnlyInServer": "Sharing works in a server channel, not in DMs.",
  "watch.state.untracked": "Status: not tracked yet\nWatchlist: not on it — `/watch add` puts it there",
  "watch.state.status": "Status: {status}",
  "watch.state.noStatus": "none",
  "watch.state.onWatchlist": "Watchlist: 📌 on your watchlist",
  "watch.state.offWatchlist": "Watchlist: not on it — `/watch add` puts it there",
  "watch.state.reaction": "Reaction: {reaction}",
  "watch.field.you": "You",
  "watch.field.episodes": "Episodes",
  "watch.jobRunning": "A large episode change is still being applied.",
  "watch.noOverview": "No overview on TMDB.",
  "watch.button.add": "Add to watchlist",
  "watch.button.remove": "Remove from watchlist",
  "watch.button.shareFinished": "Share finished",
  "watch.button.shareLoved": "Share loved",
  "watch.button.suggest": "Suggest for movie night",
  "watch.menu.placeholder": "React…",
  "watch.menu.yourReaction": "Your reaction: {reaction}",
  "watch.menu.clear": "Clear reaction",
  "watch.confirm.add": "Yes — add it to my watchlist",
  "watch.confirm.remove": "Yes — take it off my watchlist",
  "watch.confirm.info": "Yes — show it",
  "watch.confirm.status": "Yes — set my status",
  "watch.confirm.react": "Yes — save my reaction",
  "watch.botsNoList": "Bots don't keep watchlists.",
  "watch.visible": "👀 Your list is now visible: others can see it with `/watch list user:@you`.",
  "watch.private": "🔒 Your list is now private.",
  "watch.list.unavailable":
    "That list isn't available. Someone's list can be seen only once they have tracked something and made it visible with `/watch privacy`.",
  "watch.list.onlyInTheirServer": "You can see someone else's list only in a server channel of a server they're in.",
  "watch.list.yours": "Your watchlist",
  "watch.list.yoursAll": "Everything you track",
  "watch.list.theirs": "{owner}'s watchlist",
  "watch.list.theirsUnnamed": "Their watchlist",
  "watch.list.theirsAll": "Everything {owner} tracks",
  "watch.list.theirsAllUnnamed": "Everything they track",
  "watch.list.movies": "Movies",
  "watch.list.onWatchlist": "📌 on watchlist",
  "watch.list.noMore": "No more titles.",
  "watch.list.noMatch": "No titles match {filters}.",
  "watch.list.emptyWatchlist":
    "Your watchlist is empty — add something with `/watch add`. Titles you track without adding them are under `/watch list scope:all`.",
  "watch.list.emptyAll": "Nothing here yet — add something with `/watch add`, or mark an episode with `/ep`.",
  "watch.list.footer": "Page {page} · newest first",
  "watch.list.button.first": "« First",
  "watch.list.button.next": "Next ›",
  "undo.offWatchlist": "{title} is off your watchlist again",
  "undo.untracked": "{title} is untracked again",
  "undo.backOnWatchlist": "{title} is back on your watchlist",
  "undo.noStatus": "{title} has no status again",
  "undo.statusBack": "{title} is back to {status}",
  "undo.noReaction": "you have no reaction to {title} again",
  "undo.reactionBack":
    "your reaction to {title} is back to {reaction, select, loved {loved} liked {liked} mixed {mixed} other {not for me}}",
  "undo.asItWas": "{title} is as it was",
  "undo.theTitle": "the title",

  "episodeSpec.how": "Use a number like `3`, a range like `1-5`, a list like `1,3,5`, or `all`.",

  "episodeSpec.tooLong": "That episode list is too long.",

  "episodeSpec.which": "Which episode?",

  "episodeSpec.space": "{quoted} has a space inside a number.",

  "episodeSpec.notEpisode": "{quoted} isn't an episode.",

  "episodeSpec.backwards": "The range {from}-{to} runs backwards — try {to}-{from}.",

  "episodeSpec.tooMany": "That's more than {max, number} episodes at once — use `/mark season` or `/mark show`.",

  "episodeSpec.otherSeason": "{quoted} is in season {written}, but the command names season {season} — give the season as its own option.",

  "episodeSpec.twoSeasons": "{quoted} names seasons {first} and {second} — name episodes of one season at a time.",

  "episodeSpec.outOfRange": "Episode {episode} is out of range — episode numbers go up to {max, number}.",

  "episodeSpec.fromOne": "Episodes are numbered from 1.",

  "titles.which": "Tell me which title — start typing a name and pick one from the list.",

  "titles.idSpace": "{shown} has a space inside a number — a TMDB id is written as digits only, like 1399.",

  "titles.notId": "{shown} isn't a TMDB id — ids are whole numbers above zero, like 1399.",

  "titles.idRange": "{shown} is out of range — TMDB ids run from 1 to {max, number}.",

  "titles.notFound": "I couldn't find {kind, select, tv {a show} movie {a movie} other {a title}} matching {query} on TMDB.",

  "titles.noSuchId": "TMDB has no {kind, select, tv {show} movie {movie} other {movie or show}} with id {tmdbId}.",

  "titles.idIsMovie": "TMDB id {tmdbId} is the movie {title}, which has no episodes. Use `/watch status` for movies.",

  "titles.isAMovie": "{title} is a movie, so it has no episodes. Use `/watch status` to track it.",

  "help.title": "Film Fanatic — track movies and shows from Discord",
  "help.description":
    "Link your Film Fanatic web account with `/link`, and everything you track here shows up on the website, and the other way round.",
  "help.footer": "Titles and data from TMDB",
  "help.episodes.name": "📺 Episodes",
  "help.episodes.value":
    "`/ep 1399 1 3` — mark *Game of Thrones* S1E3 watched (show by name or TMDB id)\n`/ep show season episode:1-5` — a range; `episode:all` — the whole season\n`/ep … watched:False` — unmark\n`/mark season` · `/mark show` — a whole season or every episode at once\n`/upcoming episodes` — what airs next for the shows you follow, by day in your zone · `/upcoming feed` — a private calendar link",
  "help.list.name": "🎬 Your list",
  "help.list.value":
    "`/watch add` — add a movie or show to your watchlist\n`/watch status` — want-to-watch, watching, finished or dropped (optional progress %)\n`/watch react` — loved, liked, mixed, not-for-me (or clear)\n`/watch info` — poster, overview, your status and episode progress\n`/watch list` — your watchlist; `status:` or `scope:all` for everything you track, `user:` for a friend's (in a server you share)\n`/watch remove` — leave the watchlist (progress and reactions are kept)\n`/watch privacy` — let others see your list",
  "help.parties.name": "🍿 Watch parties (in a server)",
  "help.parties.value":
    "`/party start show` — watch a show together; a live board shows everyone's progress · `/party start title` — a movie night: where to watch it, who's going, who was there\n`/party join` · `/party leave` · `/party status` — or press **Join** on the board\n`/party watched episode:5-6` — “were you there?”: marked for you, and for each who clicks **I was there**\n`/party schedule when:\"friday 21:00\"` — a watch-along in your time zone; Going / Maybe / Can't, a ping before · `/party poll` to vote on the night · `/party threads set:on` — a thread per session for the talk\n`/party host member:` · `/party remove member:` · `/party rename name:` — hand it over, take someone out, rename it (each asks first where it matters)\n`/party end` · `/party list`",
  "help.serverList.name": "🎞️ The server's list (in a server)",
  "help.serverList.value":
    "`/list add title` — suggest a movie or show for movie night (or **Suggest for movie night** on a title's card) · `/list add-from list:` — from one of your own lists\n`/list show` — who suggested what, how many here have seen it, runtimes · `/list remove title`\n`/list pick unseen:True` — a random draw, likelier the fewer have seen it · `/list poll` — vote on up to 10 titles\n`/list lock` · `/list unlock` — Manage Server only",
  "help.reminders.name": "🔔 Reminders",
  "help.reminders.value":
    "Stalled on a show, or a new episode out? I DM you, once a day at most.\n`/remind off` · `/remind on` — all reminders and new-episode alerts\n`/remind show title enabled:False` — stop (or restart) them for one show\n`/remind settings days:7 quiet:22:00-08:00 timezone:Europe/Berlin` — how often, and quiet hours in your zone",
  "help.stats.name": "📊 Stats",
  "help.stats.value":
    "`/stats show` — episodes, hours, films, streaks, most watched · `user:` someone who shares here · `year:2026`\n`/stats share state:on` — share yours in this server · `/stats server` — its leaderboard · `/stats year` — your year as an image",
  "help.account.name": "🔗 Your account",
  "help.account.value":
    "`/link` — connect your Film Fanatic web account, so both share one library (signing in there with Discord does it for you)\n`/unlink` — disconnect it; the web account keeps everything\n`/account` — what is stored; export it or delete it\n`/import file` — bring your history from TV Time, Trakt, Letterboxd, IMDb or a Film Fanatic export (preview first); `/import undo` takes it back within 24 hours",
  "help.tips.name": "💡 Tips",
  "help.tips.value":
    "Replies about you are only visible to you; in a server, **Share** posts a finished show or a loved title (once a day per title and channel).\nTyped a name instead of picking it from the list? I ask “Did you mean …?” before changing anything.\nWorks in DMs too: install the app to your account and use `/ep` anywhere.\nMarking episodes (`/ep`, `/mark`) and changing your list (`/watch add`, `remove`, `status`, `react`) come with an **Undo** button for five minutes.",
} as const;

/** Every message, by area: each language keeps an area in a file of its own (catalogues/<lang>/<area>.ts). */
type Areas = {
  core: typeof core;
  upcoming: typeof upcoming;
  stats: typeof stats;
  imports: typeof imports;
  account: typeof account;
  reminders: typeof reminders;
};
export const messages = { ...core, ...upcoming, ...stats, ...imports, ...account, ...reminders } as const;

export type MessageKey = keyof typeof messages;
/** A translation of every English message: a catalogue missing one (or adding one) does not compile. */
export type Messages = { readonly [K in MessageKey]: string };

/**
 * Command names and descriptions, keyed by the command's path as it is registered: `party` (a
 * command), `party.schedule` (a subcommand), `party.schedule.when` (an option) — each its
 * [name, description] — and `watch.add.type.choice.movie` (a choice, by its value): its name.
 */
export type CommandStrings = Readonly<Record<string, readonly [name: string, description: string] | string>>;

export interface Catalogue {
  messages: Messages;
  commands: CommandStrings;
}

export const en: Catalogue = { messages, commands: {} };

/**
 * One area of a translation: its messages (exactly English's keys of that area) and the command
 * paths it names. A language's index.ts spreads its areas into one Catalogue.
 */
export interface Area<A extends keyof Areas> {
  messages: { readonly [K in keyof Areas[A]]: string };
  commands: CommandStrings;
}
