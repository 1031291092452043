// Français. Tutoiement, comme Discord en français ; bref et chaleureux comme l'anglais.
import type { Area } from "../en.ts";

const title = ["titre", "Commence à taper un film ou une série, ou un id TMDB"] as const;
const type = ["type", "Film ou série (seulement avec un id TMDB seul)"] as const;
const show = ["série", "La série : commence à taper son nom, ou un id TMDB comme 1399"] as const;
const party = ["soirée", "Quelle soirée (inutile dans un salon qui n'en a qu'une)"] as const;
const zone = ["fuseau", "Ton fuseau horaire, demandé une fois et retenu (tape une ville)"] as const;
const statuses = {
  "want-to-watch": "À voir",
  watching: "En cours",
  finished: "Terminé",
  dropped: "Abandonné",
};
const choices = (path: string, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${path}.choice.${value}`, name]));
const titleOptions = (sub: string) => ({
  [`watch.${sub}.title`]: title,
  [`watch.${sub}.type`]: type,
  ...choices(`watch.${sub}.type`, { movie: "Film", tv: "Série" }),
});

/** The strings every command shares, and /help, /ep, /mark and /watch. */
export const core: Area<"core"> = {
  messages: {
    "status.want-to-watch": statuses["want-to-watch"],
    "status.watching": statuses.watching,
    "status.finished": statuses.finished,
    "status.dropped": statuses.dropped,
    "media.tv": "Série",
    "media.movie": "Film",
    "autocomplete.saved": "enregistré (TMDB est indisponible)",

    "error.unexpected": "Quelque chose a coincé de mon côté (réf. `{reference}`). Réessaie dans un instant.",
    "error.unavailable.nothingChanged": "Film Fanatic est injoignable pour l'instant — rien n'a été modifié. Réessaie dans un instant.",
    "error.unavailable.mayNotBeSaved":
      "Film Fanatic est injoignable pour l'instant — ta modification n'a peut-être pas été enregistrée, vérifie avec {check}.",
    "error.unavailable.savedNotShown":
      "Film Fanatic est injoignable pour l'instant — ta modification est enregistrée, mais je ne peux pas l'afficher ; vérifie avec {check}.",
    "error.discord.dmsClosed": "Je ne peux pas t'envoyer de messages privés — tes MP sont fermés pour ce serveur.",
    "error.discord.missingPermission": "Je n'ai pas la permission de faire ça dans ce salon.",
    "error.discord.cantSeeChannel": "Je ne vois pas ce salon.",
    "error.discord.messageGone": "Ce message n'existe plus.",
    "error.discord.tooSlow": "C'était trop long et Discord a abandonné — réessaie.",
    "error.discord.alreadyAnswered": "On y a déjà répondu.",
    "error.tmdb.not_found": "TMDB n’a pas ce titre — vérifie l’id et réessaie.",
    "error.tmdb.unavailable": "TMDB ne répond pas pour l’instant — rien n’a été modifié. Réessaie dans une minute.",
    "error.tmdb.timeout": "TMDB a mis trop de temps à répondre — rien n’a été modifié. Réessaie dans un instant.",
    "error.tmdb.rate_limited": "TMDB reçoit trop de requêtes pour l’instant — rien n’a été modifié. Réessaie dans une minute.",
    "error.tmdb.invalid_response": "TMDB a renvoyé quelque chose d’illisible — rien n’a été modifié. Réessaie plus tard.",
    "error.tmdb.bad_request": "Cette demande ne semble pas correcte — vérifie ce que tu as tapé et réessaie.",
    "error.staleComponent": "Ce bouton n'est plus à jour — relance la commande.",
    "error.unknownCommand": "Je ne connais plus cette commande.",
    "error.slowDown": "Doucement — réessaie dans {seconds} s.",

    "guess.question":
      "Tu voulais dire **{title}** ({year, select, none {} other {{year} · }}{mediaType, select, tv {Série} other {Film}}) ? Rien n'a encore changé.",
    "guess.others": "Ou l'un de ceux-ci…",

    "progress.notAired": "Aucun épisode n'est encore sorti — rien à marquer.",
    "progress.counting": "{bar} au moins {watched, number}/{total, number} épisodes · je compte encore ce que tu as suivi sur le web",
    "progress.line": "{bar} {watched, number}/{total, number} épisodes · {percent} %",
    "progress.countingNext": "Je compte les épisodes que tu as suivis sur le web — redemande dans un instant.",
    "progress.nothingAired": "Rien n'est encore sorti — {when}.",
    "progress.caughtUpUntil": "Tu es à jour — {when}.",
    "progress.allCaughtUp": "Plus rien à voir — tu es à jour ! 🎉",
    "progress.airs": "sort {relative}",
    "progress.noAirDate": "n'a pas encore de date de diffusion",

    "episode.statusChange": "Statut : {before} → **{after}**",
    "episode.notTracked": "— (pas suivi)",
    "episode.nothingChanged":
      "Rien n'a changé — {unchanged, plural, one {il était} many {les # étaient} other {les # étaient}} déjà {isWatched, select, true {{unchanged, plural, one {vu} many {vus} other {vus}}} other {{unchanged, plural, one {non vu} many {non vus} other {non vus}}}}.",
    "episode.counted":
      "{isWatched, select, true {✅ {changed, plural, one {# épisode marqué} many {# épisodes marqués} other {# épisodes marqués}}} other {↩️ {changed, plural, one {# épisode démarqué} many {# épisodes démarqués} other {# épisodes démarqués}}}}{unchanged, plural, =0 {} one {, # l'était déjà} many {, # l'étaient déjà} other {, # l'étaient déjà}}.",
    "episode.alreadyOne": "{episode} était déjà {isWatched, select, true {vu} other {non vu}} — rien n'a changé.",
    "episode.changedOne": "{isWatched, select, true {✅ Vu :} other {↩️ Plus vu :}} {episode}",
    "episode.scope.season": "saison {season}",
    "episode.scope.scattered": "{count, plural, one {# épisode} many {# épisodes} other {# épisodes}} de la saison {season}",
    "episode.scope.show": "tous les épisodes ; hors épisodes spéciaux (saison 0)",
    "episode.scope.showNoSpecials": "tous les épisodes ; cette série n'a pas d'épisodes spéciaux",
    "episode.stillApplying":
      "⏳ En cours : {applied, number} épisodes sur {requested, number} faits. `/suivi infos` montre quand c'est terminé.",
    "episode.field.progress": "Progression",
    "episode.field.upNext": "À suivre",
    "episode.button.markNext": "Marquer {episode}",
    "episode.button.markBefore": "Marquer aussi S{season}{last, plural, =1 {E1} other {E1–E{last}}}",
    "episode.button.undo": "Annuler",
    "episode.button.share": "Partager",
    "episode.button.backToWatching": "Reprendre (En cours)",
    "episode.button.specials":
      "{isWatched, select, true {Marquer} other {Démarquer}} aussi {count, plural, one {l'épisode spécial} many {les # épisodes spéciaux} other {les # épisodes spéciaux}}",
    "episode.undone": "↩️ Annulé — {what}.",
    "undo.episodes":
      "{episodes} de {title} {count, plural, one {est de nouveau {wasWatched, select, true {vu} other {non vu}}} many {sont de nouveau {wasWatched, select, true {vus} other {non vus}}} other {sont de nouveau {wasWatched, select, true {vus} other {non vus}}}}",
    "undo.episodeCount": "{count, plural, one {# épisode} many {# épisodes} other {# épisodes}}",
    "episode.cached":
      "TMDB ne répond pas pour l'instant, j'utilise donc la liste d'épisodes que j'avais gardée — les nouveaux épisodes peuvent manquer.",
    "episode.numbering.tmdbOne": "TMDB numérote les épisodes de la saison {season} à sa façon : {given} lu comme le numéro TMDB.",
    "episode.numbering.tmdbMany": "TMDB numérote les épisodes de la saison {season} à sa façon : lus comme les numéros TMDB.",
    "episode.numbering.positionOne": "{given} lu comme le {given}ᵉ épisode de la saison {season} dans l'ordre, que TMDB numérote E{tmdb}.",
    "episode.numbering.positionMany": "Lus comme des places dans la liste de la saison {season}, que TMDB numérote E{first}–E{last}.",
    "episode.guessTooLong":
      "Je ne suis pas sûr de la série, et cette liste d'épisodes est trop longue pour un bouton de confirmation — choisis la série dans la liste pendant que tu tapes, ou utilise son id TMDB.",
    "episode.confirm": "Oui — {isWatched, select, true {marquer} other {démarquer}} {what}",
    "episode.confirmShow": "Oui — {isWatched, select, true {marquer} other {démarquer}} tous les épisodes",
    "episode.confirmSeason": "Oui — {isWatched, select, true {marquer} other {démarquer}} la saison {season}",
    "episode.showFallbackName": "Série {tmdbId}",

    "reaction.loved": "Adoré",

    "reaction.liked": "Aimé",

    "reaction.mixed": "Mitigé",

    "reaction.not-for-me": "Pas pour moi",

    "watch.added": "🔖 {title} est ajouté à ta liste.",

    "watch.alreadyAdded": "{title} est déjà dans ta liste.",

    "watch.removed": "{title} est retiré de ta liste.{kept, select, true { Ta progression et ta réaction sont conservées.} other {}}",

    "watch.notOnList": "{title} n’était pas dans ta liste — rien n’a changé.",

    "watch.statusSet": "{status} — {title}{progress, select, none {} other { ({progress} %)}}",

    "watch.statusUnchanged": "Rien n’a changé — {title} était déjà en statut {status}.",

    "watch.reactionSet": "{reaction} — {title}",

    "watch.reactionUnchanged": "Rien n’a changé — ta réaction à {title} était déjà {reaction}.",

    "watch.notReacted": "Tu n’avais pas réagi à {title} — rien n’a changé.",

    "watch.reactionCleared": "Ta réaction à {title} est effacée.",

    "watch.share.notTrue": "Ce n’est plus vrai, il n’y a donc rien à partager.",

    "watch.share.repeat": "Tu as déjà partagé {title} dans ce salon aujourd’hui — tu pourras le repartager ici {when}.",

    "watch.share.busy":
      "Ce salon a eu {cap, plural, one {# partage} many {# partages} other {# partages}} dans la dernière heure, mon maximum — réessaie {when}.",

    "watch.share.finished": "🎉 {who} a terminé {title} !",

    "watch.share.loved": "❤️ {who} a adoré {title}.",

    "watch.shared": "📣 Partagé avec le salon.",

    "watch.shareOnlyInServer": "Le partage marche dans un salon de serveur, pas en MP.",

    "watch.state.untracked": "Statut : pas encore suivi\nListe : pas dedans — `/suivi ajouter` l’y met",

    "watch.state.status": "Statut : {status}",

    "watch.state.noStatus": "aucun",

    "watch.state.onWatchlist": "Liste : 📌 dans ta liste",

    "watch.state.offWatchlist": "Liste : pas dedans — `/suivi ajouter` l’y met",

    "watch.state.reaction": "Réaction : {reaction}",

    "watch.field.you": "Toi",

    "watch.field.episodes": "Épisodes",

    "watch.jobRunning": "Une grosse modification d’épisodes est encore en cours.",

    "watch.noOverview": "Pas de résumé sur TMDB.",

    "watch.button.add": "Ajouter à ma liste",

    "watch.button.remove": "Retirer de ma liste",

    "watch.button.shareFinished": "Partager : terminé",

    "watch.button.shareLoved": "Partager : adoré",

    "watch.button.suggest": "Proposer pour la soirée film",

    "watch.menu.placeholder": "Réagir…",

    "watch.menu.yourReaction": "Ta réaction : {reaction}",

    "watch.menu.clear": "Effacer la réaction",

    "watch.confirm.add": "Oui — l’ajouter à ma liste",

    "watch.confirm.remove": "Oui — la retirer de ma liste",

    "watch.confirm.info": "Oui — l’afficher",

    "watch.confirm.status": "Oui — définir mon statut",

    "watch.confirm.react": "Oui — enregistrer ma réaction",

    "watch.botsNoList": "Les bots n’ont pas de liste.",

    "watch.visible": "👀 Ta liste est maintenant visible : les autres peuvent la voir avec `/suivi liste membre:@toi`.",

    "watch.private": "🔒 Ta liste est maintenant privée.",

    "watch.list.unavailable":
      "Cette liste n’est pas disponible. La liste de quelqu’un n’est visible qu’une fois qu’il a suivi quelque chose et l’a rendue visible avec `/suivi confidentialité`.",

    "watch.list.onlyInTheirServer": "Tu ne peux voir la liste de quelqu’un que dans un salon d’un serveur où il se trouve.",

    "watch.list.yours": "Ta liste",

    "watch.list.yoursAll": "Tout ce que tu suis",

    "watch.list.theirs": "La liste de {owner}",

    "watch.list.theirsUnnamed": "Sa liste",

    "watch.list.theirsAll": "Tout ce que {owner} suit",

    "watch.list.theirsAllUnnamed": "Tout ce qu’il ou elle suit",

    "watch.list.movies": "Films",

    "watch.list.onWatchlist": "📌 dans la liste",

    "watch.list.noMore": "Plus de titres.",

    "watch.list.noMatch": "Aucun titre pour {filters}.",

    "watch.list.emptyWatchlist":
      "Ta liste est vide — ajoute quelque chose avec `/suivi ajouter`. Les titres que tu suis sans les avoir ajoutés sont dans `/suivi liste portée:all`.",

    "watch.list.emptyAll": "Rien ici pour l’instant — ajoute quelque chose avec `/suivi ajouter`, ou marque un épisode avec `/épisode`.",

    "watch.list.footer": "Page {page} · les plus récents d’abord",

    "watch.list.button.first": "« Début",

    "watch.list.button.next": "Suivant ›",

    "undo.offWatchlist": "{title} n’est de nouveau plus dans ta liste",

    "undo.untracked": "{title} n’est de nouveau plus suivi",

    "undo.backOnWatchlist": "{title} est de retour dans ta liste",

    "undo.noStatus": "{title} n’a de nouveau plus de statut",

    "undo.statusBack": "{title} est de nouveau en statut {status}",

    "undo.noReaction": "tu n’as de nouveau plus de réaction à {title}",

    "undo.reactionBack":
      "ta réaction à {title} est de nouveau « {reaction, select, loved {Adoré} liked {Aimé} mixed {Mitigé} other {Pas pour moi}} »",

    "undo.asItWas": "{title} est comme avant",

    "undo.theTitle": "le titre",

    "episodeSpec.how": "Utilise un nombre comme `3`, une plage comme `1-5`, une liste comme `1,3,5`, ou `all`.",

    "episodeSpec.tooLong": "Cette liste d’épisodes est trop longue.",

    "episodeSpec.which": "Quel épisode ?",

    "episodeSpec.space": "{quoted} contient une espace au milieu d’un nombre.",

    "episodeSpec.notEpisode": "{quoted} n’est pas un épisode.",

    "episodeSpec.backwards": "La plage {from}-{to} est à l’envers — essaie {to}-{from}.",

    "episodeSpec.tooMany": "Ça fait plus de {max, number} épisodes d’un coup — utilise `/marquer saison` ou `/marquer série`.",

    "episodeSpec.otherSeason":
      "{quoted} est dans la saison {written}, mais la commande indique la saison {season} — donne la saison dans sa propre option.",

    "episodeSpec.twoSeasons": "{quoted} cite les saisons {first} et {second} — une seule saison à la fois.",

    "episodeSpec.outOfRange": "L’épisode {episode} est hors limites — les numéros vont jusqu’à {max, number}.",

    "episodeSpec.fromOne": "Les épisodes sont numérotés à partir de 1.",

    "titles.which": "Dis-moi quel titre — commence à taper un nom et choisis-le dans la liste.",

    "titles.idSpace": "{shown} contient une espace au milieu d’un nombre — un id TMDB ne s’écrit qu’avec des chiffres, comme 1399.",

    "titles.notId": "{shown} n’est pas un id TMDB — les ids sont des entiers positifs, comme 1399.",

    "titles.idRange": "{shown} est hors limites — les ids TMDB vont de 1 à {max, number}.",

    "titles.notFound":
      "Je n’ai trouvé {kind, select, tv {aucune série} movie {aucun film} other {aucun titre}} correspondant à {query} sur TMDB.",

    "titles.noSuchId": "TMDB n’a {kind, select, tv {aucune série} movie {aucun film} other {ni film ni série}} avec l’id {tmdbId}.",

    "titles.idIsMovie": "L’id TMDB {tmdbId} est le film {title}, qui n’a pas d’épisodes. Pour les films, utilise `/suivi statut`.",

    "titles.isAMovie": "{title} est un film, il n’a donc pas d’épisodes. Suis-le avec `/suivi statut`.",

    "help.title": "Film Fanatic — suis tes films et séries depuis Discord",
    "help.description": "Lie ton compte web Film Fanatic avec `/lier` : tout ce que tu suis ici apparaît sur le site, et inversement.",
    "help.footer": "Titres et données : TMDB",
    "help.episodes.name": "📺 Épisodes",
    "help.episodes.value":
      "`/épisode 1399 1 3` — marquer *Game of Thrones* S1E3 comme vu (série par nom ou id TMDB)\n`/épisode série saison épisode:1-5` — une plage ; `épisode:all` — toute la saison\n`/épisode … vu:False` — démarquer\n`/marquer saison` · `/marquer série` — une saison entière ou tous les épisodes d'un coup\n`/à-venir épisodes` — ce qui sort bientôt dans les séries que tu suis, jour par jour dans ton fuseau · `/à-venir calendrier` — un lien de calendrier privé",
    "help.list.name": "🎬 Ta liste",
    "help.list.value":
      "`/suivi ajouter` — ajouter un film ou une série à ta liste\n`/suivi statut` — à voir, en cours, terminé ou abandonné (progression en % facultative)\n`/suivi réagir` — adoré, aimé, mitigé, pas pour moi (ou effacer)\n`/suivi infos` — affiche, résumé, ton statut et ta progression\n`/suivi liste` — ta liste ; `statut:` ou `portée:` pour tout ce que tu suis, `membre:` pour celle d'un ami (sur un serveur commun)\n`/suivi retirer` — sortir de la liste (progression et réactions conservées)\n`/suivi confidentialité` — laisser les autres voir ta liste",
    "help.parties.name": "🍿 Soirées (sur un serveur)",
    "help.parties.value":
      "`/soirée lancer série` — regarder une série ensemble ; un tableau en direct montre la progression de chacun · `/soirée lancer film` — une soirée film : où le voir, qui vient, qui était là\n`/soirée rejoindre` · `/soirée quitter` · `/soirée statut` — ou **Rejoindre** sur le tableau\n`/soirée vu épisode:5-6` — « tu étais là ? » : marqué pour toi, et pour chaque personne qui clique **J'étais là**\n`/soirée programmer quand:\"friday 21:00\"` — une séance dans ton fuseau horaire ; Partant / Peut-être / Pas dispo, un ping avant · `/soirée sondage` pour voter sur le soir · `/soirée fils mode:oui` — un fil par séance pour discuter\n`/soirée hôte membre:` · `/soirée retirer membre:` · `/soirée renommer nom:` — passer la main, retirer quelqu'un, renommer (avec confirmation quand ça compte)\n`/soirée terminer` · `/soirée liste`",
    "help.serverList.name": "🎞️ La liste du serveur (sur un serveur)",
    "help.serverList.value":
      "`/liste ajouter titre` — proposer un film ou une série pour la soirée film (ou **Proposer pour la soirée film** sur une fiche) · `/liste depuis-liste liste:` — depuis une de tes listes\n`/liste afficher` — qui a proposé quoi, combien l'ont vu, durées · `/liste retirer titre`\n`/liste tirer jamais-vu:True` — un tirage au sort, plus probable si peu l'ont vu · `/liste sondage` — voter parmi jusqu'à 10 titres\n`/liste verrouiller` · `/liste déverrouiller` — réservé à « Gérer le serveur »",
    "help.reminders.name": "🔔 Rappels",
    "help.reminders.value":
      "Bloqué sur une série, ou un nouvel épisode sorti ? Je t'écris en MP, une fois par jour au plus.\n`/rappels désactiver` · `/rappels activer` — tous les rappels et alertes de nouveaux épisodes\n`/rappels série titre actif:False` — les couper (ou les remettre) pour une série\n`/rappels réglages jours:7 silence:22:00-08:00 fuseau:Europe/Paris` — la fréquence, et des heures calmes dans ton fuseau",
    "help.stats.name": "📊 Stats",
    "help.stats.value":
      "`/stats voir` — épisodes, heures, films, séries d’affilée, les plus vus · `membre:` quelqu’un qui les partage ici · `année:2026`\n`/stats partager mode:oui` — partager les tiennes sur ce serveur · `/stats serveur` — son classement · `/stats bilan` — ton année en image",
    "help.account.name": "🔗 Ton compte",
    "help.account.value":
      "`/lier` — connecter ton compte web Film Fanatic pour partager une seule bibliothèque (se connecter là-bas avec Discord le fait pour toi)\n`/délier` — le déconnecter ; le compte web garde tout\n`/compte` — ce qui est enregistré ; l'exporter ou le supprimer\n`/importer fichier` — récupérer ton historique de TV Time, Trakt, Letterboxd, IMDb ou d’un export Film Fanatic (avec un aperçu d’abord) ; `/importer annuler` le reprend dans les 24 heures",
    "help.tips.name": "💡 Astuces",
    "help.tips.value":
      "Les réponses qui te concernent ne sont visibles que par toi ; sur un serveur, **Partager** publie une série terminée ou un titre adoré (une fois par jour par titre et par salon).\nTu as tapé un nom au lieu de le choisir dans la liste ? Je demande « Tu voulais dire… ? » avant de changer quoi que ce soit.\nÇa marche aussi en MP : installe l'appli sur ton compte et utilise `/épisode` partout.\nMarquer des épisodes (`/épisode`, `/marquer`) et modifier ta liste (`/suivi ajouter`, `retirer`, `statut`, `réagir`) s'accompagne d'un bouton **Annuler** pendant cinq minutes.",
  },
  commands: {
    help: ["aide", "Ce que Film Fanatic sait faire, avec des exemples"],
    ep: ["épisode", "Marquer un épisode (ou une plage) comme vu"],
    "ep.show": show,
    "ep.season": ["saison", "Numéro de saison"],
    "ep.episode": ["épisode", "Épisode : 3, une plage 1-5, une liste 1,3,5, ou all"],
    "ep.watched": ["vu", "False pour démarquer (par défaut : True)"],
    mark: ["marquer", "Marquer une saison entière ou une série entière d'un coup"],
    "mark.season": ["saison", "Marquer chaque épisode d'une saison"],
    "mark.season.show": ["série", "La série : son nom ou un id TMDB"],
    "mark.season.season": ["saison", "Numéro de saison"],
    "mark.season.watched": ["vu", "False pour démarquer la saison (par défaut : True)"],
    "mark.show": ["série", "Marquer chaque épisode d'une série"],
    "mark.show.show": ["série", "La série : son nom ou un id TMDB"],
    "mark.show.watched": ["vu", "False pour démarquer tous les épisodes (par défaut : True)"],
    watch: ["suivi", "Ta liste : ajouter, suivre, réagir, consulter"],
    "watch.add": ["ajouter", "Ajouter un film ou une série à ta liste"],
    ...titleOptions("add"),
    "watch.remove": ["retirer", "Retirer un titre de ta liste (la progression est conservée)"],
    ...titleOptions("remove"),
    "watch.status": ["statut", "À voir, en cours, terminé ou abandonné"],
    ...titleOptions("status"),
    "watch.status.status": ["statut", "Où tu en es"],
    ...choices("watch.status.status", statuses),
    "watch.status.progress": ["progression", "Où tu en es, 0–100 %"],
    "watch.react": ["réagir", "Dis ce que tu en as pensé"],
    ...titleOptions("react"),
    "watch.react.reaction": ["réaction", "Ta réaction"],
    ...choices("watch.react.reaction", {
      loved: "❤️ Adoré",
      liked: "👍 Aimé",
      mixed: "😐 Mitigé",
      "not-for-me": "👎 Pas pour moi",
      clear: "Effacer ma réaction",
    }),
    "watch.info": ["infos", "Affiche, résumé, et où tu en es"],
    ...titleOptions("info"),
    "watch.list": ["liste", "Tes titres (ou ceux d'un ami), les plus récents d'abord"],
    "watch.list.status": ["statut", "Seulement ce statut"],
    ...choices("watch.list.status", statuses),
    "watch.list.type": ["type", "Seulement les films ou seulement les séries"],
    ...choices("watch.list.type", { movie: "Films", tv: "Séries" }),
    "watch.list.user": ["membre", "La liste de quelqu'un d'autre (s'il la partage ; sur un serveur où il est)"],
    "watch.list.scope": ["portée", "La liste (par défaut), ou tout ce que tu suis (par défaut avec un filtre de statut)"],
    ...choices("watch.list.scope", { watchlist: "Liste", all: "Tout ce que je suis" }),
    "watch.privacy": ["confidentialité", "Choisir si les autres peuvent voir ta liste"],
    "watch.privacy.visible": ["visible", "True : toute personne sur un serveur avec toi peut la voir"],
    party: ["soirée", "Regarder une série ensemble, avec un tableau de progression en direct dans le salon"],
    "party.start": ["lancer", "Lancer une soirée série, ou une soirée film ; tu en es l'hôte"],
    "party.start.show": show,
    "party.start.title": ["film", "Ou un film, pour une soirée film : tape son nom, ou movie:<id TMDB>"],
    "party.start.season": ["saison", "Seulement cette saison (par défaut : toute la série)"],
    "party.start.channel": ["salon", "Où va le tableau (par défaut : ici)"],
    "party.start.name": ["nom", "Un nom pour la soirée"],
    "party.join": ["rejoindre", "Rejoindre une soirée ; ta progression s'affiche sur son tableau"],
    "party.join.party": party,
    "party.leave": ["quitter", "Quitter une soirée"],
    "party.leave.party": party,
    "party.status": ["statut", "Une copie privée du tableau, avec ta ligne en évidence"],
    "party.status.party": party,
    "party.watched": ["vu", "Dire quels épisodes vous avez vus ensemble : marqués pour toi, les autres confirment d'un clic"],
    "party.watched.episode": ["épisode", "Épisode : 3, une plage 1-5, ou une liste 1,3,5"],
    "party.watched.season": ["saison", "Numéro de saison (par défaut : celle de la soirée, ou 1)"],
    "party.watched.party": party,
    "party.end": ["terminer", "Terminer une soirée (l'hôte, ou qui peut gérer le serveur)"],
    "party.end.party": party,
    "party.host": ["hôte", "Confier la soirée à un de ses membres (l'hôte, ou qui peut gérer le serveur)"],
    "party.host.member": ["membre", "Le membre qui en devient l'hôte"],
    "party.host.party": party,
    "party.remove": ["retirer", "Retirer un membre d'une soirée (l'hôte, ou qui peut gérer le serveur)"],
    "party.remove.member": ["membre", "Qui retirer (sa propre progression est conservée)"],
    "party.remove.party": party,
    "party.rename": ["renommer", "Renommer une soirée (l'hôte, ou qui peut gérer le serveur)"],
    "party.rename.name": ["nom", "Le nouveau nom de la soirée"],
    "party.rename.party": party,
    "party.threads": ["fils", "Un fil par séance pour discuter, ouvert au début (l'hôte, ou qui peut gérer le serveur)"],
    "party.threads.set": ["mode", "Oui : chaque début de séance a son fil ; non : pas de fils"],
    ...choices("party.threads.set", { on: "oui", off: "non" }),
    "party.threads.party": party,
    "party.list": ["liste", "Les soirées en cours sur ce serveur"],
    "party.schedule": ["programmer", "Programmer la prochaine séance (ou l'annuler) ; chacun la voit dans son fuseau"],
    "party.schedule.when": ["quand", 'Quand, en anglais ou en date : "friday 21:00", "in 2h", "2026-12-04 20:30"'],
    "party.schedule.repeat": ["répéter", "Chaque semaine à la même heure, ou juste cette fois"],
    ...choices("party.schedule.repeat", { weekly: "chaque semaine", once: "une fois" }),
    "party.schedule.cancel": ["annuler", "Annuler plutôt la séance prévue"],
    "party.schedule.remind": ["rappel", "Minutes avant la séance pour le rappel (par défaut 15 ; 0 pour aucun)"],
    "party.schedule.zone": zone,
    "party.schedule.party": party,
    "party.poll": ["sondage", "Voter pour le moment : jusqu'à 10 horaires proposés ; l'hôte confirme le gagnant"],
    "party.poll.times": ["horaires", 'Horaires séparés par ";", ex. "friday 21:00; saturday 20:00"'],
    "party.poll.hours": ["heures", "Combien de temps le sondage reste ouvert (par défaut 24)"],
    "party.poll.zone": zone,
    "party.poll.party": party,
    list: ["liste", "La liste du serveur pour les soirées film : proposer, afficher, tirer ou voter"],
    "list.add": ["ajouter", "Proposer un film ou une série pour les soirées film du serveur"],
    "list.add.title": title,
    "list.remove": ["retirer", "Retirer un titre de la liste du serveur (les tiens ; tout avec Gérer le serveur)"],
    "list.remove.title": ["titre", "Un titre de la liste du serveur"],
    "list.show": ["afficher", "La liste du serveur : qui a proposé quoi, combien l'ont vu, durées"],
    "list.show.page": ["page", "Quelle page"],
    "list.show.sort": ["tri", "L'ordre (par défaut : ordre des propositions)"],
    ...choices("list.show.sort", { added: "ajout", votes: "votes", random: "au hasard" }),
    "list.pick": ["tirer", "Tirer un titre au sort, plus probable si peu de membres l'ont vu"],
    "list.pick.unseen": ["jamais-vu", "Jamais un titre que tous les membres ici ont vu"],
    "list.poll": ["sondage", "Un sondage sur des titres de la liste, les moins vus d'abord ; le gagnant est publié à la fin"],
    "list.poll.count": ["nombre", "Combien de titres (2–10, par défaut 10)"],
    "list.poll.hours": ["heures", "Combien de temps il reste ouvert (par défaut 24, jusqu'à 168 : 7 jours)"],
    "list.add-from": ["depuis-liste", "Proposer les titres d'une de tes listes (créée dans l'appli web)"],
    "list.add-from.list": ["liste", "Une de tes listes"],
    "list.lock": ["verrouiller", "Verrouiller la liste : seul Gérer le serveur peut ajouter ou retirer"],
    "list.unlock": ["déverrouiller", "Déverrouiller la liste (Gérer le serveur)"],
    link: ["lier", "Lier ton compte web Film Fanatic, pour que Discord et le site partagent une bibliothèque"],
    unlink: ["délier", "Délier ton compte web Film Fanatic (il garde ses données)"],
    account: ["compte", "Ton compte lié, ce que Film Fanatic garde sur toi, l'exporter ou le supprimer"],
    remind: ["rappels", "Rappels en MP pour les séries en pause, et les nouveaux épisodes des séries à jour"],
    "remind.on": ["activer", "Activer les rappels"],
    "remind.off": ["désactiver", "Désactiver tous les rappels"],
    "remind.settings": ["réglages", "Quand une série est considérée en pause, heures calmes et ton fuseau"],
    "remind.settings.days": ["jours", "Jours sans marquage avant que je te le rappelle (1-60, par défaut 7)"],
    "remind.settings.quiet": ["silence", 'Pas de MP pendant ces heures, ex. "22:00-08:00" (ou "off")'],
    "remind.settings.timezone": ["fuseau", "Ton fuseau horaire, ex. Europe/Paris"],
    "remind.show": ["série", "Activer ou couper les rappels pour une série"],
    "remind.show.title": show,
    "remind.show.enabled": ["actif", "M'en rappeler (True) ou non (False)"],
  },
};
