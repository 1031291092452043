// Deutsch: /demnächst (/upcoming).
import type { Area } from "../en.ts";

export const upcoming: Area<"upcoming"> = {
  messages: {
    "upcoming.badDays": "`tage` muss eine ganze Zahl von 1 bis {max, number} sein.",
    "upcoming.title": "📅 Die nächsten {days, plural, one {# Tag} other {# Tage}}",
    "upcoming.outNow": "Schon draußen — als Nächstes für dich",
    "upcoming.party": "🍿 Watchparty in {channel}",
    "upcoming.aired": "draußen seit {when}",
    "upcoming.empty.noShows":
      "Du folgst noch keiner Serie. Markier eine Folge mit `/folge` (oder setz eine Serie mit `/merkliste status` auf „Schaue ich“), dann stehen ihre nächsten Folgen hier.",
    "upcoming.empty.nothing":
      "In den nächsten {days, plural, one {# Tag} other {# Tagen}} läuft nichts von {shows, plural, one {der Serie} other {den # Serien}}, denen du folgst.",
    "upcoming.empty.further": "Weiter vorausschauen: `/demnächst folgen tage:60`.",
    "upcoming.uncached":
      "{count, plural, one {Für # Serie, der du folgst, ist} other {Für # Serien, denen du folgst, ist}} noch kein Sendeplan gespeichert — `/merkliste info` dazu lädt ihn.",
    "upcoming.truncated": "Nur die ersten {max, number} Folgen stehen hier — frag nach weniger Tagen.",
    "upcoming.footer.zone": "Tage in {zone}",
    "upcoming.footer.utc": "Tage in UTC — deine Zeitzone setzt /erinnerungen einstellungen zeitzone:",
    "upcoming.footer.source": "Sendetermine von TMDB",
    "upcoming.footer.page": "Seite {page} von {count}",
    "upcoming.button.mark": "{episode} als gesehen markieren · {title}",
    "upcoming.button.previous": "◀ Zurück",
    "upcoming.button.next": "Weiter ▶",
    "upcoming.feed.lead":
      "📅 **Dein Kalender-Feed** — neue Folgen der Serien, denen du folgst (die nächsten 60 Tage), und die Termine deiner Watchpartys:",
    "upcoming.feed.subscribe":
      "Abonnier ihn per URL: Google Kalender → *Weitere Kalender* → *Per URL*; Apple Kalender → *Ablage* → *Neues Kalenderabonnement*; Outlook → *Kalender hinzufügen* → *Aus dem Internet abonnieren*. Kalender-Apps laden ihn alle paar Stunden neu.",
    "upcoming.feed.private":
      "🔒 Halt ihn privat: Wer den Link hat, sieht, was du schaust und wann sich deine Watchpartys treffen. **Link zurücksetzen** macht einen neuen; der alte geht sofort nicht mehr.",
    "upcoming.button.reset": "Link zurücksetzen",
    "upcoming.button.keep": "Behalten",
    "upcoming.reset.question":
      "Deinen Kalenderlink zurücksetzen? Der jetzige geht sofort nicht mehr — Kalender, die ihn abonniert haben, werden nicht mehr aktualisiert — und du bekommst einen neuen zum Abonnieren.",
    "upcoming.reset.done": "🔁 Erledigt: dein alter Kalenderlink geht nicht mehr. Abonnier stattdessen diesen.",
    "upcoming.reset.kept": "Dein Kalenderlink bleibt, wie er ist. `/demnächst kalender` zeigt ihn wieder.",
    "upcoming.ics.name": "Film Fanatic — demnächst",
    "upcoming.ics.description": "Neue Folgen der Serien, denen du folgst, und die Termine deiner Watchpartys.",
    "upcoming.ics.episode":
      "{code} von {title} läuft am {date} (Datum laut TMDB). Markier sie in Discord mit /folge {tmdbId} {season} {episode}.",
    "upcoming.ics.session": "🍿 {movie, select, true {Filmabend} other {Gemeinsam schauen}}: {label}",
    "upcoming.ics.sessionDescription":
      "Ein Watchparty-Termin{weekly, select, true { (wöchentlich)} other {}} auf Discord. {answer, select, going {Deine Antwort: Dabei} maybe {Deine Antwort: Vielleicht} cant {Deine Antwort: Kann nicht} other {Du hast noch nicht geantwortet}} — antworte auf seinen Beitrag im Kanal der Party.",
  },
  commands: {
    upcoming: ["demnächst", "Was als Nächstes kommt: neue Folgen deiner Serien und ein Kalender-Feed"],
    "upcoming.episodes": ["folgen", "Die nächsten Folgen der Serien, denen du folgst, Tag für Tag in deiner Zeitzone"],
    "upcoming.episodes.days": ["tage", "Wie viele Tage voraus (1-60, Standard 14)"],
    "upcoming.feed": ["kalender", "Dein privater Kalenderlink (iCalendar) für Google-, Apple- oder Outlook-Kalender"],
  },
};
