// Deutsch: /verknüpfen, /trennen und /konto (/link, /unlink, /account).
import type { Area } from "../en.ts";

export const account: Area<"account"> = {
  messages: {
    "account.link.title": "Dein Film-Fanatic-Konto verknüpfen",
    "account.link.description":
      "Öffne die Verknüpfungsseite, melde dich bei Film Fanatic an und bestätige. Was du hier getrackt hast, wandert in deine Web-Bibliothek (haben beide einen Titel, gewinnt die neuere Änderung; gesehene Folgen werden zusammengeführt).\n\nDer Knopf funktioniert einmal und läuft {expires} ab. Er ist nur für dich: Teil ihn mit niemandem.\nAuf der Seite lautet dein Code `{code}`.",
    "account.link.already":
      "Du bist gerade mit **{name}** verknüpft; ein anderes Konto zu verknüpfen, wechselt die Verknüpfung (du wirst vorher gefragt).",
    "account.link.button.open": "Verknüpfungsseite öffnen",
    "account.unlink.notLinked": "Du bist mit keinem Film-Fanatic-Konto verknüpft. `/verknüpfen` verknüpft eins.",
    "account.unlink.question":
      "Verknüpfung mit **{name}** lösen? Deine Web-Bibliothek behält alles, aber hier in Discord fängst du mit einem leeren, reinen Discord-Profil neu an. `/verknüpfen` verknüpft später wieder.",
    "account.unlink.button.confirm": "Trennen",
    "account.unlink.button.cancel": "Verknüpft lassen",
    "account.unlink.done":
      "Verknüpfung mit **{name}** gelöst. Deine Web-Bibliothek behält alles; was du ab jetzt hier trackst, beginnt ein neues, reines Discord-Profil. `/verknüpfen` verknüpft wieder.",
    "account.unlink.yourAccount": "deinem Film-Fanatic-Konto",
    "account.unlink.busy":
      "Dein Discord-Verlauf wandert noch in deine Web-Bibliothek. Versuch es in einer Minute noch mal (`/konto` zeigt, wie weit es ist).",
    "account.unlink.kept": "Weiter mit **{name}** verknüpft — nichts geändert.",
    "account.title": "Dein Film-Fanatic-Konto",
    "account.field.account": "Konto",
    "account.field.stored": "Gespeichert",
    "account.field.merge": "Dein Discord-Verlauf zieht um",
    "account.notLinked": "Nicht verknüpft — du hast ein reines Discord-Profil. `/verknüpfen` verknüpft dein Film-Fanatic-Webkonto.",
    "account.linked":
      "Verknüpft mit **{name}**{oauth, select, true { (du hast dich bei Film Fanatic mit Discord angemeldet)} other {}}. `/trennen` löst die Verknüpfung.",
    "account.stored":
      "Titel: {titles}\nGesehene Folgen: {episodes, number}\nEigene Listen: {lists, number}\nErinnerungen: {reminders, plural, one {# Serie} other {# Serien}}\nWatchpartys: {parties, number}",
    "account.atLeast": "{count, number}+",
    "account.button.export": "Meine Daten exportieren",
    "account.button.letterboxd": "Letterboxd-CSV",
    "account.button.trakt": "Trakt-JSON",
    "account.button.import": "Importieren",
    "account.button.delete": "Meine Discord-Daten löschen…",
    "account.button.resume": "Umzug fortsetzen",
    "account.delete.title": "Deine Discord-Daten löschen?",
    "account.delete.description":
      "Das löscht deinen Discord-Kontoeintrag, offene Verknüpfungscodes und Watchparty-Mitgliedschaften — und, falls du nicht verknüpft bist, alles, was du hier getrackt hast. Ein verknüpftes Film-Fanatic-Webkonto behält seine Bibliothek (die löschst du auf der Website). Das lässt sich nicht rückgängig machen.",
    "account.delete.button.confirm": "Ja, löschen",
    "account.delete.button.cancel": "Meine Daten behalten",
    "account.delete.nothing": "Für dich war nichts gespeichert.",
    "account.delete.deleting": "🗑️ Dein Discord-Kontoeintrag ist gelöscht; deine reine Discord-Bibliothek wird im Hintergrund gelöscht.",
    "account.delete.deletedAll": "🗑️ Deine Discord-Daten und alles, was du hier getrackt hast, sind gelöscht.",
    "account.delete.deletedLinked": "🗑️ Deine Discord-Daten sind gelöscht. Dein verknüpftes Webkonto behält seine Bibliothek.",
    "account.resume.done": "Der Umzug deines Discord-Verlaufs läuft weiter; `/konto` zeigt, wie weit er ist.",
    "account.resume.nothing": "Da war nichts fortzusetzen.",
    "account.size.mb": "{size, number, ::.0} MB",
    "account.size.kb": "{size, number} KB",
    "account.export.busy":
      "📦 Ich bereite deinen Export schon vor — er kommt hierher, sobald er fertig ist. Bitte ein Export nach dem anderen.",
    "account.export.tooLarge":
      "📦 Dein Export ist {size} groß (selbst komprimiert mehr als die {limit}, die Discord den Bot hier anhängen lässt), also kann er nicht als Datei kommen. Die Film-Fanatic-Website hat deine Bibliothek, wenn du sie verknüpft hast (`/verknüpfen`).",
    "account.export.complete": "📦 Alles, was Film Fanatic über dich speichert.",
    "account.export.partial": "📦 Dein Export ist sehr groß; diese Datei enthält seinen ersten Teil.",
    "account.export.gzip": "Komprimiert (gzip), damit er in Discords Dateigrößenlimit passt.",
    "account.exportAs.tooLarge":
      "📦 Dieser Export ist {size} groß, mehr als die {limit}, die Discord den Bot hier anhängen lässt, also kann er nicht als Datei kommen.",
    "account.exportAs.letterboxd":
      "📦 {titles, plural, one {# Film} other {# Filme}} im Importformat von Letterboxd: Lade die Filmdatei auf letterboxd.com/import hoch und die Watchlist-Datei (falls es eine gibt) auf der Importseite deiner Watchlist. Zu Letterboxd gehen nur Filme.",
    "account.exportAs.trakt":
      "📦 {titles, plural, one {# Titel} other {# Titel}} im Exportformat von Trakt (gesehene Filme und Folgen, Merkliste, Bewertungen als 10 / 7 / 5 / 2 für „Geliebt“ / „Gefallen“ / „Gemischt“ / „Nichts für mich“).",
    "account.exportAs.partial": "Deine Bibliothek ist sehr groß; das hier ist ihr erster Teil.",
  },
  commands: {},
};
