// Deutsch. Du-Form, knapp und freundlich wie das Englische; Befehle so, wie Discord sie auf Deutsch zeigt.
import type { Area } from "../en.ts";

const title = ["titel", "Film oder Serie eintippen, oder eine TMDB-ID"] as const;
const type = ["art", "Film oder Serie (nur bei einer bloßen TMDB-ID nötig)"] as const;
const show = ["serie", "Die Serie: Namen eintippen oder TMDB-ID wie 1399"] as const;
const party = ["party", "Welche Party (in einem Kanal mit nur einer weglassen)"] as const;
const zone = ["zeitzone", "Deine Zeitzone, einmal gefragt und gemerkt (Stadt eintippen)"] as const;
const statuses = {
  "want-to-watch": "Möchte ich sehen",
  watching: "Schaue ich",
  finished: "Fertig",
  dropped: "Abgebrochen",
};
const choices = (path: string, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${path}.choice.${value}`, name]));
const titleOptions = (sub: string) => ({
  [`watch.${sub}.title`]: title,
  [`watch.${sub}.type`]: type,
  ...choices(`watch.${sub}.type`, { movie: "Film", tv: "Serie" }),
});

/** The strings every command shares, and /help, /ep, /mark and /watch. */
export const core: Area<"core"> = {
  messages: {
    "status.want-to-watch": statuses["want-to-watch"],
    "status.watching": statuses.watching,
    "status.finished": statuses.finished,
    "status.dropped": statuses.dropped,
    "media.tv": "Serie",
    "media.movie": "Film",
    "autocomplete.saved": "gespeichert (TMDB ist nicht erreichbar)",

    "error.unexpected": "Bei mir ist etwas schiefgelaufen (Ref. `{reference}`). Bitte versuch es gleich noch einmal.",
    "error.unavailable.nothingChanged":
      "Film Fanatic ist gerade nicht erreichbar — es wurde nichts geändert. Bitte versuch es gleich noch einmal.",
    "error.unavailable.mayNotBeSaved":
      "Film Fanatic ist gerade nicht erreichbar — deine Änderung ist vielleicht nicht gespeichert, sieh mit {check} nach.",
    "error.unavailable.savedNotShown":
      "Film Fanatic ist gerade nicht erreichbar — deine Änderung ist gespeichert, aber ich kann sie nicht zeigen; sieh mit {check} nach.",
    "error.discord.dmsClosed": "Ich kann dir keine Direktnachrichten schicken — deine DMs sind für diesen Server geschlossen.",
    "error.discord.missingPermission": "Dafür fehlt mir in diesem Kanal die Berechtigung.",
    "error.discord.cantSeeChannel": "Diesen Kanal kann ich nicht sehen.",
    "error.discord.messageGone": "Diese Nachricht gibt es nicht mehr.",
    "error.discord.tooSlow": "Das hat zu lange gedauert, Discord hat aufgegeben — bitte versuch es noch einmal.",
    "error.discord.alreadyAnswered": "Darauf wurde schon geantwortet.",
    "error.tmdb.not_found": "Diesen Titel hat TMDB nicht — prüf die ID und versuch es noch einmal.",
    "error.tmdb.unavailable": "TMDB antwortet gerade nicht — es wurde nichts geändert. Versuch es in einer Minute noch einmal.",
    "error.tmdb.timeout": "TMDB hat zu lange gebraucht — es wurde nichts geändert. Versuch es gleich noch einmal.",
    "error.tmdb.rate_limited": "TMDB bekommt gerade zu viele Anfragen — es wurde nichts geändert. Versuch es in einer Minute noch einmal.",
    "error.tmdb.invalid_response":
      "TMDB hat etwas geschickt, das ich nicht lesen kann — es wurde nichts geändert. Versuch es später noch einmal.",
    "error.tmdb.bad_request": "Diese Anfrage sieht nicht richtig aus — prüf deine Eingabe und versuch es noch einmal.",
    "error.staleComponent": "Dieser Button ist veraltet — führ den Befehl noch einmal aus.",
    "error.unknownCommand": "Diesen Befehl kenne ich nicht mehr.",
    "error.slowDown": "Etwas langsamer — versuch es in {seconds} s noch einmal.",

    "guess.question":
      "Meinst du **{title}** ({year, select, none {} other {{year} · }}{mediaType, select, tv {Serie} other {Film}})? Noch ist nichts geändert.",
    "guess.others": "Oder einer von diesen …",

    "progress.notAired": "Noch keine Folge ausgestrahlt — nichts zu markieren.",
    "progress.counting": "{bar} mindestens {watched, number}/{total, number} Folgen · zähle noch, was du im Web verfolgt hast",
    "progress.line": "{bar} {watched, number}/{total, number} Folgen · {percent} %",
    "progress.countingNext": "Ich zähle noch die Folgen, die du im Web verfolgt hast — frag gleich noch einmal.",
    "progress.nothingAired": "Noch nichts ausgestrahlt — {when}.",
    "progress.caughtUpUntil": "Alles nachgeholt — {when}.",
    "progress.allCaughtUp": "Nichts mehr offen — alles gesehen! 🎉",
    "progress.airs": "läuft {relative}",
    "progress.noAirDate": "hat noch keinen Sendetermin",

    "episode.statusChange": "Status: {before} → **{after}**",
    "episode.notTracked": "— (nicht verfolgt)",
    "episode.nothingChanged":
      "Nichts geändert — {unchanged, plural, one {sie war} other {alle # waren}} schon als {isWatched, select, true {gesehen} other {ungesehen}} markiert.",
    "episode.counted":
      "{isWatched, select, true {✅ {changed, plural, one {# Folge} other {# Folgen}} markiert} other {↩️ {changed, plural, one {# Folge} other {# Folgen}} zurückgenommen}}{unchanged, plural, =0 {} one {, # war schon {isWatched, select, true {gesehen} other {ungesehen}}} other {, # waren schon {isWatched, select, true {gesehen} other {ungesehen}}}}.",
    "episode.alreadyOne": "{episode} war schon {isWatched, select, true {gesehen} other {ungesehen}} — nichts geändert.",
    "episode.changedOne": "{isWatched, select, true {✅ Gesehen:} other {↩️ Nicht gesehen:}} {episode}",
    "episode.scope.season": "Staffel {season}",
    "episode.scope.scattered": "{count, plural, one {# Folge} other {# Folgen}} aus Staffel {season}",
    "episode.scope.show": "alle Folgen; Specials (Staffel 0) nicht mitgezählt",
    "episode.scope.showNoSpecials": "alle Folgen; diese Serie hat keine Specials",
    "episode.stillApplying":
      "⏳ Läuft noch: {applied, number} von {requested, number} Folgen erledigt. `/merkliste info` zeigt, wann es fertig ist.",
    "episode.field.progress": "Fortschritt",
    "episode.field.upNext": "Als Nächstes",
    "episode.button.markNext": "{episode} markieren",
    "episode.button.markBefore": "S{season}{last, plural, =1 {E1} other {E1–E{last}}} auch markieren",
    "episode.button.undo": "Rückgängig",
    "episode.button.share": "Teilen",
    "episode.button.backToWatching": "Wieder „Schaue ich“",
    "episode.button.specials":
      "{count, plural, one {Das Special} other {Die # Specials}} auch {isWatched, select, true {markieren} other {zurücknehmen}}",
    "episode.undone": "↩️ Rückgängig gemacht — {what}.",
    "undo.episodes":
      "{episodes} von {title} {count, plural, one {ist} other {sind}} wieder {wasWatched, select, true {gesehen} other {ungesehen}}",
    "undo.episodeCount": "{count, plural, one {# Folge} other {# Folgen}}",
    "episode.cached":
      "TMDB antwortet gerade nicht, darum nehme ich die Folgenliste, die ich mir früher gemerkt habe — neue Folgen können fehlen.",
    "episode.numbering.tmdbOne": "TMDB nummeriert die Folgen von Staffel {season} auf eigene Art: {given} als TMDB-Folgennummer gelesen.",
    "episode.numbering.tmdbMany": "TMDB nummeriert die Folgen von Staffel {season} auf eigene Art: als TMDB-Folgennummern gelesen.",
    "episode.numbering.positionOne": "{given} als {given}. Folge von Staffel {season} der Reihe nach gelesen, bei TMDB E{tmdb}.",
    "episode.numbering.positionMany": "Als Plätze in der Folgenliste von Staffel {season} gelesen, bei TMDB E{first}–E{last}.",
    "episode.guessTooLong":
      "Ich bin nicht sicher, welche Serie du meinst, und die Folgenliste ist zu lang für einen Bestätigungs-Button — wähl die Serie beim Tippen aus der Liste oder nimm ihre TMDB-ID.",
    "episode.confirm": "Ja — {what} {isWatched, select, true {markieren} other {zurücknehmen}}",
    "episode.confirmShow": "Ja — alle Folgen {isWatched, select, true {markieren} other {zurücknehmen}}",
    "episode.confirmSeason": "Ja — Staffel {season} {isWatched, select, true {markieren} other {zurücknehmen}}",
    "episode.showFallbackName": "Serie {tmdbId}",

    "reaction.loved": "Geliebt",

    "reaction.liked": "Gefallen",

    "reaction.mixed": "Gemischt",

    "reaction.not-for-me": "Nichts für mich",

    "watch.added": "🔖 {title} steht jetzt auf deiner Merkliste.",

    "watch.alreadyAdded": "{title} steht schon auf deiner Merkliste.",

    "watch.removed": "{title} ist von deiner Merkliste runter.{kept, select, true { Fortschritt und Reaktion bleiben erhalten.} other {}}",

    "watch.notOnList": "{title} war nicht auf deiner Merkliste — nichts geändert.",

    "watch.statusSet": "{status} — {title}{progress, select, none {} other { ({progress} %)}}",

    "watch.statusUnchanged": "Nichts geändert — {title} stand schon auf {status}.",

    "watch.reactionSet": "{reaction} — {title}",

    "watch.reactionUnchanged": "Nichts geändert — deine Reaktion auf {title} war schon {reaction}.",

    "watch.notReacted": "Du hattest auf {title} nicht reagiert — nichts geändert.",

    "watch.reactionCleared": "Deine Reaktion auf {title} ist entfernt.",

    "watch.share.notTrue": "Das stimmt nicht mehr, also gibt es nichts zu teilen.",

    "watch.share.repeat": "Du hast {title} heute schon in diesem Kanal geteilt — hier wieder teilen kannst du {when}.",

    "watch.share.busy":
      "Dieser Kanal hatte in der letzten Stunde {cap, plural, one {# geteilten Beitrag} other {# geteilte Beiträge}}, mehr poste ich nicht — versuch es {when} noch einmal.",

    "watch.share.finished": "🎉 {who} hat {title} fertig geschaut!",

    "watch.share.loved": "❤️ {who} hat {title} geliebt.",

    "watch.shared": "📣 Mit dem Kanal geteilt.",

    "watch.shareOnlyInServer": "Teilen geht in einem Serverkanal, nicht in DMs.",

    "watch.state.untracked": "Status: noch nicht verfolgt\nMerkliste: nicht drauf — `/merkliste hinzufügen` setzt es drauf",

    "watch.state.status": "Status: {status}",

    "watch.state.noStatus": "keiner",

    "watch.state.onWatchlist": "Merkliste: 📌 auf deiner Merkliste",

    "watch.state.offWatchlist": "Merkliste: nicht drauf — `/merkliste hinzufügen` setzt es drauf",

    "watch.state.reaction": "Reaktion: {reaction}",

    "watch.field.you": "Du",

    "watch.field.episodes": "Folgen",

    "watch.jobRunning": "Eine große Änderung an Folgen läuft noch.",

    "watch.noOverview": "Keine Handlung bei TMDB.",

    "watch.button.add": "Auf die Merkliste",

    "watch.button.remove": "Von der Merkliste",

    "watch.button.shareFinished": "„Fertig“ teilen",

    "watch.button.shareLoved": "„Geliebt“ teilen",

    "watch.button.suggest": "Für den Filmabend vorschlagen",

    "watch.menu.placeholder": "Reagieren …",

    "watch.menu.yourReaction": "Deine Reaktion: {reaction}",

    "watch.menu.clear": "Reaktion entfernen",

    "watch.confirm.add": "Ja — auf meine Merkliste",

    "watch.confirm.remove": "Ja — von meiner Merkliste nehmen",

    "watch.confirm.info": "Ja — zeigen",

    "watch.confirm.status": "Ja — Status setzen",

    "watch.confirm.react": "Ja — Reaktion speichern",

    "watch.botsNoList": "Bots führen keine Merklisten.",

    "watch.visible": "👀 Deine Liste ist jetzt sichtbar: andere sehen sie mit `/merkliste liste person:@du`.",

    "watch.private": "🔒 Deine Liste ist jetzt privat.",

    "watch.list.unavailable":
      "Diese Liste ist nicht verfügbar. Die Liste von jemandem ist erst sichtbar, wenn die Person etwas verfolgt und sie mit `/merkliste sichtbarkeit` freigegeben hat.",

    "watch.list.onlyInTheirServer": "Die Liste von jemand anderem siehst du nur in einem Kanal eines Servers, auf dem die Person ist.",

    "watch.list.yours": "Deine Merkliste",

    "watch.list.yoursAll": "Alles, was du verfolgst",

    "watch.list.theirs": "Merkliste von {owner}",

    "watch.list.theirsUnnamed": "Ihre Merkliste",

    "watch.list.theirsAll": "Alles, was {owner} verfolgt",

    "watch.list.theirsAllUnnamed": "Alles, was die Person verfolgt",

    "watch.list.movies": "Filme",

    "watch.list.onWatchlist": "📌 auf der Merkliste",

    "watch.list.noMore": "Keine weiteren Titel.",

    "watch.list.noMatch": "Keine Titel für {filters}.",

    "watch.list.emptyWatchlist":
      "Deine Merkliste ist leer — füg etwas mit `/merkliste hinzufügen` hinzu. Titel, die du verfolgst, ohne sie hinzuzufügen, stehen unter `/merkliste liste umfang:all`.",

    "watch.list.emptyAll": "Hier ist noch nichts — füg etwas mit `/merkliste hinzufügen` hinzu oder markier eine Folge mit `/folge`.",

    "watch.list.footer": "Seite {page} · neueste zuerst",

    "watch.list.button.first": "« Anfang",

    "watch.list.button.next": "Weiter ›",

    "undo.offWatchlist": "{title} ist wieder von deiner Merkliste runter",

    "undo.untracked": "{title} ist wieder nicht verfolgt",

    "undo.backOnWatchlist": "{title} ist wieder auf deiner Merkliste",

    "undo.noStatus": "{title} hat wieder keinen Status",

    "undo.statusBack": "{title} steht wieder auf {status}",

    "undo.noReaction": "du hast wieder keine Reaktion auf {title}",

    "undo.reactionBack":
      "deine Reaktion auf {title} ist wieder „{reaction, select, loved {Geliebt} liked {Gefallen} mixed {Gemischt} other {Nichts für mich}}“",

    "undo.asItWas": "{title} ist wie vorher",

    "undo.theTitle": "der Titel",

    "episodeSpec.how": "Nimm eine Zahl wie `3`, einen Bereich wie `1-5`, eine Liste wie `1,3,5` oder `all`.",

    "episodeSpec.tooLong": "Diese Folgenliste ist zu lang.",

    "episodeSpec.which": "Welche Folge?",

    "episodeSpec.space": "{quoted} hat ein Leerzeichen mitten in einer Zahl.",

    "episodeSpec.notEpisode": "{quoted} ist keine Folge.",

    "episodeSpec.backwards": "Der Bereich {from}-{to} läuft rückwärts — versuch {to}-{from}.",

    "episodeSpec.tooMany": "Das sind mehr als {max, number} Folgen auf einmal — nimm `/abhaken staffel` oder `/abhaken serie`.",

    "episodeSpec.otherSeason":
      "{quoted} gehört zu Staffel {written}, der Befehl nennt aber Staffel {season} — gib die Staffel als eigene Option an.",

    "episodeSpec.twoSeasons": "{quoted} nennt die Staffeln {first} und {second} — nenn Folgen aus jeweils einer Staffel.",

    "episodeSpec.outOfRange": "Folge {episode} liegt außerhalb — Folgennummern gehen bis {max, number}.",

    "episodeSpec.fromOne": "Folgen werden ab 1 gezählt.",

    "titles.which": "Sag mir, welcher Titel — tipp einen Namen und wähl ihn aus der Liste.",

    "titles.idSpace": "{shown} hat ein Leerzeichen mitten in einer Zahl — eine TMDB-ID besteht nur aus Ziffern, wie 1399.",

    "titles.notId": "{shown} ist keine TMDB-ID — IDs sind ganze Zahlen über null, wie 1399.",

    "titles.idRange": "{shown} liegt außerhalb — TMDB-IDs gehen von 1 bis {max, number}.",

    "titles.notFound": "Ich habe bei TMDB {kind, select, tv {keine Serie} movie {keinen Film} other {keinen Titel}} zu {query} gefunden.",

    "titles.noSuchId": "TMDB hat {kind, select, tv {keine Serie} movie {keinen Film} other {weder Film noch Serie}} mit der ID {tmdbId}.",

    "titles.idIsMovie": "Die TMDB-ID {tmdbId} ist der Film {title}, der hat keine Folgen. Für Filme nimm `/merkliste status`.",

    "titles.isAMovie": "{title} ist ein Film und hat keine Folgen. Verfolg ihn mit `/merkliste status`.",

    "help.title": "Film Fanatic — Filme und Serien in Discord verfolgen",
    "help.description":
      "Verknüpf dein Film-Fanatic-Webkonto mit `/verknüpfen`, dann erscheint alles, was du hier verfolgst, auch auf der Website — und umgekehrt.",
    "help.footer": "Titel und Daten von TMDB",
    "help.episodes.name": "📺 Folgen",
    "help.episodes.value":
      "`/folge 1399 1 3` — *Game of Thrones* S1E3 als gesehen markieren (Serie per Name oder TMDB-ID)\n`/folge serie staffel folge:1-5` — ein Bereich; `folge:all` — die ganze Staffel\n`/folge … gesehen:False` — zurücknehmen\n`/abhaken staffel` · `/abhaken serie` — eine ganze Staffel oder alle Folgen auf einmal\n`/demnächst folgen` — was als Nächstes läuft bei den Serien, denen du folgst, Tag für Tag in deiner Zeitzone · `/demnächst kalender` — ein privater Kalenderlink",
    "help.list.name": "🎬 Deine Liste",
    "help.list.value":
      "`/merkliste hinzufügen` — einen Film oder eine Serie auf deine Merkliste setzen\n`/merkliste status` — möchte ich sehen, schaue ich, fertig oder abgebrochen (Fortschritt in % optional)\n`/merkliste bewerten` — geliebt, gefallen, gemischt, nichts für mich (oder entfernen)\n`/merkliste info` — Poster, Handlung, dein Status und Fortschritt\n`/merkliste liste` — deine Merkliste; `status:` oder `umfang:` für alles Verfolgte, `person:` für die von Freunden (auf einem gemeinsamen Server)\n`/merkliste entfernen` — runter von der Merkliste (Fortschritt und Reaktionen bleiben)\n`/merkliste sichtbarkeit` — andere deine Liste sehen lassen",
    "help.parties.name": "🍿 Watchpartys (auf einem Server)",
    "help.parties.value":
      '`/watchparty starten serie` — zusammen eine Serie schauen; ein Live-Board zeigt den Fortschritt aller · `/watchparty starten film` — ein Filmabend: wo er läuft, wer kommt, wer dabei war\n`/watchparty beitreten` · `/watchparty verlassen` · `/watchparty status` — oder **Beitreten** auf dem Board drücken\n`/watchparty gesehen folge:5-6` — „Warst du dabei?“: für dich markiert, und für alle, die **Ich war dabei** klicken\n`/watchparty planen wann:"friday 21:00"` — ein gemeinsamer Termin in deiner Zeitzone; Dabei / Vielleicht / Kann nicht, vorher ein Ping · `/watchparty umfrage` um über den Abend abzustimmen · `/watchparty threads modus:an` — ein Thread pro Sitzung für die Gespräche\n`/watchparty host mitglied:` · `/watchparty entfernen mitglied:` · `/watchparty umbenennen name:` — übergeben, jemanden herausnehmen, umbenennen (wo es zählt, wird erst gefragt)\n`/watchparty beenden` · `/watchparty liste`',
    "help.serverList.name": "🎞️ Die Liste des Servers (auf einem Server)",
    "help.serverList.value":
      "`/filmliste vorschlagen titel` — einen Film oder eine Serie für den Filmabend vorschlagen (oder **Für den Filmabend vorschlagen** auf einer Titelkarte) · `/filmliste aus-liste liste:` — aus einer deiner eigenen Listen\n`/filmliste zeigen` — wer was vorschlug, wie viele es gesehen haben, Laufzeiten · `/filmliste entfernen titel`\n`/filmliste ziehen ungesehen:True` — ein Zufallszug, wahrscheinlicher je weniger ihn gesehen haben · `/filmliste umfrage` — über bis zu 10 Titel abstimmen\n`/filmliste sperren` · `/filmliste entsperren` — nur mit „Server verwalten“",
    "help.reminders.name": "🔔 Erinnerungen",
    "help.reminders.value":
      "Bei einer Serie hängengeblieben, oder eine neue Folge draußen? Ich schreib dir per DM, höchstens einmal am Tag.\n`/erinnerungen aus` · `/erinnerungen an` — alle Erinnerungen und Hinweise auf neue Folgen\n`/erinnerungen serie titel aktiv:False` — für eine Serie abschalten (oder wieder an)\n`/erinnerungen einstellungen tage:7 ruhezeit:22:00-08:00 zeitzone:Europe/Berlin` — wie oft, und Ruhezeiten in deiner Zeitzone",
    "help.stats.name": "📊 Statistik",
    "help.stats.value":
      "`/statistik zeigen` — Folgen, Stunden, Filme, Strähnen, meistgesehen · `person:` jemand, der sie hier teilt · `jahr:2026`\n`/statistik teilen modus:an` — deine auf diesem Server teilen · `/statistik server` — seine Bestenliste · `/statistik jahresrückblick` — dein Jahr als Bild",
    "help.account.name": "🔗 Dein Konto",
    "help.account.value":
      "`/verknüpfen` — dein Film-Fanatic-Webkonto verbinden, damit beide eine Bibliothek teilen (wer sich dort mit Discord anmeldet, hat das schon)\n`/trennen` — die Verbindung lösen; das Webkonto behält alles\n`/konto` — was gespeichert ist; exportieren oder löschen\n`/importieren datei` — deinen Verlauf aus TV Time, Trakt, Letterboxd, IMDb oder einem Film-Fanatic-Export übernehmen (erst mit Vorschau); `/importieren rückgängig` nimmt ihn innerhalb von 24 Stunden zurück",
    "help.tips.name": "💡 Tipps",
    "help.tips.value":
      "Antworten über dich siehst nur du; auf einem Server postet **Teilen** eine fertige Serie oder einen geliebten Titel (einmal am Tag pro Titel und Kanal).\nEinen Namen getippt statt aus der Liste gewählt? Ich frage „Meinst du …?“, bevor ich etwas ändere.\nGeht auch in DMs: installier die App in deinem Konto und nutz `/folge` überall.\nFolgen markieren (`/folge`, `/abhaken`) und deine Liste ändern (`/merkliste hinzufügen`, `entfernen`, `status`, `bewerten`) kommt mit einem **Rückgängig**-Button für fünf Minuten.",
  },
  commands: {
    help: ["hilfe", "Was Film Fanatic kann, mit Beispielen"],
    ep: ["folge", "Eine Folge (oder mehrere) als gesehen markieren"],
    "ep.show": show,
    "ep.season": ["staffel", "Staffelnummer"],
    "ep.episode": ["folge", "Folge: 3, ein Bereich 1-5, eine Liste 1,3,5 oder all"],
    "ep.watched": ["gesehen", "False nimmt die Markierung zurück (Standard: True)"],
    mark: ["abhaken", "Eine ganze Staffel oder eine ganze Serie auf einmal markieren"],
    "mark.season": ["staffel", "Jede Folge einer Staffel markieren"],
    "mark.season.show": ["serie", "Die Serie: Name oder TMDB-ID"],
    "mark.season.season": ["staffel", "Staffelnummer"],
    "mark.season.watched": ["gesehen", "False nimmt die Staffel zurück (Standard: True)"],
    "mark.show": ["serie", "Jede Folge einer Serie markieren"],
    "mark.show.show": ["serie", "Die Serie: Name oder TMDB-ID"],
    "mark.show.watched": ["gesehen", "False nimmt alle Folgen zurück (Standard: True)"],
    watch: ["merkliste", "Deine Merkliste: hinzufügen, verfolgen, bewerten, nachschlagen"],
    "watch.add": ["hinzufügen", "Einen Film oder eine Serie auf deine Merkliste setzen"],
    ...titleOptions("add"),
    "watch.remove": ["entfernen", "Einen Titel von der Merkliste nehmen (der Fortschritt bleibt)"],
    ...titleOptions("remove"),
    "watch.status": ["status", "Möchte ich sehen, schaue ich, fertig oder abgebrochen"],
    ...titleOptions("status"),
    "watch.status.status": ["status", "Wo du damit stehst"],
    ...choices("watch.status.status", statuses),
    "watch.status.progress": ["fortschritt", "Wie weit, 0–100 %"],
    "watch.react": ["bewerten", "Sag, wie es dir gefallen hat"],
    ...titleOptions("react"),
    "watch.react.reaction": ["reaktion", "Deine Reaktion"],
    ...choices("watch.react.reaction", {
      loved: "❤️ Geliebt",
      liked: "👍 Gefallen",
      mixed: "😐 Gemischt",
      "not-for-me": "👎 Nichts für mich",
      clear: "Meine Reaktion entfernen",
    }),
    "watch.info": ["info", "Poster, Handlung und wo du gerade stehst"],
    ...titleOptions("info"),
    "watch.list": ["liste", "Deine Titel (oder die von Freunden), neueste zuerst"],
    "watch.list.status": ["status", "Nur dieser Status"],
    ...choices("watch.list.status", statuses),
    "watch.list.type": ["art", "Nur Filme oder nur Serien"],
    ...choices("watch.list.type", { movie: "Filme", tv: "Serien" }),
    "watch.list.user": ["person", "Die Liste von jemand anderem (wenn geteilt; auf einem gemeinsamen Server)"],
    "watch.list.scope": ["umfang", "Die Merkliste (Standard) oder alles Verfolgte (Standard mit Statusfilter)"],
    ...choices("watch.list.scope", { watchlist: "Merkliste", all: "Alles Verfolgte" }),
    "watch.privacy": ["sichtbarkeit", "Festlegen, ob andere deine Liste sehen können"],
    "watch.privacy.visible": ["sichtbar", "True: alle auf einem Server mit dir können sie sehen"],
    party: ["watchparty", "Gemeinsam eine Serie schauen, mit Live-Fortschrittsboard im Kanal"],
    "party.start": ["starten", "Eine Watchparty für eine Serie oder einen Filmabend starten; du bist Host"],
    "party.start.show": show,
    "party.start.title": ["film", "Oder ein Film für einen Filmabend: Namen eintippen oder movie:<TMDB-ID>"],
    "party.start.season": ["staffel", "Nur diese Staffel (Standard: die ganze Serie)"],
    "party.start.channel": ["kanal", "Wohin das Board kommt (Standard: hierher)"],
    "party.start.name": ["name", "Ein Name für die Party"],
    "party.join": ["beitreten", "Einer Watchparty beitreten; dein Fortschritt erscheint auf dem Board"],
    "party.join.party": party,
    "party.leave": ["verlassen", "Eine Watchparty verlassen"],
    "party.leave.party": party,
    "party.status": ["status", "Eine private Kopie des Boards, deine Zeile hervorgehoben"],
    "party.status.party": party,
    "party.watched": ["gesehen", "Welche Folgen ihr zusammen gesehen habt: für dich markiert, andere bestätigen per Klick"],
    "party.watched.episode": ["folge", "Folge: 3, ein Bereich 1-5 oder eine Liste 1,3,5"],
    "party.watched.season": ["staffel", "Staffelnummer (Standard: die Staffel der Party, sonst 1)"],
    "party.watched.party": party,
    "party.end": ["beenden", "Eine Watchparty beenden (Host oder wer den Server verwalten darf)"],
    "party.end.party": party,
    "party.host": ["host", "Die Party an ein Mitglied übergeben (Host oder wer den Server verwalten darf)"],
    "party.host.member": ["mitglied", "Das Mitglied, das ab jetzt Host ist"],
    "party.host.party": party,
    "party.remove": ["entfernen", "Ein Mitglied aus der Party nehmen (Host oder wer den Server verwalten darf)"],
    "party.remove.member": ["mitglied", "Wen du herausnimmst (der eigene Fortschritt bleibt)"],
    "party.remove.party": party,
    "party.rename": ["umbenennen", "Eine Watchparty umbenennen (Host oder wer den Server verwalten darf)"],
    "party.rename.name": ["name", "Der neue Name der Party"],
    "party.rename.party": party,
    "party.threads": ["threads", "Ein Thread pro Sitzung für die Gespräche (Host oder wer den Server verwalten darf)"],
    "party.threads.set": ["modus", "An: jeder Sitzungsstart bekommt einen Thread; aus: keine Threads"],
    ...choices("party.threads.set", { on: "an", off: "aus" }),
    "party.threads.party": party,
    "party.list": ["liste", "Die aktiven Watchpartys dieses Servers"],
    "party.schedule": ["planen", "Den nächsten gemeinsamen Termin planen (oder absagen), in der Zeitzone aller"],
    "party.schedule.when": ["wann", 'Wann, auf Englisch oder als Datum: "friday 21:00", "in 2h", "2026-12-04 20:30"'],
    "party.schedule.repeat": ["wiederholen", "Wöchentlich zur selben Zeit oder nur dieses Mal"],
    ...choices("party.schedule.repeat", { weekly: "wöchentlich", once: "einmalig" }),
    "party.schedule.cancel": ["absagen", "Stattdessen die geplante Sitzung absagen"],
    "party.schedule.remind": ["erinnerung", "Minuten vor der Sitzung, wann die Erinnerung kommt (Standard 15; 0: keine)"],
    "party.schedule.zone": zone,
    "party.schedule.party": party,
    "party.poll": ["umfrage", "Abstimmen, wann geschaut wird: bis zu 10 Termine; der Host bestätigt den Gewinner"],
    "party.poll.times": ["termine", 'Termine mit ";" getrennt, z. B. "friday 21:00; saturday 20:00"'],
    "party.poll.hours": ["stunden", "Wie lange die Umfrage offen bleibt (Standard 24)"],
    "party.poll.zone": zone,
    "party.poll.party": party,
    list: ["filmliste", "Die Liste des Servers für Filmabende: vorschlagen, zeigen, ziehen, abstimmen"],
    "list.add": ["vorschlagen", "Einen Film oder eine Serie für die Filmabende des Servers vorschlagen"],
    "list.add.title": title,
    "list.remove": ["entfernen", "Einen Titel von der Serverliste nehmen (eigene; alle mit „Server verwalten“)"],
    "list.remove.title": ["titel", "Ein Titel auf der Serverliste"],
    "list.show": ["zeigen", "Die Serverliste: wer was vorschlug, wie viele es gesehen haben, Laufzeiten"],
    "list.show.page": ["seite", "Welche Seite"],
    "list.show.sort": ["sortierung", "Die Reihenfolge (Standard: wie vorgeschlagen)"],
    ...choices("list.show.sort", { added: "hinzugefügt", votes: "stimmen", random: "zufällig" }),
    "list.pick": ["ziehen", "Einen Titel zufällig ziehen, wahrscheinlicher je weniger ihn gesehen haben"],
    "list.pick.unseen": ["ungesehen", "Nie einen, den alle hier schon gesehen haben"],
    "list.poll": ["umfrage", "Eine Umfrage über Titel der Liste, am wenigsten gesehene zuerst; der Sieger kommt am Ende"],
    "list.poll.count": ["anzahl", "Wie viele Titel (2–10, Standard 10)"],
    "list.poll.hours": ["stunden", "Wie lange sie offen bleibt (Standard 24, höchstens 168: 7 Tage)"],
    "list.add-from": ["aus-liste", "Die Titel einer deiner eigenen Listen vorschlagen (aus der Web-App)"],
    "list.add-from.list": ["liste", "Eine deiner Listen"],
    "list.lock": ["sperren", "Liste sperren: nur „Server verwalten“ kann hinzufügen oder entfernen"],
    "list.unlock": ["entsperren", "Liste entsperren („Server verwalten“)"],
    link: ["verknüpfen", "Dein Film-Fanatic-Webkonto verknüpfen, damit Discord und Website eine Bibliothek teilen"],
    unlink: ["trennen", "Die Verknüpfung mit deinem Film-Fanatic-Webkonto lösen (es behält seine Daten)"],
    account: ["konto", "Dein verknüpftes Konto, was Film Fanatic über dich speichert, Export oder Löschen"],
    remind: ["erinnerungen", "DMs zu liegengebliebenen Serien und zu neuen Folgen von Serien, bei denen du aktuell bist"],
    "remind.on": ["an", "Erinnerungen einschalten"],
    "remind.off": ["aus", "Alle Erinnerungen ausschalten"],
    "remind.settings": ["einstellungen", "Ab wann eine Serie als liegengeblieben gilt, Ruhezeiten und deine Zeitzone"],
    "remind.settings.days": ["tage", "Tage ohne Markierung, bevor ich dich erinnere (1-60, Standard 7)"],
    "remind.settings.quiet": ["ruhezeit", 'Keine DMs in diesen Stunden, z. B. "22:00-08:00" (oder "off")'],
    "remind.settings.timezone": ["zeitzone", "Deine Zeitzone, z. B. Europe/Berlin"],
    "remind.show": ["serie", "Erinnerungen für eine Serie an- oder ausschalten"],
    "remind.show.title": show,
    "remind.show.enabled": ["aktiv", "Daran erinnern (True) oder nicht (False)"],
  },
};
