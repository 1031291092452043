// Deutsch: /erinnerungen (/remind) und die Erinnerungs-DMs.
import type { Area } from "../en.ts";

export const reminders: Area<"reminders"> = {
  messages: {
    "reminders.badZone":
      "Die Zeitzone „{zone}“ kenne ich nicht — wähl beim Tippen eine aus der Liste, nach Stadt (z. B. Europe/Berlin); Abkürzungen wie MEZ ignorieren die Sommerzeit.",
    "reminders.didYouMean": "Meintest du **{title}**? Wähl die Serie beim Tippen aus der Liste (oder nimm ihre TMDB-ID, {tmdbId}).",
    "reminders.turnedOn": "🔔 Erinnerungen sind an.",
    "reminders.turnedOff": "🔕 Erinnerungen sind aus: Ich schreib dir keine DMs mehr zu deinen Serien.",
    "reminders.already": "Erinnerungen waren schon {enabled, select, true {an} other {aus}} — nichts geändert.",
    "reminders.saved": "✅ Gespeichert.",
    "reminders.state": "**Erinnerungen** sind {enabled, select, true {an} other {aus}}.",
    "reminders.stalledAfter": "• Eine Serie gilt nach **{days, plural, one {# Tag} other {# Tagen}}** ohne Markierung als liegengeblieben.",
    "reminders.quiet.none": "• Ruhezeiten: **keine**.",
    "reminders.quiet.noneZone": "• Ruhezeiten: **keine** (deine Zeitzone: {zone}).",
    "reminders.quiet.hours": "• Ruhezeiten: **{hours}** ({zone}).",
    "reminders.howToChange":
      "Ändern mit `/erinnerungen einstellungen tage:7 ruhezeit:22:00-08:00 zeitzone:Europe/Berlin`; `/erinnerungen aus` stoppt alle, `/erinnerungen serie` eine Serie.",
    "reminders.showOn": "🔔 Ich erinnere dich wieder an **{title}**.",
    "reminders.showOff": "🔕 Keine Erinnerungen und Hinweise auf neue Folgen mehr für **{title}**.",
    "reminders.stopped":
      "🔕 Keine Erinnerungen und Hinweise auf neue Folgen mehr für **{title}**. `/erinnerungen serie` schaltet sie wieder ein.",
    "reminders.marked": "✅ {code} von **{title}** als gesehen markiert.",
    "reminders.alreadyMarked": "{code} von **{title}** war schon markiert.",
    "reminders.snoozed": "😴 Ich lass dich mit **{title}** in Ruhe bis {until}.",
    "reminders.lastShow": "Das war die letzte Serie, um die es in dieser Erinnerung ging.",
    "reminders.caughtUp": "Du bist bei allem aktuell, worum es in dieser Erinnerung ging.",
    "reminders.dm.one": "Weiterschauen, wo du aufgehört hast?",
    "reminders.dm.many": "{count, plural, one {# Serie wartet} other {# Serien warten}} dort, wo du aufgehört hast.",
    "reminders.dm.also": "Außerdem warten: {shows}.",
    "reminders.dm.first":
      "Ich schicke dir höchstens eine davon am Tag. `/erinnerungen aus` stoppt alle; **Einstellungen** ändert, wie oft und wann.",
    "reminders.dm.upNext": "Als Nächstes: {episode}",
    "reminders.dm.left":
      "{left, plural, one {# Folge} other {# Folgen}} übrig · die letzte {idle, select, today {heute} yesterday {gestern} other {vor {days, plural, one {# Tag} other {# Tagen}}}}",
    "reminders.dm.newEpisode": "🆕 {code} von **{title}** ist draußen.",
    "reminders.dm.newFirst":
      "Ich sag dir Bescheid, wenn eine Serie, bei der du aktuell bist, eine neue Folge hat, und erinnere dich an Serien, die du pausiert hast. `/erinnerungen aus` stoppt alle; `/erinnerungen serie` eine Serie.",
    "reminders.button.markShow": "{code} als gesehen markieren — {title}",
    "reminders.button.mark": "{code} als gesehen markieren",
    "reminders.button.snooze": "Eine Woche Ruhe",
    "reminders.button.stopShow": "Für diese Serie stoppen",
    "reminders.button.stop": "Stoppen",
    "reminders.button.settings": "Einstellungen",
    "reminders.quiet.ambiguous":
      "Fängt das um {early} oder um {late} an? Schreib es als „{as24}“ oder „{asPm}“ (24-Stunden-Uhr oder mit am/pm).",
    "reminders.quiet.bad": "Ruhezeiten sehen so aus: „22:00-08:00“ oder „10pm-8am“ (Anfang und Ende verschieden), oder „off“.",
    "reminders.zone.pick": "Wähl eine Zeitzone aus der Liste, z. B. Europe/Berlin.",
    "reminders.zone.unknown": "„{zone}“ ist keine Zeitzone: Wähl eine aus der Liste, z. B. Europe/Berlin.",
    "reminders.badDays": "Die Tage müssen eine ganze Zahl von {min, number} bis {max, number} sein.",
    "reminders.dmsClosed":
      "📭 Ich konnte dir keine Erinnerung per DM schicken: Deine DMs sind für mich geschlossen. Damit sie ankommen, öffne **Benutzereinstellungen → Inhalte & Soziales** und erlaube DMs von Servermitgliedern (oder, auf einem gemeinsamen Server, dessen **Privatsphäre-Einstellungen → Direktnachrichten**). Ich versuch es jetzt wieder, wo du mich benutzt hast.",
  },
  commands: {},
};
