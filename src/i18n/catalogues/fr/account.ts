// Français : /lier, /délier et /compte (/link, /unlink, /account).
import type { Area } from "../en.ts";

export const account: Area<"account"> = {
  messages: {
    "account.link.title": "Lier ton compte Film Fanatic",
    "account.link.description":
      "Ouvre la page de liaison, connecte-toi à Film Fanatic et confirme. Ce que tu as suivi ici rejoint ta bibliothèque web (quand les deux ont un titre, la modification la plus récente l’emporte ; les épisodes vus sont réunis).\n\nLe bouton ne marche qu’une fois et expire {expires}. Il n’est que pour toi : ne le partage pas.\nSur la page, ton code est `{code}`.",
    "account.link.already": "Tu es lié à **{name}** pour l’instant ; lier un autre compte change la liaison (on te demandera d’abord).",
    "account.link.button.open": "Ouvrir la page de liaison",
    "account.unlink.notLinked": "Tu n’es lié à aucun compte Film Fanatic. `/lier` en lie un.",
    "account.unlink.question":
      "Délier **{name}** ? Ta bibliothèque web garde tout, mais ici sur Discord tu repars d’un profil Discord vide. `/lier` le relie plus tard.",
    "account.unlink.button.confirm": "Délier",
    "account.unlink.button.cancel": "Garder la liaison",
    "account.unlink.done":
      "**{name}** est délié. Ta bibliothèque web garde tout ; désormais, ce que tu suis ici commence un nouveau profil Discord. `/lier` le relie.",
    "account.unlink.yourAccount": "Ton compte Film Fanatic",
    "account.unlink.busy":
      "Ton historique Discord rejoint encore ta bibliothèque web. Réessaie dans une minute (`/compte` montre où ça en est).",
    "account.unlink.kept": "Toujours lié à **{name}** — rien n’a changé.",
    "account.title": "Ton compte Film Fanatic",
    "account.field.account": "Compte",
    "account.field.stored": "Enregistré",
    "account.field.merge": "Transfert de ton historique Discord",
    "account.notLinked": "Pas lié — tu as un profil Discord seul. `/lier` lie ton compte web Film Fanatic.",
    "account.linked":
      "Lié à **{name}**{oauth, select, true { (tu t’es connecté à Film Fanatic avec Discord)} other {}}. `/délier` le délie.",
    "account.stored":
      "Titres : {titles}\nÉpisodes vus : {episodes, number}\nListes perso : {lists, number}\nRappels : {reminders, plural, one {# série} many {# séries} other {# séries}}\nWatch parties : {parties, number}",
    "account.atLeast": "{count, number}+",
    "account.button.export": "Exporter mes données",
    "account.button.letterboxd": "CSV Letterboxd",
    "account.button.trakt": "JSON Trakt",
    "account.button.import": "Importer",
    "account.button.delete": "Supprimer mes données Discord…",
    "account.button.resume": "Reprendre le transfert",
    "account.delete.title": "Supprimer tes données Discord ?",
    "account.delete.description":
      "Cela supprime ton compte Discord chez nous, les codes de liaison en attente et tes participations aux watch parties — et, si tu n’es pas lié, tout ce que tu as suivi ici. Un compte web Film Fanatic lié garde sa bibliothèque (supprime-la sur le site). C’est irréversible.",
    "account.delete.button.confirm": "Oui, supprimer",
    "account.delete.button.cancel": "Garder mes données",
    "account.delete.nothing": "Rien n’était enregistré pour toi.",
    "account.delete.deleting": "🗑️ Ton compte Discord est supprimé ; ta bibliothèque Discord est supprimée en arrière-plan.",
    "account.delete.deletedAll": "🗑️ Tes données Discord et tout ce que tu as suivi ici sont supprimés.",
    "account.delete.deletedLinked": "🗑️ Tes données Discord sont supprimées. Ton compte web lié garde sa bibliothèque.",
    "account.resume.done": "Le transfert de ton historique Discord reprend ; `/compte` montre où il en est.",
    "account.resume.nothing": "Rien à reprendre.",
    "account.size.mb": "{size, number, ::.0} Mo",
    "account.size.kb": "{size, number} Ko",
    "account.export.busy": "📦 Je prépare déjà ton export — il arrive ici dès qu’il est prêt. Un export à la fois, s’il te plaît.",
    "account.export.tooLarge":
      "📦 Ton export fait {size} (même compressé, c’est plus que les {limit} que Discord laisse le bot joindre ici), il ne peut donc pas être envoyé en fichier. Le site Film Fanatic a ta bibliothèque si tu l’as lié (`/lier`).",
    "account.export.complete": "📦 Tout ce que Film Fanatic garde sur toi.",
    "account.export.partial": "📦 Ton export est très gros ; ce fichier en contient la première partie.",
    "account.export.gzip": "Compressé (gzip) pour tenir dans la limite de taille de Discord.",
    "account.exportAs.tooLarge":
      "📦 Cet export fait {size}, plus que les {limit} que Discord laisse le bot joindre ici, il ne peut donc pas être envoyé en fichier.",
    "account.exportAs.letterboxd":
      "📦 {titles, plural, one {# film} many {# films} other {# films}} au format d’import de Letterboxd : envoie le fichier des films sur letterboxd.com/import, et celui de la watchlist (s’il y en a un) sur la page d’import de ta watchlist. Seuls les films vont sur Letterboxd.",
    "account.exportAs.trakt":
      "📦 {titles, plural, one {# titre} many {# titres} other {# titres}} au format d’export de Trakt (films et épisodes vus, liste à voir, notes 10 / 7 / 5 / 2 pour adoré / aimé / mitigé / pas pour moi).",
    "account.exportAs.partial": "Ta bibliothèque est très grosse ; ceci en est la première partie.",
  },
  commands: {},
};
