// English for /import (src/commands/import.ts, src/views/import.ts), the progress and result
// Convex edits into the reply or DMs (convex/imports/notify.ts, in the person's remembered
// language), and the how-to /account's Import button answers. The unmatched CSV's header
// (title,year,type,ids) is a file format, not a sentence: it stays English in every language.
export const imports = {
  "imports.download.failed": "I couldn't download that file from Discord — please send it again.",
  "imports.download.tooSlow": "Downloading that file took too long — please try again.",
  "imports.download.tooLarge": "That file is over {max} — too large to import.",
  "imports.file.tooLarge": "That file is {size}; an import file can be at most {max}. Nothing was imported.",
  "imports.file.notOnCdn": "That file isn't on Discord's CDN, so I won't download it. Nothing was imported.",
  "imports.file.refused": "{reason} Nothing was imported.",
  "imports.accepted":
    "a TV Time export (ZIP), a Trakt export (ZIP or JSON), a Letterboxd export (ZIP or CSV), an IMDb ratings or list CSV, or a Film Fanatic export (JSON, or .json.gz)",
  "imports.refused.tooLarge": "That file is {size}, more than the {max} an import can read. Zip it, or attach only the parts you want.",
  "imports.refused.empty": "That file is empty, so there is nothing to import.",
  "imports.refused.unknown": "I can't tell what export that is, so nothing was read. Accepted: {accepted}.",
  "imports.refused.source": 'I can\'t read "{source}" exports. Accepted: {accepted}.',
  "imports.refused.tooManyRows":
    "That file has more than {max, number} rows, so it was not read. Split it, or attach only the parts you want (for TV Time: followed_tv_show.csv and seen_episode.csv).",
  "imports.refused.notUtf8":
    '{name} isn\'t UTF-8 text, so it was not read (it may have been saved by a spreadsheet in another encoding). Export it again, or save it as "CSV UTF-8", and attach that.',
  "imports.refused.badJson": "{name} isn't valid JSON (it may be cut short), so it was not read. Export it again and attach the new file.",
  "imports.refused.notGzip": "{name} isn't a readable gzip file, so it was not read.",
  "imports.refused.gzipExpands": "{name} expands to more than {max}, so it was not read.",
  "imports.refused.nested": "That file has another archive inside it, so it was not read. Attach the export itself.",
  "imports.refused.damagedArchive": "The archive is damaged (its compressed data doesn't read), so it was not read. Export it again.",
  "imports.refused.notImdb": "That isn't an IMDb export (IMDb's CSV files have Const and Title Type columns). Accepted: {accepted}.",
  "imports.refused.notImdbFile": "{name} isn't an IMDb export (it has no Const and Title Type columns), so it was not read.",
  "imports.refused.notTrakt": "That isn't a Trakt export (no watched, watchlist, ratings or history files). Accepted: {accepted}.",
  "imports.refused.notFilmFanatic":
    "That isn't a Film Fanatic export (the /account export or the website's watchlist export). Accepted: {accepted}.",
  "imports.refused.letterboxdName":
    "{name} is a Letterboxd list of films, but its name doesn't say whether it is your watched films or your watchlist. Keep the name it was exported with (watched.csv or watchlist.csv) and attach it again.",
  "imports.refused.letterboxdEmpty":
    "That Letterboxd export has none of watched.csv, diary.csv, ratings.csv or watchlist.csv, so there is nothing to import.",
  "imports.refused.tvtimeEmpty":
    "That TV Time export has none of followed_tv_show.csv, seen_episode.csv or tracking-prod-records.csv, so there is nothing to import.",
  "imports.refused.zipEmpty": "That ZIP has no CSV or JSON files in it, so there is nothing to import. Accepted: {accepted}.",
  "imports.refused.zipDamaged": "That ZIP is damaged or incomplete, so it was not read. Download the export again and attach it.",
  "imports.refused.zip64Far": "That ZIP uses the ZIP64 format, which only files far past the {max} limit need, so it was not read.",
  "imports.refused.zip64": "That ZIP uses the ZIP64 format, which only very large files need, so it was not read.",
  "imports.refused.zipCount":
    "That ZIP holds {count, number} files (more than {max, number}), so it was not read. Attach the export as it was downloaded.",
  "imports.refused.zipPassword":
    "That ZIP is password-protected, so it can't be read. Unzip it with its password (TV Time sent it in a separate email), then attach the CSV files zipped again without a password.",
  "imports.refused.zipNested": "That ZIP has another archive inside it ({name}), so it was not read. Attach the export itself.",
  "imports.refused.zipExpands": "That ZIP expands to more than {max}, so it was not read.",
  "imports.refused.zipBomb": '{name} in that ZIP is compressed far more than any export is (a "zip bomb"), so it was not read.',
  "imports.refused.zipLie": '{name} in that ZIP is larger than the ZIP says (a "zip bomb"), so it was not read.',
  "imports.refused.zipMethod":
    "{name} in that ZIP is compressed in a way exports don't use, so it was not read. Zip the files again with your computer's built-in tool.",
  "imports.unmatchedFile": "📄 {count, plural, one {# title} other {# titles}} nothing matched — fix or add them by hand.",
  "imports.title": "Import from {source}",
  "imports.staging": "📥 Reading {file}…",
  "imports.matching": "🔎 Matching {titles, plural, one {# title} other {# titles}} from {file} with TMDB…",
  "imports.applying": "⏳ Importing into your library…",
  "imports.done.nothing": "✅ Imported {file}: 0 changes — your library already had all of it.",
  "imports.done.changed": "✅ Imported {file}: {changes, plural, one {# title} other {# titles}} changed in your library.",
  "imports.done.until": "You can undo it until {when}.",
  "imports.done.next": "`/watch list` shows them; `/import undo` takes it all back.",
  "imports.undoing": "↩️ Undoing the import…",
  "imports.undone": "↩️ Undone: your library is as it was before importing {file}.",
  "imports.undone.kept": "{kept, plural, one {# title} other {# titles}} you changed here since kept your change.",
  "imports.cancelled": "Cancelled — nothing from {file} was imported.",
  "imports.failed": "❌ {error} Nothing more was imported.",
  "imports.failed.stopped": "The import stopped.",
  "imports.preview.matched":
    "From {file}, matched: **{shows, plural, one {# show} other {# shows}}** ({episodes, plural, one {# episode} other {# episodes}}), **{movies, plural, one {# movie} other {# movies}}**, {watchlist, number} on your watchlist, {ratings, plural, one {# rating} other {# ratings}}.",
  "imports.preview.ambiguous": "❓ **{count, number} ambiguous** — choose below (left unchosen, they are skipped).",
  "imports.preview.skipped": "⏭️ {count, number} skipped.",
  "imports.preview.unmatched": "⚠️ **{count, number} unmatched** (not imported):",
  "imports.preview.more": "…and {count, number} more (all in the CSV).",
  "imports.preview.unreadable": "{count, plural, one {# line} other {# lines}} of the file could not be read.",
  "imports.preview.nothingYet": "Nothing is written to your library until you press **Import**.",
  "imports.preview.page": "Ambiguous titles: page {page, number} of {pages, number}",
  "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title} — which one?",
  "imports.menu.skip": "Skip it",
  "imports.button.import": "Import",
  "imports.button.cancel": "Cancel",
  "imports.button.unmatched": "Unmatched (CSV)",
  "imports.button.previous": "◀ Previous",
  "imports.button.next": "Next ▶",
  "imports.button.undo": "Undo this import",
  "imports.howTo.title": "Import your watch history",
  "imports.howTo.description":
    "Use `/import file` and attach your export:\n• **Film Fanatic** — the JSON from *Export my data* here (or the website's export)\n• **TV Time** — the ZIP from TV Time's data request\n• **Trakt** — the JSON export (Settings → Data)\n• **Letterboxd** — the ZIP or CSVs from Settings → Data\n• **IMDb** — the ratings or watchlist CSV\nYou see a preview first; nothing is written until you press **Import**, and `/import undo` takes an import back for 24 hours.",
} as const;
