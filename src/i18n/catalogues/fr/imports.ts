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
    "imports.unmatchedFile":
      "📄 {count, plural, one {# titre} many {# titres} other {# titres}} sans correspondance — corrige-les ou ajoute-les à la main.",
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
    "imports.failed.stopped": "L’import s’est arrêté.",
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
      "Utilise `/importer fichier` et joins ton export :\n• **Film Fanatic** — le JSON du bouton *Export my data* de `/compte` (ou l’export du site)\n• **TV Time** — le ZIP de ta demande de données TV Time\n• **Trakt** — l’export JSON (Settings → Data)\n• **Letterboxd** — le ZIP ou les CSV de Settings → Data\n• **IMDb** — le CSV de tes notes ou de ta watchlist\nTu vois d’abord un aperçu ; rien n’est écrit avant que tu appuies sur **Importer**, et `/importer annuler` reprend un import pendant 24 heures.",
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
