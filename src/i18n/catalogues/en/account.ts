// English for /link, /unlink and /account (src/commands/link.ts, unlink.ts, account.ts and
// src/views/account.ts). The merge's progress line is Convex's own text and stays as it writes it.
export const account = {
  "account.link.title": "Link your Film Fanatic account",
  "account.link.description":
    "Open the link page, sign in to Film Fanatic and confirm. What you tracked here moves into your web library (where both have a title, the newer change wins; watched episodes are combined).\n\nThe button works once and expires {expires}. It is only for you: don't share it.\nOn the page, your code is `{code}`.",
  "account.link.already": "You are linked to **{name}** now; linking another account switches the link (you will be asked first).",
  "account.link.button.open": "Open the link page",
  "account.unlink.notLinked": "You are not linked to a Film Fanatic account. `/link` links one.",
  "account.unlink.question":
    "Unlink from **{name}**? Your web library keeps everything, but here in Discord you'll start again on an empty Discord-only profile. `/link` links again later.",
  "account.unlink.button.confirm": "Unlink",
  "account.unlink.button.cancel": "Keep it linked",
  "account.unlink.done":
    "Unlinked from **{name}**. Your web library keeps everything; from now on, what you track here starts a fresh Discord-only profile. `/link` links again.",
  "account.unlink.yourAccount": "your Film Fanatic account",
  "account.unlink.busy":
    "Your Discord history is still moving into your web library. Try again in a minute (`/account` shows how far it is).",
  "account.unlink.kept": "Still linked to **{name}** — nothing changed.",
  "account.title": "Your Film Fanatic account",
  "account.field.account": "Account",
  "account.field.stored": "Stored",
  "account.field.merge": "Moving your Discord history",
  "account.notLinked": "Not linked — you have a Discord-only profile. `/link` links your Film Fanatic web account.",
  "account.linked":
    "Linked to **{name}**{oauth, select, true { (you signed in to Film Fanatic with Discord)} other {}}. `/unlink` unlinks.",
  "account.stored":
    "Titles: {titles}\nWatched episodes: {episodes, number}\nCustom lists: {lists, number}\nReminder settings: {reminders, plural, one {# show} other {# shows}}\nWatch parties: {parties, number}",
  "account.atLeast": "{count, number}+",
  "account.button.export": "Export my data",
  "account.button.letterboxd": "Letterboxd CSV",
  "account.button.trakt": "Trakt JSON",
  "account.button.import": "Import",
  "account.button.delete": "Delete my Discord data…",
  "account.button.resume": "Resume moving",
  "account.delete.title": "Delete your Discord data?",
  "account.delete.description":
    "This deletes your Discord account record, pending link codes and party memberships — and, if you are not linked, everything you tracked here. A linked Film Fanatic web account keeps its library (delete that on the website). This can't be undone.",
  "account.delete.button.confirm": "Yes, delete it",
  "account.delete.button.cancel": "Keep my data",
  "account.delete.nothing": "There was nothing stored for you.",
  "account.delete.deleting": "🗑️ Deleted your Discord account record; your Discord-only library is being deleted in the background.",
  "account.delete.deletedAll": "🗑️ Deleted your Discord data and everything you tracked here.",
  "account.delete.deletedLinked": "🗑️ Deleted your Discord data. Your linked web account keeps its library.",
  "account.resume.done": "Resumed moving your Discord history; `/account` shows how far it is.",
  "account.resume.nothing": "Nothing needed resuming.",
  "account.size.mb": "{size, number, ::.0} MB",
  "account.size.kb": "{size, number} KB",
  "account.export.busy": "📦 I'm already preparing your export — it arrives here as soon as it's ready. One export at a time, please.",
  "account.export.tooLarge":
    "📦 Your export is {size} (even compressed it is over the {limit} Discord lets the bot attach here), so it can't be sent as a file. The Film Fanatic website has your library if you linked it (`/link`).",
  "account.export.complete": "📦 Everything Film Fanatic stores for you.",
  "account.export.partial": "📦 Your export is very large; this file holds the first part of it.",
  "account.export.gzip": "Compressed (gzip) to fit Discord's file size limit.",
  "account.exportAs.tooLarge":
    "📦 That export is {size}, over the {limit} Discord lets the bot attach here, so it can't be sent as a file.",
  "account.exportAs.letterboxd":
    "📦 {titles, plural, one {# film in Letterboxd's import format} other {# films in Letterboxd's import format}}: upload the films file at letterboxd.com/import, and the watchlist file (if there is one) on your watchlist's import page. Only films go to Letterboxd.",
  "account.exportAs.trakt":
    "📦 {titles, plural, one {# title} other {# titles}} in Trakt's export format (watched films and episodes, watchlist, ratings as 10 / 7 / 5 / 2 for loved / liked / mixed / not for me).",
  "account.exportAs.partial": "Your library is very large; this holds the first part of it.",
} as const;
