// Français : /importer (/import).
import type { Area } from "../en.ts";

export const imports: Area<"imports"> = {
  messages: {
    "imports.download.failed": "Je n’ai pas pu télécharger ce fichier depuis Discord — envoie-le à nouveau, s’il te plaît.",
    "imports.download.tooSlow": "Le téléchargement de ce fichier a pris trop de temps — réessaie.",
    "imports.download.tooLarge": "Ce fichier dépasse {max} — trop gros pour être importé.",
    "imports.file.tooLarge": "Ce fichier fait {size} ; un fichier d’import peut faire au plus {max}. Rien n’a été importé.",
    "imports.file.notOnCdn": "Ce fichier n’est pas sur le CDN de Discord, donc je ne le télécharge pas. Rien n’a été importé.",
    "imports.file.refused": "{reason} Rien n’a été importé.",
    "imports.accepted":
      "un export TV Time (ZIP), un export Trakt (ZIP ou JSON), un export Letterboxd (ZIP ou CSV), un CSV IMDb de notes ou de liste, ou un export Film Fanatic (JSON, ou .json.gz)",
    "imports.refused.tooLarge":
      "Ce fichier fait {size}, plus que les {max} qu’un import peut lire. Zippe-le, ou joins seulement les parties utiles.",
    "imports.refused.empty": "Ce fichier est vide, il n’y a donc rien à importer.",
    "imports.refused.unknown": "Je ne reconnais pas ce type d’export, donc rien n’a été lu. Acceptés : {accepted}.",
    "imports.refused.source": "Je ne sais pas lire les exports « {source} ». Acceptés : {accepted}.",
    "imports.refused.tooManyRows":
      "Ce fichier a plus de {max, number} lignes, donc il n’a pas été lu. Découpe-le, ou joins seulement les parties utiles (pour TV Time : followed_tv_show.csv et seen_episode.csv).",
    "imports.refused.wideRow":
      "La ligne {row, number} de ce fichier a plus de {max, number} colonnes — aucun export n’en a autant —, donc il n’a pas été lu.",
    "imports.refused.longCell":
      "La ligne {row, number} de ce fichier a une cellule de plus de {max, number} caractères, donc il n’a pas été lu.",
    "imports.refused.jsonTooLarge":
      "{name} fait {size}, plus de JSON qu’un fichier d’export n’en contient (au plus {max}), donc il n’a pas été lu.",
    "imports.refused.tooSlow":
      "La lecture de ce fichier a pris trop de temps ou de mémoire, donc il n’a pas été lu. Joins seulement les parties utiles.",
    "imports.refused.busy": "⏳ Plusieurs imports sont en cours de lecture — réessaie dans une minute.",
    "imports.refused.notUtf8":
      "{name} n’est pas du texte UTF-8, donc il n’a pas été lu (un tableur l’a peut-être enregistré dans un autre encodage). Exporte-le à nouveau, ou enregistre-le en « CSV UTF-8 », et joins celui-là.",
    "imports.refused.badJson":
      "{name} n’est pas du JSON valide (il est peut-être tronqué), donc il n’a pas été lu. Exporte-le à nouveau et joins le nouveau fichier.",
    "imports.refused.notGzip": "{name} n’est pas un fichier gzip lisible, donc il n’a pas été lu.",
    "imports.refused.gzipExpands": "{name} dépasse {max} une fois décompressé, donc il n’a pas été lu.",
    "imports.refused.nested": "Ce fichier contient une autre archive, donc il n’a pas été lu. Joins l’export lui-même.",
    "imports.refused.damagedArchive":
      "L’archive est abîmée (ses données compressées sont illisibles), donc elle n’a pas été lue. Exporte-la à nouveau.",
    "imports.refused.notImdb": "Ce n’est pas un export IMDb (les CSV d’IMDb ont des colonnes Const et Title Type). Acceptés : {accepted}.",
    "imports.refused.notImdbFile": "{name} n’est pas un export IMDb (il n’a pas de colonnes Const et Title Type), donc il n’a pas été lu.",
    "imports.refused.notTrakt":
      "Ce n’est pas un export Trakt (aucun fichier watched, watchlist, ratings ou history). Acceptés : {accepted}.",
    "imports.refused.notFilmFanatic":
      "Ce n’est pas un export Film Fanatic (l’export de `/compte` ou celui de la liste sur le site). Acceptés : {accepted}.",
    "imports.refused.letterboxdName":
      "{name} est une liste de films Letterboxd, mais son nom ne dit pas si ce sont tes films vus ou ta watchlist. Garde le nom de l’export (watched.csv ou watchlist.csv) et joins-le à nouveau.",
    "imports.refused.letterboxdEmpty":
      "Cet export Letterboxd ne contient ni watched.csv, ni diary.csv, ni ratings.csv, ni watchlist.csv, il n’y a donc rien à importer.",
    "imports.refused.tvtimeEmpty":
      "Cet export TV Time ne contient ni followed_tv_show.csv, ni seen_episode.csv, ni tracking-prod-records.csv, il n’y a donc rien à importer.",
    "imports.refused.zipEmpty": "Ce ZIP ne contient aucun fichier CSV ou JSON, il n’y a donc rien à importer. Acceptés : {accepted}.",
    "imports.refused.zipDamaged": "Ce ZIP est abîmé ou incomplet, donc il n’a pas été lu. Télécharge à nouveau l’export et joins-le.",
    "imports.refused.zip64Far":
      "Ce ZIP utilise le format ZIP64, dont seuls des fichiers bien au-delà de la limite de {max} ont besoin, donc il n’a pas été lu.",
    "imports.refused.zip64": "Ce ZIP utilise le format ZIP64, dont seuls de très gros fichiers ont besoin, donc il n’a pas été lu.",
    "imports.refused.zipCount":
      "Ce ZIP contient {count, number} fichiers (plus de {max, number}), donc il n’a pas été lu. Joins l’export tel que tu l’as téléchargé.",
    "imports.refused.zipPassword":
      "Ce ZIP est protégé par un mot de passe, donc il ne peut pas être lu. Décompresse-le avec son mot de passe (TV Time l’a envoyé dans un e-mail à part), puis joins les fichiers CSV rezippés sans mot de passe.",
    "imports.refused.zipNested": "Ce ZIP contient une autre archive ({name}), donc il n’a pas été lu. Joins l’export lui-même.",
    "imports.refused.zipExpands": "Ce ZIP dépasse {max} une fois décompressé, donc il n’a pas été lu.",
    "imports.refused.zipBomb": "{name} dans ce ZIP est bien plus compressé qu’aucun export (une « zip bomb »), donc il n’a pas été lu.",
    "imports.refused.zipLie": "{name} dans ce ZIP est plus gros que ce que le ZIP annonce (une « zip bomb »), donc il n’a pas été lu.",
    "imports.refused.zipMethod":
      "{name} dans ce ZIP est compressé d’une façon que les exports n’utilisent pas, donc il n’a pas été lu. Rezippe les fichiers avec l’outil intégré de ton ordinateur.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# titre} many {# titres} other {# titres}} sans correspondance — corrige-les ou ajoute-les à la main.",
    "imports.unmatchedFileCut":
      "📄 Les {shown, number} premiers des {count, number} titres sans correspondance — corrige-les ou ajoute-les à la main.",
    "imports.title": "Import depuis {source}",
    "imports.staging": "📥 Lecture de {file}…",
    "imports.matching": "🔎 Recherche de {titles, plural, one {# titre} many {# titres} other {# titres}} de {file} sur TMDB…",
    "imports.applying": "⏳ Import dans ta bibliothèque…",
    "imports.done.nothing": "✅ {file} importé : 0 changement — ta bibliothèque avait déjà tout.",
    "imports.done.changed":
      "✅ {file} importé : {changes, plural, one {# titre modifié} many {# titres modifiés} other {# titres modifiés}} dans ta bibliothèque.",
    "imports.done.until": "Tu peux l’annuler jusqu’au {when}.",
    "imports.done.next": "`/suivi liste` les affiche ; `/importer annuler` reprend tout.",
    "imports.undoing": "↩️ Annulation de l’import…",
    "imports.undone": "↩️ Annulé : ta bibliothèque est comme avant l’import de {file}.",
    "imports.undone.kept":
      "{kept, plural, one {# titre que tu as modifié ici depuis garde} many {# titres que tu as modifiés ici depuis gardent} other {# titres que tu as modifiés ici depuis gardent}} ta modification.",
    "imports.cancelled": "Annulé — rien de {file} n’a été importé.",
    "imports.failed": "❌ {error} Rien de plus n’a été importé.",
    "imports.failed.stopped": "L’import s’est arrêté avant la fin.",
    "imports.run.busy": "⏳ Un de tes imports est déjà en cours — un à la fois, s’il te plaît.",
    "imports.run.busyUndoing": "⏳ Ton dernier import est en cours d’annulation — réessaie quand ce sera fini.",
    "imports.run.gone": "Cet import n’existe plus — relance `/importer`.",
    "imports.run.tooManyTitles": "Ce fichier a plus de {max, number} titres — plus qu’un import ne peut en prendre.",
    "imports.run.tooManyEpisodes": "Ce fichier a plus de {max, number} épisodes — plus qu’un import ne peut en prendre.",
    "imports.run.applied": "Cet import a déjà été appliqué — annule-le plutôt.",
    "imports.run.notChoosing": "Cet import n’attend plus tes choix.",
    "imports.run.answered": "Tu as déjà choisi pour ce titre.",
    "imports.run.notOffered": "Ce n’est pas un des titres proposés.",
    "imports.run.applying": "Cet import est déjà en cours d’application.",
    "imports.run.notWaiting": "Cet import n’attend plus d’être appliqué.",
    "imports.run.noUndo": "Tu n’as aucun import à annuler.",
    "imports.run.undoing": "Cet import est déjà en cours d’annulation.",
    "imports.run.undone": "Cet import a déjà été annulé.",
    "imports.run.notApplied": "Cet import n’a pas été appliqué, il n’y a donc rien à annuler.",
    "imports.run.tooOld": "Un import peut être annulé pendant 24 heures — celui-ci est plus ancien.",
    "imports.preview.matched":
      "Dans {file}, reconnus : **{shows, plural, one {# série} many {# séries} other {# séries}}** ({episodes, plural, one {# épisode} many {# épisodes} other {# épisodes}}), **{movies, plural, one {# film} many {# films} other {# films}}**, {watchlist, number} dans ta liste, {ratings, plural, one {# note} many {# notes} other {# notes}}.",
    "imports.preview.ambiguous": "❓ **{count, number} ambigus** — choisis ci-dessous (sans choix, ils sont ignorés).",
    "imports.preview.skipped": "⏭️ {count, number} ignorés.",
    "imports.preview.unmatched": "⚠️ **{count, number} sans correspondance** (non importés) :",
    "imports.preview.more": "…et {count, number} de plus (tous dans le CSV).",
    "imports.preview.unreadable":
      "{count, plural, one {# ligne du fichier n’a pas pu être lue} many {# lignes du fichier n’ont pas pu être lues} other {# lignes du fichier n’ont pas pu être lues}}.",
    "imports.preview.nothingYet": "Rien n’est écrit dans ta bibliothèque tant que tu n’appuies pas sur **Importer**.",
    "imports.preview.page": "Titres ambigus : page {page, number} sur {pages, number}",
    "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title} — lequel ?",
    "imports.menu.skip": "Ignorer",
    "imports.button.import": "Importer",
    "imports.button.cancel": "Annuler",
    "imports.button.unmatched": "Sans correspondance (CSV)",
    "imports.button.previous": "◀ Précédent",
    "imports.button.next": "Suivant ▶",
    "imports.button.undo": "Annuler cet import",
    "imports.howTo.title": "Importer ton historique",
    "imports.howTo.description":
      "Utilise `/importer fichier` et joins ton export :\n• **Film Fanatic** — le JSON du bouton *{exportButton}* de `/compte` (ou l’export du site)\n• **TV Time** — le ZIP de ta demande de données TV Time\n• **Trakt** — l’export JSON (Settings → Data)\n• **Letterboxd** — le ZIP ou les CSV de Settings → Data\n• **IMDb** — le CSV de tes notes ou de ta watchlist\nTu vois d’abord un aperçu ; rien n’est écrit avant que tu appuies sur **Importer**, et `/importer annuler` reprend un import pendant 24 heures.",
  },
  commands: {
    import: ["importer", "Récupérer ton historique d’un autre service (ou d’un export Film Fanatic)"],
    "import.file": ["fichier", "Importer un fichier d’export : un aperçu d’abord, rien n’est écrit avant « Importer »"],
    "import.file.file": ["fichier", "Le fichier d’export (JSON, CSV ou ZIP)"],
    "import.file.source": ["source", "D’où il vient (reconnu d’après le fichier si tu ne le dis pas)"],
    "import.file.source.choice.filmfanatic": "Export Film Fanatic",
    "import.file.source.choice.tvtime": "TV Time",
    "import.file.source.choice.trakt": "Trakt",
    "import.file.source.choice.letterboxd": "Letterboxd",
    "import.file.source.choice.imdb": "IMDb",
    "import.undo": ["annuler", "Annuler ton dernier import en entier (dans les 24 heures)"],
  },
};
