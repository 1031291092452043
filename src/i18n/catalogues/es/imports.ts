// Español: /importar (/import).
import type { Area } from "../en.ts";

export const imports: Area<"imports"> = {
  messages: {
    "imports.download.failed": "No pude descargar ese archivo de Discord — envíalo otra vez, por favor.",
    "imports.download.tooSlow": "La descarga de ese archivo tardó demasiado — inténtalo otra vez.",
    "imports.download.tooLarge": "Ese archivo pasa de {max} — demasiado grande para importarlo.",
    "imports.file.tooLarge": "Ese archivo ocupa {size}; un archivo de importación puede ocupar como mucho {max}. No se importó nada.",
    "imports.file.notOnCdn": "Ese archivo no está en la CDN de Discord, así que no lo descargo. No se importó nada.",
    "imports.file.refused": "{reason} No se importó nada.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# título} many {# títulos} other {# títulos}} sin coincidencia — corrígelos o añádelos a mano.",
    "imports.title": "Importación de {source}",
    "imports.staging": "📥 Leyendo {file}…",
    "imports.matching": "🔎 Buscando en TMDB {titles, plural, one {# título} many {# títulos} other {# títulos}} de {file}…",
    "imports.applying": "⏳ Importando a tu biblioteca…",
    "imports.done.nothing": "✅ {file} importado: 0 cambios — tu biblioteca ya lo tenía todo.",
    "imports.done.changed":
      "✅ {file} importado: {changes, plural, one {# título cambiado} many {# títulos cambiados} other {# títulos cambiados}} en tu biblioteca.",
    "imports.done.until": "Puedes deshacerlo hasta el {when}.",
    "imports.done.next": "`/mi-lista ver` los muestra; `/importar deshacer` lo revierte todo.",
    "imports.undoing": "↩️ Deshaciendo la importación…",
    "imports.undone": "↩️ Deshecho: tu biblioteca está como antes de importar {file}.",
    "imports.undone.kept":
      "{kept, plural, one {# título que cambiaste aquí desde entonces conserva} many {# títulos que cambiaste aquí desde entonces conservan} other {# títulos que cambiaste aquí desde entonces conservan}} tu cambio.",
    "imports.cancelled": "Cancelado — no se importó nada de {file}.",
    "imports.failed": "❌ {error} No se importó nada más.",
    "imports.failed.stopped": "La importación se detuvo.",
    "imports.preview.matched":
      "De {file}, reconocidos: **{shows, plural, one {# serie} many {# series} other {# series}}** ({episodes, plural, one {# episodio} many {# episodios} other {# episodios}}), **{movies, plural, one {# película} many {# películas} other {# películas}}**, {watchlist, number} en tu lista, {ratings, plural, one {# valoración} many {# valoraciones} other {# valoraciones}}.",
    "imports.preview.ambiguous": "❓ **{count, number} ambiguos** — elige abajo (los que queden sin elegir se omiten).",
    "imports.preview.skipped": "⏭️ {count, number} omitidos.",
    "imports.preview.unmatched": "⚠️ **{count, number} sin coincidencia** (no se importan):",
    "imports.preview.more": "…y {count, number} más (todos en el CSV).",
    "imports.preview.unreadable":
      "{count, plural, one {# línea del archivo no se pudo leer} many {# líneas del archivo no se pudieron leer} other {# líneas del archivo no se pudieron leer}}.",
    "imports.preview.nothingYet": "No se escribe nada en tu biblioteca hasta que pulses **Importar**.",
    "imports.preview.page": "Títulos ambiguos: página {page, number} de {pages, number}",
    "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title} — ¿cuál es?",
    "imports.menu.skip": "Omitirlo",
    "imports.button.import": "Importar",
    "imports.button.cancel": "Cancelar",
    "imports.button.unmatched": "Sin coincidencia (CSV)",
    "imports.button.previous": "◀ Anterior",
    "imports.button.next": "Siguiente ▶",
    "imports.button.undo": "Deshacer esta importación",
    "imports.howTo.title": "Importa tu historial",
    "imports.howTo.description":
      "Usa `/importar archivo` y adjunta tu exportación:\n• **Film Fanatic** — el JSON del botón *Export my data* de `/cuenta` (o la exportación de la web)\n• **TV Time** — el ZIP de tu solicitud de datos a TV Time\n• **Trakt** — la exportación JSON (Settings → Data)\n• **Letterboxd** — el ZIP o los CSV de Settings → Data\n• **IMDb** — el CSV de tus valoraciones o de tu watchlist\nPrimero ves una vista previa; no se escribe nada hasta que pulses **Importar**, y `/importar deshacer` revierte una importación durante 24 horas.",
  },
  commands: {
    import: ["importar", "Trae tu historial de otro servicio (o de una exportación de Film Fanatic)"],
    "import.file": ["archivo", "Importar un archivo: primero una vista previa; nada se escribe hasta pulsar Importar"],
    "import.file.file": ["archivo", "El archivo exportado (JSON, CSV o ZIP)"],
    "import.file.source": ["origen", "De dónde viene (si no lo indicas, lo reconozco por el archivo)"],
    "import.file.source.choice.filmfanatic": "Exportación de Film Fanatic",
    "import.file.source.choice.tvtime": "TV Time",
    "import.file.source.choice.trakt": "Trakt",
    "import.file.source.choice.letterboxd": "Letterboxd",
    "import.file.source.choice.imdb": "IMDb",
    "import.undo": ["deshacer", "Deshacer tu última importación entera (en un plazo de 24 horas)"],
  },
};
