// Deutsch: /importieren (/import).
import type { Area } from "../en.ts";

export const imports: Area<"imports"> = {
  messages: {
    "imports.download.failed": "Ich konnte die Datei nicht von Discord herunterladen — bitte schick sie noch mal.",
    "imports.download.tooSlow": "Das Herunterladen hat zu lange gedauert — bitte versuch es noch mal.",
    "imports.download.tooLarge": "Die Datei ist größer als {max} — zu groß zum Importieren.",
    "imports.file.tooLarge": "Die Datei hat {size}; eine Importdatei darf höchstens {max} groß sein. Es wurde nichts importiert.",
    "imports.file.notOnCdn": "Die Datei liegt nicht auf Discords CDN, deshalb lade ich sie nicht herunter. Es wurde nichts importiert.",
    "imports.file.refused": "{reason} Es wurde nichts importiert.",
    "imports.accepted":
      "ein TV-Time-Export (ZIP), ein Trakt-Export (ZIP oder JSON), ein Letterboxd-Export (ZIP oder CSV), eine IMDb-CSV mit Bewertungen oder einer Liste oder ein Film-Fanatic-Export (JSON oder .json.gz)",
    "imports.refused.tooLarge":
      "Die Datei hat {size}, mehr als die {max}, die ein Import lesen kann. Pack sie als ZIP oder häng nur die Teile an, die du brauchst.",
    "imports.refused.empty": "Die Datei ist leer, es gibt also nichts zu importieren.",
    "imports.refused.unknown": "Ich erkenne nicht, was für ein Export das ist, deshalb habe ich nichts gelesen. Möglich ist: {accepted}.",
    "imports.refused.source": "Exporte von „{source}“ kann ich nicht lesen. Möglich ist: {accepted}.",
    "imports.refused.tooManyRows":
      "Die Datei hat mehr als {max, number} Zeilen, deshalb habe ich sie nicht gelesen. Teil sie auf oder häng nur die Teile an, die du brauchst (bei TV Time: followed_tv_show.csv und seen_episode.csv).",
    "imports.refused.wideRow":
      "Zeile {row, number} der Datei hat mehr als {max, number} Spalten — so viele hat kein Export —, deshalb habe ich sie nicht gelesen.",
    "imports.refused.longCell":
      "Zeile {row, number} der Datei hat eine Zelle mit mehr als {max, number} Zeichen, deshalb habe ich sie nicht gelesen.",
    "imports.refused.jsonTooLarge":
      "{name} ist {size} groß, mehr JSON, als eine Datei eines Exports enthält (höchstens {max}), deshalb habe ich sie nicht gelesen.",
    "imports.refused.tooSlow":
      "Die Datei zu lesen hat zu lange gedauert oder zu viel Speicher gebraucht, deshalb habe ich sie nicht gelesen. Häng nur die Teile an, die du brauchst.",
    "imports.refused.busy": "⏳ Gerade werden mehrere Importe gelesen — versuch es in einer Minute noch einmal.",
    "imports.refused.notUtf8":
      "{name} ist kein UTF-8-Text, deshalb habe ich es nicht gelesen (vielleicht hat eine Tabellenkalkulation es in einer anderen Kodierung gespeichert). Exportier es neu oder speicher es als „CSV UTF-8“ und häng das an.",
    "imports.refused.badJson":
      "{name} ist kein gültiges JSON (vielleicht abgeschnitten), deshalb habe ich es nicht gelesen. Exportier neu und häng die neue Datei an.",
    "imports.refused.notGzip": "{name} ist keine lesbare gzip-Datei, deshalb habe ich sie nicht gelesen.",
    "imports.refused.gzipExpands": "{name} wird entpackt größer als {max}, deshalb habe ich es nicht gelesen.",
    "imports.refused.nested": "In der Datei steckt ein weiteres Archiv, deshalb habe ich sie nicht gelesen. Häng den Export selbst an.",
    "imports.refused.damagedArchive": "Das Archiv ist beschädigt (die komprimierten Daten lassen sich nicht lesen). Exportier es neu.",
    "imports.refused.notImdb":
      "Das ist kein IMDb-Export (IMDbs CSV-Dateien haben die Spalten Const und Title Type). Möglich ist: {accepted}.",
    "imports.refused.notImdbFile":
      "{name} ist kein IMDb-Export (die Spalten Const und Title Type fehlen), deshalb habe ich es nicht gelesen.",
    "imports.refused.notTrakt":
      "Das ist kein Trakt-Export (keine Dateien mit watched, watchlist, ratings oder history). Möglich ist: {accepted}.",
    "imports.refused.notFilmFanatic":
      "Das ist kein Film-Fanatic-Export (der Export aus `/konto` oder der Merklisten-Export der Website). Möglich ist: {accepted}.",
    "imports.refused.letterboxdName":
      "{name} ist eine Letterboxd-Filmliste, aber am Namen sehe ich nicht, ob es deine gesehenen Filme oder deine Watchlist sind. Lass ihr den Namen aus dem Export (watched.csv oder watchlist.csv) und häng sie noch mal an.",
    "imports.refused.letterboxdEmpty":
      "In diesem Letterboxd-Export ist keine von watched.csv, diary.csv, ratings.csv oder watchlist.csv, es gibt also nichts zu importieren.",
    "imports.refused.tvtimeEmpty":
      "In diesem TV-Time-Export ist keine von followed_tv_show.csv, seen_episode.csv oder tracking-prod-records.csv, es gibt also nichts zu importieren.",
    "imports.refused.zipEmpty":
      "In dem ZIP sind keine CSV- oder JSON-Dateien, es gibt also nichts zu importieren. Möglich ist: {accepted}.",
    "imports.refused.zipDamaged":
      "Das ZIP ist beschädigt oder unvollständig, deshalb habe ich es nicht gelesen. Lad den Export neu herunter und häng ihn an.",
    "imports.refused.zip64Far":
      "Das ZIP nutzt das ZIP64-Format, das nur Dateien weit über der Grenze von {max} brauchen, deshalb habe ich es nicht gelesen.",
    "imports.refused.zip64": "Das ZIP nutzt das ZIP64-Format, das nur sehr große Dateien brauchen, deshalb habe ich es nicht gelesen.",
    "imports.refused.zipCount":
      "Das ZIP enthält {count, number} Dateien (mehr als {max, number}), deshalb habe ich es nicht gelesen. Häng den Export so an, wie du ihn heruntergeladen hast.",
    "imports.refused.zipPassword":
      "Das ZIP ist mit einem Passwort geschützt und lässt sich nicht lesen. Entpack es mit dem Passwort (TV Time hat es in einer eigenen E-Mail geschickt) und häng die CSV-Dateien neu gezippt ohne Passwort an.",
    "imports.refused.zipNested":
      "In dem ZIP steckt ein weiteres Archiv ({name}), deshalb habe ich es nicht gelesen. Häng den Export selbst an.",
    "imports.refused.zipExpands": "Das ZIP wird entpackt größer als {max}, deshalb habe ich es nicht gelesen.",
    "imports.refused.zipBomb":
      "{name} in dem ZIP ist viel stärker komprimiert als jeder Export („Zip-Bombe“), deshalb habe ich es nicht gelesen.",
    "imports.refused.zipLie": "{name} in dem ZIP ist größer, als das ZIP angibt („Zip-Bombe“), deshalb habe ich es nicht gelesen.",
    "imports.refused.zipMethod":
      "{name} in dem ZIP ist auf eine Art komprimiert, die Exporte nicht nutzen, deshalb habe ich es nicht gelesen. Zipp die Dateien mit dem eingebauten Werkzeug deines Computers neu.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# Titel} other {# Titel}}, zu denen nichts gepasst hat — trag sie von Hand nach oder korrigier sie.",
    "imports.unmatchedFileCut":
      "📄 Die ersten {shown, number} von {count, number} Titeln, zu denen nichts gepasst hat — korrigiere sie oder trag sie von Hand ein.",
    "imports.title": "Import aus {source}",
    "imports.staging": "📥 Lese {file} …",
    "imports.matching": "🔎 Gleiche {titles, plural, one {# Titel} other {# Titel}} aus {file} mit TMDB ab …",
    "imports.applying": "⏳ Übernehme alles in deine Bibliothek …",
    "imports.done.nothing": "✅ {file} importiert: 0 Änderungen — deine Bibliothek hatte schon alles.",
    "imports.done.changed": "✅ {file} importiert: {changes, plural, one {# Titel} other {# Titel}} in deiner Bibliothek geändert.",
    "imports.done.until": "Rückgängig machen kannst du das bis {when}.",
    "imports.done.next": "`/merkliste liste` zeigt sie; `/importieren rückgängig` nimmt alles zurück.",
    "imports.undoing": "↩️ Mache den Import rückgängig …",
    "imports.undone": "↩️ Rückgängig gemacht: deine Bibliothek ist wieder so wie vor dem Import von {file}.",
    "imports.undone.kept":
      "{kept, plural, one {# Titel, den du seitdem hier geändert hast, behält} other {# Titel, die du seitdem hier geändert hast, behalten}} deine Änderung.",
    "imports.cancelled": "Abgebrochen — aus {file} wurde nichts importiert.",
    "imports.failed": "❌ {error} Es wurde nichts mehr importiert.",
    "imports.failed.stopped": "Der Import ist stehen geblieben, bevor er fertig war.",
    "imports.run.busy": "⏳ Bei dir läuft schon ein Import — einer nach dem anderen, bitte.",
    "imports.run.busyUndoing": "⏳ Dein letzter Import wird gerade rückgängig gemacht — versuch es wieder, wenn das fertig ist.",
    "imports.run.gone": "Diesen Import gibt es nicht mehr — starte `/importieren` neu.",
    "imports.run.tooManyTitles": "Die Datei hat mehr als {max, number} Titel — mehr, als ein Import schafft.",
    "imports.run.tooManyEpisodes": "Die Datei hat mehr als {max, number} Folgen — mehr, als ein Import schafft.",
    "imports.run.applied": "Dieser Import ist schon übernommen — mach ihn stattdessen rückgängig.",
    "imports.run.notChoosing": "Dieser Import wartet nicht mehr auf deine Auswahl.",
    "imports.run.answered": "Für diesen Titel hast du schon gewählt.",
    "imports.run.notOffered": "Das ist keiner der angebotenen Titel.",
    "imports.run.applying": "Dieser Import wird schon übernommen.",
    "imports.run.notWaiting": "Dieser Import wartet nicht mehr darauf, übernommen zu werden.",
    "imports.run.noUndo": "Du hast keinen Import, den man rückgängig machen kann.",
    "imports.run.undoing": "Dieser Import wird schon rückgängig gemacht.",
    "imports.run.undone": "Dieser Import wurde schon rückgängig gemacht.",
    "imports.run.notApplied": "Dieser Import wurde nie übernommen, es gibt also nichts rückgängig zu machen.",
    "imports.run.tooOld": "Ein Import lässt sich 24 Stunden lang rückgängig machen — dieser ist älter.",
    "imports.preview.matched":
      "Aus {file} erkannt: **{shows, plural, one {# Serie} other {# Serien}}** ({episodes, plural, one {# Folge} other {# Folgen}}), **{movies, plural, one {# Film} other {# Filme}}**, {watchlist, number} auf deiner Merkliste, {ratings, plural, one {# Bewertung} other {# Bewertungen}}.",
    "imports.preview.ambiguous": "❓ **{count, number} nicht eindeutig** — wähl unten aus (was offen bleibt, wird übersprungen).",
    "imports.preview.skipped": "⏭️ {count, number} übersprungen.",
    "imports.preview.unmatched": "⚠️ **{count, number} nicht gefunden** (werden nicht importiert):",
    "imports.preview.more": "…und {count, number} weitere (alle in der CSV).",
    "imports.preview.unreadable": "{count, plural, one {# Zeile} other {# Zeilen}} der Datei konnte ich nicht lesen.",
    "imports.preview.nothingYet": "In deine Bibliothek kommt erst etwas, wenn du **Importieren** drückst.",
    "imports.preview.page": "Nicht eindeutige Titel: Seite {page, number} von {pages, number}",
    "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title} — welcher ist es?",
    "imports.menu.skip": "Überspringen",
    "imports.button.import": "Importieren",
    "imports.button.cancel": "Abbrechen",
    "imports.button.unmatched": "Nicht gefunden (CSV)",
    "imports.button.previous": "◀ Zurück",
    "imports.button.next": "Weiter ▶",
    "imports.button.undo": "Import rückgängig machen",
    "imports.howTo.title": "Deinen Verlauf importieren",
    "imports.howTo.description":
      "Nimm `/importieren datei` und häng deinen Export an:\n• **Film Fanatic** — das JSON vom Knopf *{exportButton}* in `/konto` (oder der Export der Website)\n• **TV Time** — das ZIP aus TV Times Datenanfrage\n• **Trakt** — der JSON-Export (Settings → Data)\n• **Letterboxd** — das ZIP oder die CSVs aus Settings → Data\n• **IMDb** — die CSV deiner Bewertungen oder deiner Watchlist\nDu siehst zuerst eine Vorschau; geschrieben wird erst, wenn du **Importieren** drückst, und `/importieren rückgängig` nimmt einen Import 24 Stunden lang zurück.",
  },
  commands: {
    import: ["importieren", "Deinen Verlauf aus einem anderen Tracker übernehmen (oder aus einem Film-Fanatic-Export)"],
    "import.file": ["datei", "Eine Exportdatei importieren: erst die Vorschau, geschrieben wird erst bei „Importieren“"],
    "import.file.file": ["datei", "Die Exportdatei (JSON, CSV oder ZIP)"],
    "import.file.source": ["quelle", "Woher sie stammt (ohne Angabe erkenne ich es an der Datei)"],
    "import.file.source.choice.filmfanatic": "Film-Fanatic-Export",
    "import.file.source.choice.tvtime": "TV Time",
    "import.file.source.choice.trakt": "Trakt",
    "import.file.source.choice.letterboxd": "Letterboxd",
    "import.file.source.choice.imdb": "IMDb",
    "import.undo": ["rückgängig", "Deinen letzten Import als Ganzes zurücknehmen (innerhalb von 24 Stunden)"],
  },
};
