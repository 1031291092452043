// Français : /rappels (/remind) et les MP de rappel.
import type { Area } from "../en.ts";

export const reminders: Area<"reminders"> = {
  messages: {
    "reminders.badZone":
      "Je ne connais pas le fuseau « {zone} » — choisis-en un dans la liste en tapant, par ville (ex. Europe/Paris) ; les abréviations comme CET ignorent l’heure d’été.",
    "reminders.didYouMean":
      "Tu voulais dire **{title}** ? Choisis la série dans la liste en tapant (ou utilise son identifiant TMDB, {tmdbId}).",
    "reminders.turnedOn": "🔔 Les rappels sont activés.",
    "reminders.turnedOff": "🔕 Les rappels sont désactivés : je ne t’écrirai plus en MP à propos de tes séries.",
    "reminders.already": "Les rappels étaient déjà {enabled, select, true {activés} other {désactivés}} — rien n’a changé.",
    "reminders.saved": "✅ Enregistré.",
    "reminders.state": "**Rappels** : {enabled, select, true {activés} other {désactivés}}.",
    "reminders.stalledAfter":
      "• Une série est considérée en pause après **{days, plural, one {# jour} many {# jours} other {# jours}}** sans marquage.",
    "reminders.quiet.none": "• Heures calmes : **aucune**.",
    "reminders.quiet.noneZone": "• Heures calmes : **aucune** (ton fuseau : {zone}).",
    "reminders.quiet.hours": "• Heures calmes : **{hours}** ({zone}).",
    "reminders.howToChange":
      "Change-les avec `/rappels réglages jours:7 silence:22:00-08:00 fuseau:Europe/Paris` ; `/rappels désactiver` les coupe tous, `/rappels série` pour une seule série.",
    "reminders.showOn": "🔔 Je te rappellerai de nouveau **{title}**.",
    "reminders.showOff": "🔕 Plus de rappels ni d’alertes de nouveaux épisodes pour **{title}**.",
    "reminders.stopped": "🔕 Plus de rappels ni d’alertes de nouveaux épisodes pour **{title}**. `/rappels série` les remet.",
    "reminders.marked": "✅ {code} de **{title}** marqué comme vu.",
    "reminders.alreadyMarked": "{code} de **{title}** était déjà marqué.",
    "reminders.snoozed": "😴 Je te laisse tranquille avec **{title}** jusqu’au {until}.",
    "reminders.lastShow": "C’était la dernière série de ce rappel.",
    "reminders.caughtUp": "Tu es à jour sur tout ce dont parlait ce rappel.",
    "reminders.dm.one": "On reprend là où tu t’étais arrêté ?",
    "reminders.dm.many":
      "{count, plural, one {# série t’attend} many {# séries t’attendent} other {# séries t’attendent}} là où tu les as laissées.",
    "reminders.dm.also": "En attente aussi : {shows}.",
    "reminders.dm.first":
      "J’en envoie au plus un par jour. `/rappels désactiver` les coupe tous ; **Réglages** change la fréquence et les horaires.",
    "reminders.dm.upNext": "À suivre : {episode}",
    "reminders.dm.left":
      "{left, plural, one {# épisode restant} many {# épisodes restants} other {# épisodes restants}} · le dernier {idle, select, today {aujourd’hui} yesterday {hier} other {il y a {days, plural, one {# jour} many {# jours} other {# jours}}}}",
    "reminders.dm.newEpisode": "🆕 {code} de **{title}** est sorti.",
    "reminders.dm.newFirst":
      "Je te préviens quand une série à jour a un nouvel épisode, et je te rappelle les séries en pause. `/rappels désactiver` les coupe tous ; `/rappels série` pour une seule série.",
    "reminders.button.markShow": "Marquer {code} comme vu — {title}",
    "reminders.button.mark": "Marquer {code} comme vu",
    "reminders.button.snooze": "Pause d’une semaine",
    "reminders.button.stopShow": "Arrêter pour cette série",
    "reminders.button.stop": "Arrêter",
    "reminders.button.settings": "Réglages",
    "reminders.quiet.ambiguous": "Ça commence à {early} ou à {late} ? Écris « {as24} » ou « {asPm} » (sur 24 heures, ou avec am/pm).",
    "reminders.quiet.bad": "Les heures calmes s’écrivent « 22:00-08:00 » ou « 10pm-8am » (début et fin différents), ou « off ».",
    "reminders.zone.pick": "Choisis un fuseau dans la liste, ex. Europe/Paris.",
    "reminders.zone.unknown": "« {zone} » n’est pas un fuseau horaire : choisis-en un dans la liste, ex. Europe/Paris.",
    "reminders.badDays": "Les jours doivent être un nombre entier de {min, number} à {max, number}.",
    "reminders.dmsClosed":
      "📭 Je n’ai pas pu t’envoyer de rappel en MP : tes MP me sont fermés. Pour les recevoir, ouvre **Paramètres utilisateur → Contenu et social** et autorise les MP des membres du serveur (ou, sur un serveur commun, ses **Paramètres de confidentialité → Messages privés**). Je réessaie maintenant que tu m’as utilisé.",
  },
  commands: {},
};
