import { message, type MessageView } from "./message.ts";
import { BRAND } from "./vocabulary.ts";

const SECTIONS: { name: string; value: string }[] = [
  {
    name: "📺 Episodes",
    value: [
      "`/ep 1399 1 3` — mark *Game of Thrones* S1E3 watched (show by name or TMDB id)",
      "`/ep show season episode:1-5` — a range; `episode:all` — the whole season",
      "`/ep … watched:False` — unmark",
      "`/mark season` · `/mark show` — a whole season or every episode at once",
    ].join("\n"),
  },
  {
    name: "🎬 Your list",
    value: [
      "`/watch add` — add a movie or show to your watchlist",
      "`/watch status` — want-to-watch, watching, finished or dropped (optional progress %)",
      "`/watch react` — loved, liked, mixed, not-for-me (or clear)",
      "`/watch info` — poster, overview, your status and episode progress",
      "`/watch list` — your watchlist; `status:` or `scope:all` for everything you track, `user:` for a friend's (in a server you share)",
      "`/watch remove` — leave the watchlist (progress and reactions are kept)",
      "`/watch privacy` — let others see your list",
    ].join("\n"),
  },
  {
    name: "🍿 Watch parties (in a server)",
    value: [
      "`/party start show` — watch a show together; a live board shows everyone's progress · `/party start title` — a movie night: where to watch it, who's going, who was there",
      "`/party join` · `/party leave` · `/party status` — or press **Join** on the board",
      "`/party watched episode:5-6` — “were you there?”: marked for you, and for each who clicks **I was there**",
      '`/party schedule when:"friday 21:00"` — a watch-along in your time zone; Going / Maybe / Can\'t, a ping before · `/party poll` to vote on the night · `/party threads set:on` — a thread per session for the talk',
      "`/party host member:` · `/party remove member:` · `/party rename name:` — hand it over, take someone out, rename it (each asks first where it matters)",
      "`/party end` · `/party list`",
    ].join("\n"),
  },
  {
    name: "🎞️ The server's list (in a server)",
    value: [
      "`/list add title` — suggest a movie or show for movie night (or **Suggest for movie night** on a title's card) · `/list add-from list:` — from one of your own lists",
      "`/list show` — who suggested what, how many here have seen it, runtimes · `/list remove title`",
      "`/list pick unseen:True` — a random draw, likelier the fewer have seen it · `/list poll` — vote on up to 10 titles",
      "`/list lock` · `/list unlock` — Manage Server only",
    ].join("\n"),
  },
  {
    name: "🔔 Reminders",
    value: [
      "Stalled on a show, or a new episode out? I DM you, once a day at most.",
      "`/remind off` · `/remind on` — all reminders and new-episode alerts",
      "`/remind show title enabled:False` — stop (or restart) them for one show",
      "`/remind settings days:7 quiet:22:00-08:00 timezone:Europe/Berlin` — how often, and quiet hours in your zone",
    ].join("\n"),
  },
  {
    name: "🔗 Your account",
    value: [
      "`/link` — connect your Film Fanatic web account, so both share one library (signing in there with Discord does it for you)",
      "`/unlink` — disconnect it; the web account keeps everything",
      "`/account` — what is stored; export it or delete it",
      "`/import file` — bring your history from a Film Fanatic export (preview first); `/import undo` takes it back within 24 hours",
    ].join("\n"),
  },
  {
    name: "💡 Tips",
    value: [
      "Replies about you are only visible to you; in a server, **Share** posts a finished show or a loved title (once a day per title and channel).",
      "Typed a name instead of picking it from the list? I ask “Did you mean …?” before changing anything.",
      "Works in DMs too: install the app to your account and use `/ep` anywhere.",
      "Marking episodes (`/ep`, `/mark`) and changing your list (`/watch add`, `remove`, `status`, `react`) come with an **Undo** button for five minutes.",
    ].join("\n"),
  },
];

/** `/help`: what the app can do, with examples. */
export function helpCard(): MessageView {
  return message({
    embeds: [
      {
        title: "Film Fanatic — track movies and shows from Discord",
        description:
          "Link your Film Fanatic web account with `/link`, and everything you track here shows up on the website, and the other way round.",
        color: BRAND,
        fields: SECTIONS,
        footer: { text: "Titles and data from TMDB" },
      },
    ],
  });
}
