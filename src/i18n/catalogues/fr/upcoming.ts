// Français : /à-venir (/upcoming).
import type { Area } from "../en.ts";

export const upcoming: Area<"upcoming"> = {
  messages: {
    "upcoming.badDays": "`jours` doit être un nombre entier de 1 à {max, number}.",
    "upcoming.title": "📅 {days, plural, one {Le prochain jour} many {Les # prochains jours} other {Les # prochains jours}}",
    "upcoming.outNow": "Déjà sorti — ton prochain épisode",
    "upcoming.party": "🍿 soirée dans {channel}",
    "upcoming.aired": "sorti {when}",
    "upcoming.empty.noShows":
      "Tu ne suis encore aucune série. Marque un épisode avec `/épisode` (ou passe une série à « En cours » avec `/suivi statut`), et ses prochains épisodes s’afficheront ici.",
    "upcoming.empty.nothing":
      "Rien ne sort {days, plural, one {dans les prochaines 24 heures} many {dans les # prochains jours} other {dans les # prochains jours}} pour {shows, plural, one {la série} many {les # séries} other {les # séries}} que tu suis.",
    "upcoming.empty.further": "Regarde plus loin avec `/à-venir épisodes jours:60`.",
    "upcoming.uncached":
      "{count, plural, one {# série que tu suis n’a} many {# séries que tu suis n’ont} other {# séries que tu suis n’ont}} pas encore de programme enregistré — `/suivi infos` dessus en charge un.",
    "upcoming.truncated": "Seuls les {max, number} premiers épisodes sont listés — demande moins de jours.",
    "upcoming.footer.zone": "Jours en {zone}",
    "upcoming.footer.utc": "Jours en UTC — règle ton fuseau avec /rappels réglages fuseau:",
    "upcoming.footer.source": "dates de diffusion de TMDB",
    "upcoming.footer.page": "page {page} sur {count}",
    "upcoming.button.mark": "Marquer {episode} comme vu · {title}",
    "upcoming.button.previous": "◀ Précédent",
    "upcoming.button.next": "Suivant ▶",
    "upcoming.feed.lead":
      "📅 **Ton flux de calendrier** — les nouveaux épisodes des séries que tu suis (60 prochains jours) et les séances de tes soirées :",
    "upcoming.feed.subscribe":
      "Abonne-toi par URL : Google Agenda → *Autres agendas* → *À partir de l’URL* ; Calendrier d’Apple → *Fichier* → *Nouvel abonnement à un calendrier* ; Outlook → *Ajouter un calendrier* → *S’abonner à partir du web*. Les applis le rafraîchissent toutes les quelques heures.",
    "upcoming.feed.private":
      "🔒 Garde-le pour toi : avec ce lien, n’importe qui voit ce que tu regardes et quand tes soirées ont lieu. **Réinitialiser le lien** en crée un nouveau ; l’ancien cesse aussitôt de marcher.",
    "upcoming.button.reset": "Réinitialiser le lien",
    "upcoming.button.keep": "Le garder",
    "upcoming.reset.question":
      "Réinitialiser ton lien de calendrier ? L’actuel cesse aussitôt de marcher — les calendriers abonnés ne se mettent plus à jour — et tu en reçois un nouveau auquel t’abonner.",
    "upcoming.reset.done": "🔁 C’est fait : ton ancien lien de calendrier ne marche plus. Abonne-toi plutôt à celui-ci.",
    "upcoming.reset.kept": "Ton lien de calendrier reste tel quel. `/à-venir calendrier` le montre à nouveau.",
    "upcoming.ics.name": "Film Fanatic — à venir",
    "upcoming.ics.description": "Les nouveaux épisodes des séries que tu suis, et les séances de tes soirées.",
    "upcoming.ics.episode":
      "{code} de {title} sort le {date} (date de TMDB). Marque-le dans Discord avec /épisode {tmdbId} {season} {episode}.",
    "upcoming.ics.session": "🍿 {movie, select, true {Soirée film} other {Séance ensemble}} : {label}",
    "upcoming.ics.sessionDescription":
      "Une séance de soirée{weekly, select, true { (chaque semaine)} other {}} sur Discord. {answer, select, going {Ta réponse : j’y serai} maybe {Ta réponse : peut-être} cant {Ta réponse : je ne peux pas} other {Tu n’as pas encore répondu}} — réponds sur son message dans le salon de la soirée.",
  },
  commands: {
    upcoming: ["à-venir", "Ce qui arrive : les prochains épisodes des séries que tu suis, et un flux de calendrier"],
    "upcoming.episodes": ["épisodes", "Les prochains épisodes des séries que tu suis, jour par jour dans ton fuseau"],
    "upcoming.episodes.days": ["jours", "Combien de jours à l’avance (1-60, par défaut 14)"],
    "upcoming.feed": ["calendrier", "Ton lien de calendrier privé (iCalendar) pour Google Agenda, Apple ou Outlook"],
  },
};
