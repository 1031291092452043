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
    "imports.accepted":
      "una exportación de TV Time (ZIP), de Trakt (ZIP o JSON), de Letterboxd (ZIP o CSV), un CSV de valoraciones o de una lista de IMDb, o una exportación de Film Fanatic (JSON, o .json.gz)",
    "imports.refused.tooLarge":
      "Ese archivo ocupa {size}, más de los {max} que puede leer una importación. Comprímelo en ZIP o adjunta solo las partes que quieras.",
    "imports.refused.empty": "Ese archivo está vacío, así que no hay nada que importar.",
    "imports.refused.unknown": "No sé qué exportación es esa, así que no leí nada. Se aceptan: {accepted}.",
    "imports.refused.source": "No sé leer exportaciones de «{source}». Se aceptan: {accepted}.",
    "imports.refused.tooManyRows":
      "Ese archivo tiene más de {max, number} filas, así que no lo leí. Divídelo o adjunta solo las partes que quieras (para TV Time: followed_tv_show.csv y seen_episode.csv).",
    "imports.refused.wideRow":
      "La fila {row, number} de ese archivo tiene más de {max, number} columnas —ninguna exportación tiene tantas—, así que no lo leí.",
    "imports.refused.longCell":
      "La fila {row, number} de ese archivo tiene una celda de más de {max, number} caracteres, así que no lo leí.",
    "imports.refused.jsonTooLarge":
      "{name} ocupa {size}, más JSON del que tiene un archivo de una exportación (como mucho {max}), así que no lo leí.",
    "imports.refused.tooSlow": "Leer ese archivo llevó demasiado tiempo o memoria, así que no lo leí. Adjunta solo las partes que quieras.",
    "imports.refused.busy": "⏳ Ahora mismo se están leyendo varias importaciones: vuelve a intentarlo en un minuto.",
    "imports.refused.notUtf8":
      "{name} no es texto UTF-8, así que no lo leí (puede que una hoja de cálculo lo guardara con otra codificación). Expórtalo otra vez, o guárdalo como «CSV UTF-8», y adjunta ese.",
    "imports.refused.badJson":
      "{name} no es un JSON válido (puede que esté cortado), así que no lo leí. Expórtalo otra vez y adjunta el archivo nuevo.",
    "imports.refused.notGzip": "{name} no es un archivo gzip legible, así que no lo leí.",
    "imports.refused.gzipExpands": "{name} ocupa más de {max} al descomprimirse, así que no lo leí.",
    "imports.refused.nested": "Ese archivo tiene otro archivo comprimido dentro, así que no lo leí. Adjunta la exportación tal cual.",
    "imports.refused.damagedArchive":
      "El archivo comprimido está dañado (sus datos no se pueden leer), así que no lo leí. Expórtalo otra vez.",
    "imports.refused.notImdb":
      "Eso no es una exportación de IMDb (sus CSV tienen las columnas Const y Title Type). Se aceptan: {accepted}.",
    "imports.refused.notImdbFile": "{name} no es una exportación de IMDb (no tiene las columnas Const y Title Type), así que no lo leí.",
    "imports.refused.notTrakt":
      "Eso no es una exportación de Trakt (no hay archivos watched, watchlist, ratings ni history). Se aceptan: {accepted}.",
    "imports.refused.notFilmFanatic":
      "Eso no es una exportación de Film Fanatic (la de `/cuenta` o la de la lista en la web). Se aceptan: {accepted}.",
    "imports.refused.letterboxdName":
      "{name} es una lista de películas de Letterboxd, pero su nombre no dice si son tus películas vistas o tu watchlist. Deja el nombre con el que se exportó (watched.csv o watchlist.csv) y adjúntalo otra vez.",
    "imports.refused.letterboxdEmpty":
      "Esa exportación de Letterboxd no tiene watched.csv, diary.csv, ratings.csv ni watchlist.csv, así que no hay nada que importar.",
    "imports.refused.tvtimeEmpty":
      "Esa exportación de TV Time no tiene followed_tv_show.csv, seen_episode.csv ni tracking-prod-records.csv, así que no hay nada que importar.",
    "imports.refused.zipEmpty": "Ese ZIP no tiene archivos CSV ni JSON, así que no hay nada que importar. Se aceptan: {accepted}.",
    "imports.refused.zipDamaged": "Ese ZIP está dañado o incompleto, así que no lo leí. Descarga la exportación otra vez y adjúntala.",
    "imports.refused.zip64Far":
      "Ese ZIP usa el formato ZIP64, que solo necesitan archivos muy por encima del límite de {max}, así que no lo leí.",
    "imports.refused.zip64": "Ese ZIP usa el formato ZIP64, que solo necesitan los archivos muy grandes, así que no lo leí.",
    "imports.refused.zipCount":
      "Ese ZIP tiene {count, number} archivos (más de {max, number}), así que no lo leí. Adjunta la exportación tal como la descargaste.",
    "imports.refused.zipPassword":
      "Ese ZIP está protegido con contraseña, así que no se puede leer. Descomprímelo con su contraseña (TV Time la envió en otro correo) y adjunta los CSV comprimidos de nuevo sin contraseña.",
    "imports.refused.zipNested":
      "Ese ZIP tiene otro archivo comprimido dentro ({name}), así que no lo leí. Adjunta la exportación tal cual.",
    "imports.refused.zipExpands": "Ese ZIP ocupa más de {max} al descomprimirse, así que no lo leí.",
    "imports.refused.zipBomb":
      "{name} dentro de ese ZIP está mucho más comprimido que cualquier exportación (una «bomba ZIP»), así que no lo leí.",
    "imports.refused.zipLie": "{name} dentro de ese ZIP es más grande de lo que dice el ZIP (una «bomba ZIP»), así que no lo leí.",
    "imports.refused.zipMethod":
      "{name} dentro de ese ZIP está comprimido de una forma que las exportaciones no usan, así que no lo leí. Vuelve a comprimir los archivos con la herramienta de tu ordenador.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# título} many {# títulos} other {# títulos}} sin coincidencia — corrígelos o añádelos a mano.",
    "imports.unmatchedFileCut":
      "📄 Los primeros {shown, number} de {count, number} títulos sin coincidencia: corrígelos o añádelos a mano.",
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
    "imports.failed.stopped": "La importación se detuvo antes de terminar.",
    "imports.run.busy": "⏳ Ya tienes una importación en marcha — de una en una, por favor.",
    "imports.run.busyUndoing": "⏳ Se está deshaciendo tu última importación — inténtalo otra vez cuando termine.",
    "imports.run.gone": "Esa importación ya no existe — vuelve a usar `/importar`.",
    "imports.run.tooManyTitles": "Ese archivo tiene más de {max, number} títulos — más de los que admite una importación.",
    "imports.run.tooManyEpisodes": "Ese archivo tiene más de {max, number} episodios — más de los que admite una importación.",
    "imports.run.applied": "Esa importación ya se aplicó — mejor deshazla.",
    "imports.run.notChoosing": "Esa importación ya no está esperando tus elecciones.",
    "imports.run.answered": "Ya elegiste para ese título.",
    "imports.run.notOffered": "Ese no es uno de los títulos ofrecidos.",
    "imports.run.applying": "Esa importación ya se está aplicando.",
    "imports.run.notWaiting": "Esa importación ya no está esperando a aplicarse.",
    "imports.run.noUndo": "No tienes ninguna importación que deshacer.",
    "imports.run.undoing": "Esa importación ya se está deshaciendo.",
    "imports.run.undone": "Esa importación ya se deshizo.",
    "imports.run.notApplied": "Esa importación no se aplicó, así que no hay nada que deshacer.",
    "imports.run.tooOld": "Una importación se puede deshacer durante 24 horas — esa es más antigua.",
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
      "Usa `/importar archivo` y adjunta tu exportación:\n• **Film Fanatic** — el JSON del botón *{exportButton}* de `/cuenta` (o la exportación de la web)\n• **TV Time** — el ZIP de tu solicitud de datos a TV Time\n• **Trakt** — la exportación JSON (Settings → Data)\n• **Letterboxd** — el ZIP o los CSV de Settings → Data\n• **IMDb** — el CSV de tus valoraciones o de tu watchlist\nPrimero ves una vista previa; no se escribe nada hasta que pulses **Importar**, y `/importar deshacer` revierte una importación durante 24 horas.",
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
