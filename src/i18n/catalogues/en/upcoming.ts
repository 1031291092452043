// English for /upcoming (src/commands/upcoming.ts, src/views/upcoming.ts). Day headings are the
// reader's own Intl dates; episode times are Discord timestamps, which every client writes its way.
export const upcoming = {
  "upcoming.badDays": "`days` must be a whole number from 1 to {max, number}.",
  "upcoming.title": "📅 Next {days, plural, one {# day} other {# days}}",
  "upcoming.outNow": "Out now — up next for you",
  "upcoming.party": "🍿 party in {channel}",
  "upcoming.aired": "out {when}",
  "upcoming.empty.noShows":
    "You don't follow any shows yet. Mark an episode with `/ep` (or set a show to watching with `/watch status`), and its next episodes show up here.",
  "upcoming.empty.nothing":
    "Nothing airs in the next {days, plural, one {# day} other {# days}} for the {shows, plural, one {# show} other {# shows}} you follow.",
  "upcoming.empty.further": "Look further ahead with `/upcoming episodes days:60`.",
  "upcoming.uncached":
    "{count, plural, one {# show you follow has} other {# shows you follow have}} no saved schedule yet — `/watch info` on it loads one.",
  "upcoming.truncated": "Only the first {max, number} episodes are listed — ask for fewer days.",
  "upcoming.footer.zone": "Days in {zone}",
  "upcoming.footer.utc": "Days in UTC — set your zone with /remind settings timezone:",
  "upcoming.footer.source": "air dates from TMDB",
  "upcoming.footer.page": "page {page} of {count}",
  "upcoming.button.mark": "Mark {episode} watched · {title}",
  "upcoming.button.previous": "◀ Previous",
  "upcoming.button.next": "Next ▶",
  "upcoming.feed.lead": "📅 **Your calendar feed** — new episodes of the shows you follow (next 60 days) and your watch parties' sessions:",
  "upcoming.feed.subscribe":
    "Subscribe to it by URL: Google Calendar → *Other calendars* → *From URL*; Apple Calendar → *File* → *New Calendar Subscription*; Outlook → *Add calendar* → *Subscribe from web*. Calendar apps refresh it every few hours.",
  "upcoming.feed.private":
    "🔒 Keep it private: anyone with the link can see what you watch and when your watch parties meet. **Reset link** makes a new one; the old one stops working at once.",
  "upcoming.button.reset": "Reset link",
  "upcoming.button.keep": "Keep it",
  "upcoming.reset.question":
    "Reset your calendar link? The current one stops working at once — calendars subscribed to it stop updating — and you get a new one to subscribe to.",
  "upcoming.reset.done": "🔁 Done: your old calendar link no longer works. Subscribe to this one instead.",
  "upcoming.reset.kept": "Kept your calendar link as it is. `/upcoming feed` shows it again.",
  "upcoming.ics.name": "Film Fanatic — upcoming",
  "upcoming.ics.description": "New episodes of the shows you follow, and your watch parties' sessions.",
  "upcoming.ics.episode": "{code} of {title} airs on {date} (TMDB's date). Mark it in Discord with /ep {tmdbId} {season} {episode}.",
  "upcoming.ics.session": "🍿 {movie, select, true {Movie night} other {Watch-along}}: {label}",
  "upcoming.ics.sessionDescription":
    "A watch party session{weekly, select, true { (weekly)} other {}} on Discord. {answer, select, going {You said: Going} maybe {You said: Maybe} cant {You said: Can't} other {You haven't answered yet}} — answer on its post in the party's channel.",
} as const;
