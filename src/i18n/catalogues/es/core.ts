// Español (es-ES, y es-419 por defecto). Tuteo, breve y cercano como el inglés; neutro entre España y Latinoamérica.
import type { Area } from "../en.ts";

const title = ["título", "Empieza a escribir una película o serie, o un id de TMDB"] as const;
const type = ["tipo", "Película o serie (solo hace falta con un id de TMDB suelto)"] as const;
const show = ["serie", "La serie: empieza a escribir su nombre, o un id de TMDB como 1399"] as const;
const party = ["watchparty", "Qué watch party (no hace falta en un canal con una sola)"] as const;
const zone = ["zona", "Tu zona horaria, se pregunta una vez y se recuerda (escribe una ciudad)"] as const;
const statuses = {
  "want-to-watch": "Quiero verla",
  watching: "Viendo",
  finished: "Terminada",
  dropped: "Abandonada",
};
const choices = (path: string, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${path}.choice.${value}`, name]));
const titleOptions = (sub: string) => ({
  [`watch.${sub}.title`]: title,
  [`watch.${sub}.type`]: type,
  ...choices(`watch.${sub}.type`, { movie: "Película", tv: "Serie" }),
});

/** The strings every command shares, and /help, /ep, /mark and /watch. */
export const core: Area<"core"> = {
  messages: {
    "status.want-to-watch": statuses["want-to-watch"],
    "status.watching": statuses.watching,
    "status.finished": statuses.finished,
    "status.dropped": statuses.dropped,
    "media.tv": "Serie",
    "media.movie": "Película",
    "autocomplete.saved": "guardado (TMDB no responde)",

    "error.unexpected": "Algo ha fallado por mi parte (ref. `{reference}`). Vuelve a intentarlo en un momento.",
    "error.unavailable.nothingChanged":
      "No puedo conectar con Film Fanatic ahora mismo — no se ha cambiado nada. Vuelve a intentarlo en un momento.",
    "error.unavailable.mayNotBeSaved":
      "No puedo conectar con Film Fanatic ahora mismo — puede que tu cambio no se haya guardado, compruébalo con {check}.",
    "error.unavailable.savedNotShown":
      "No puedo conectar con Film Fanatic ahora mismo — tu cambio se ha guardado, pero no puedo mostrarlo; compruébalo con {check}.",
    "error.discord.dmsClosed": "No puedo enviarte mensajes directos — tienes los MD cerrados para este servidor.",
    "error.discord.missingPermission": "No tengo permiso para hacer eso en este canal.",
    "error.discord.cantSeeChannel": "No puedo ver ese canal.",
    "error.discord.messageGone": "Ese mensaje ya no existe.",
    "error.discord.tooSlow": "Ha tardado demasiado y Discord se ha rendido — inténtalo otra vez.",
    "error.discord.alreadyAnswered": "Eso ya tenía respuesta.",
    "error.tmdb.not_found": "TMDB no tiene ese título — revisa el id y vuelve a intentarlo.",
    "error.tmdb.unavailable": "TMDB no responde ahora mismo — no se ha cambiado nada. Vuelve a intentarlo en un minuto.",
    "error.tmdb.timeout": "TMDB ha tardado demasiado en responder — no se ha cambiado nada. Vuelve a intentarlo en un momento.",
    "error.tmdb.rate_limited":
      "TMDB está recibiendo demasiadas peticiones ahora mismo — no se ha cambiado nada. Vuelve a intentarlo en un minuto.",
    "error.tmdb.invalid_response": "TMDB ha devuelto algo que no podemos leer — no se ha cambiado nada. Vuelve a intentarlo más tarde.",
    "error.tmdb.bad_request": "Esa petición no parece correcta — revisa lo que has escrito y vuelve a intentarlo.",
    "error.staleComponent": "Ese botón está desactualizado — vuelve a usar el comando.",
    "error.unknownCommand": "Ya no conozco ese comando.",
    "error.slowDown": "Más despacio — vuelve a intentarlo en {seconds} s.",

    "guess.question":
      "¿Te refieres a **{title}** ({year, select, none {} other {{year} · }}{mediaType, select, tv {Serie} other {Película}})? Todavía no ha cambiado nada.",
    "guess.others": "O uno de estos…",

    "progress.notAired": "Todavía no se ha emitido ningún episodio — nada que marcar.",
    "progress.counting": "{bar} al menos {watched, number}/{total, number} episodios · sigo contando lo que seguiste en la web",
    "progress.line": "{bar} {watched, number}/{total, number} episodios · {percent} %",
    "progress.countingNext": "Estoy contando los episodios que seguiste en la web — pregunta de nuevo en un momento.",
    "progress.nothingAired": "Todavía no se ha emitido nada — {when}.",
    "progress.caughtUpUntil": "Vas al día — {when}.",
    "progress.allCaughtUp": "No queda nada — ¡vas al día! 🎉",
    "progress.airs": "se emite {relative}",
    "progress.noAirDate": "aún no tiene fecha de emisión",

    "episode.statusChange": "Estado: {before} → **{after}**",
    "episode.notTracked": "— (sin seguimiento)",
    "episode.nothingChanged":
      "No ha cambiado nada — {unchanged, plural, one {ya estaba} many {los # ya estaban} other {los # ya estaban}} {isWatched, select, true {{unchanged, plural, one {visto} many {vistos} other {vistos}}} other {{unchanged, plural, one {sin ver} many {sin ver} other {sin ver}}}}.",
    "episode.counted":
      "{isWatched, select, true {✅ {changed, plural, one {# episodio marcado} many {# episodios marcados} other {# episodios marcados}}} other {↩️ {changed, plural, one {# episodio desmarcado} many {# episodios desmarcados} other {# episodios desmarcados}}}}{unchanged, plural, =0 {} one {; # ya lo estaba} many {; # ya lo estaban} other {; # ya lo estaban}}.",
    "episode.alreadyOne": "{episode} ya estaba {isWatched, select, true {visto} other {sin ver}} — no ha cambiado nada.",
    "episode.changedOne": "{isWatched, select, true {✅ Visto:} other {↩️ Sin ver:}} {episode}",
    "episode.scope.season": "temporada {season}",
    "episode.scope.scattered": "{count, plural, one {# episodio} many {# episodios} other {# episodios}} de la temporada {season}",
    "episode.scope.show": "todos los episodios; sin los especiales (temporada 0)",
    "episode.scope.showNoSpecials": "todos los episodios; esta serie no tiene especiales",
    "episode.stillApplying":
      "⏳ Aplicando todavía: {applied, number} de {requested, number} episodios hechos. `/mi-lista info` muestra cuándo termina.",
    "episode.field.progress": "Progreso",
    "episode.field.upNext": "Siguiente",
    "episode.button.markNext": "Marcar {episode}",
    "episode.button.markBefore": "Marcar también S{season}{last, plural, =1 {E1} other {E1–E{last}}}",
    "episode.button.undo": "Deshacer",
    "episode.button.share": "Compartir",
    "episode.button.backToWatching": "Volver a Viendo",
    "episode.button.specials":
      "{isWatched, select, true {Marcar} other {Desmarcar}} también {count, plural, one {el especial} many {los # especiales} other {los # especiales}}",
    "episode.undone": "↩️ Deshecho — {what}.",
    "undo.episodes":
      "{episodes} de {title} {count, plural, one {vuelve a estar {wasWatched, select, true {visto} other {sin ver}}} many {vuelven a estar {wasWatched, select, true {vistos} other {sin ver}}} other {vuelven a estar {wasWatched, select, true {vistos} other {sin ver}}}}",
    "undo.episodeCount": "{count, plural, one {# episodio} many {# episodios} other {# episodios}}",
    "episode.cached": "TMDB no responde ahora mismo, así que uso la lista de episodios que guardé antes — pueden faltar episodios nuevos.",
    "episode.numbering.tmdbOne": "TMDB numera los episodios de la temporada {season} a su manera: he leído {given} como número de TMDB.",
    "episode.numbering.tmdbMany": "TMDB numera los episodios de la temporada {season} a su manera: los he leído como números de TMDB.",
    "episode.numbering.positionOne":
      "He leído {given} como el episodio {given} de la temporada {season} por orden, que TMDB numera E{tmdb}.",
    "episode.numbering.positionMany": "Los he leído como posiciones en la temporada {season}, que TMDB numera E{first}–E{last}.",
    "episode.guessTooLong":
      "No estoy seguro de qué serie quieres decir, y esa lista de episodios es demasiado larga para confirmarla con un botón — elige la serie de la lista mientras escribes, o usa su id de TMDB.",
    "episode.confirm": "Sí — {isWatched, select, true {marcar} other {desmarcar}} {what}",
    "episode.confirmShow": "Sí — {isWatched, select, true {marcar} other {desmarcar}} todos los episodios",
    "episode.confirmSeason": "Sí — {isWatched, select, true {marcar} other {desmarcar}} la temporada {season}",
    "episode.showFallbackName": "Serie {tmdbId}",

    "reaction.loved": "Me encantó",

    "reaction.liked": "Me gustó",

    "reaction.mixed": "Regular",

    "reaction.not-for-me": "No es para mí",

    "watch.added": "🔖 {title} añadido a tu lista.",

    "watch.alreadyAdded": "{title} ya está en tu lista.",

    "watch.removed": "{title} quitado de tu lista.{kept, select, true { Tu progreso y tu reacción se conservan.} other {}}",

    "watch.notOnList": "{title} no estaba en tu lista — no ha cambiado nada.",

    "watch.statusSet": "{status} — {title}{progress, select, none {} other { ({progress} %)}}",

    "watch.statusUnchanged": "No ha cambiado nada — {title} ya estaba en {status}.",

    "watch.reactionSet": "{reaction} — {title}",

    "watch.reactionUnchanged": "No ha cambiado nada — tu reacción a {title} ya era {reaction}.",

    "watch.notReacted": "No habías reaccionado a {title} — no ha cambiado nada.",

    "watch.reactionCleared": "Tu reacción a {title} se ha borrado.",

    "watch.share.notTrue": "Eso ya no es cierto, así que no hay nada que compartir.",

    "watch.share.repeat": "Ya compartiste {title} en este canal hoy — podrás volver a compartirlo aquí {when}.",

    "watch.share.busy":
      "Este canal ha tenido {cap, plural, one {# publicación compartida} many {# publicaciones compartidas} other {# publicaciones compartidas}} en la última hora, lo máximo que publico — vuelve a intentarlo {when}.",

    "watch.share.finished": "🎉 ¡{who} ha terminado {title}!",

    "watch.share.loved": "❤️ A {who} le encantó {title}.",

    "watch.shared": "📣 Compartido con el canal.",

    "watch.shareOnlyInServer": "Compartir funciona en un canal de servidor, no por MD.",

    "watch.state.untracked": "Estado: sin seguimiento todavía\nLista: no está — `/mi-lista añadir` la añade",

    "watch.state.status": "Estado: {status}",

    "watch.state.noStatus": "ninguno",

    "watch.state.onWatchlist": "Lista: 📌 en tu lista",

    "watch.state.offWatchlist": "Lista: no está — `/mi-lista añadir` la añade",

    "watch.state.reaction": "Reacción: {reaction}",

    "watch.field.you": "Tú",

    "watch.field.episodes": "Episodios",

    "watch.jobRunning": "Todavía se está aplicando un cambio grande de episodios.",

    "watch.noOverview": "Sin sinopsis en TMDB.",

    "watch.button.add": "Añadir a mi lista",

    "watch.button.remove": "Quitar de mi lista",

    "watch.button.shareFinished": "Compartir: terminada",

    "watch.button.shareLoved": "Compartir: me encantó",

    "watch.button.suggest": "Proponer para la noche de cine",

    "watch.menu.placeholder": "Reaccionar…",

    "watch.menu.yourReaction": "Tu reacción: {reaction}",

    "watch.menu.clear": "Borrar reacción",

    "watch.confirm.add": "Sí — añadirla a mi lista",

    "watch.confirm.remove": "Sí — quitarla de mi lista",

    "watch.confirm.info": "Sí — mostrarla",

    "watch.confirm.status": "Sí — poner mi estado",

    "watch.confirm.react": "Sí — guardar mi reacción",

    "watch.botsNoList": "Los bots no tienen listas.",

    "watch.visible": "👀 Tu lista ahora es visible: otros pueden verla con `/mi-lista ver usuario:@tú`.",

    "watch.private": "🔒 Tu lista ahora es privada.",

    "watch.list.unavailable":
      "Esa lista no está disponible. La lista de alguien solo se ve cuando ha seguido algo y la ha hecho visible con `/mi-lista privacidad`.",

    "watch.list.onlyInTheirServer": "Solo puedes ver la lista de otra persona en un canal de un servidor en el que esté.",

    "watch.list.yours": "Tu lista",

    "watch.list.yoursAll": "Todo lo que sigues",

    "watch.list.theirs": "La lista de {owner}",

    "watch.list.theirsUnnamed": "Su lista",

    "watch.list.theirsAll": "Todo lo que sigue {owner}",

    "watch.list.theirsAllUnnamed": "Todo lo que sigue",

    "watch.list.movies": "Películas",

    "watch.list.onWatchlist": "📌 en la lista",

    "watch.list.noMore": "No hay más títulos.",

    "watch.list.noMatch": "Ningún título coincide con {filters}.",

    "watch.list.emptyWatchlist":
      "Tu lista está vacía — añade algo con `/mi-lista añadir`. Los títulos que sigues sin haberlos añadido están en `/mi-lista ver alcance:all`.",

    "watch.list.emptyAll": "Aún no hay nada — añade algo con `/mi-lista añadir`, o marca un episodio con `/episodio`.",

    "watch.list.footer": "Página {page} · lo más reciente primero",

    "watch.list.button.first": "« Primera",

    "watch.list.button.next": "Siguiente ›",

    "undo.offWatchlist": "{title} vuelve a estar fuera de tu lista",

    "undo.untracked": "{title} vuelve a estar sin seguimiento",

    "undo.backOnWatchlist": "{title} vuelve a estar en tu lista",

    "undo.noStatus": "{title} vuelve a no tener estado",

    "undo.statusBack": "{title} vuelve a estar en {status}",

    "undo.noReaction": "vuelves a no tener reacción a {title}",

    "undo.reactionBack":
      "tu reacción a {title} vuelve a ser «{reaction, select, loved {Me encantó} liked {Me gustó} mixed {Regular} other {No es para mí}}»",

    "undo.asItWas": "{title} está como estaba",

    "undo.theTitle": "el título",

    "episodeSpec.how": "Usa un número como `3`, un rango como `1-5`, una lista como `1,3,5`, o `all`.",

    "episodeSpec.tooLong": "Esa lista de episodios es demasiado larga.",

    "episodeSpec.which": "¿Qué episodio?",

    "episodeSpec.space": "{quoted} tiene un espacio dentro de un número.",

    "episodeSpec.notEpisode": "{quoted} no es un episodio.",

    "episodeSpec.backwards": "El rango {from}-{to} va al revés — prueba {to}-{from}.",

    "episodeSpec.tooMany": "Son más de {max, number} episodios a la vez — usa `/marcar temporada` o `/marcar serie`.",

    "episodeSpec.otherSeason":
      "{quoted} es de la temporada {written}, pero el comando indica la temporada {season} — pon la temporada en su propia opción.",

    "episodeSpec.twoSeasons": "{quoted} nombra las temporadas {first} y {second} — indica episodios de una sola temporada cada vez.",

    "episodeSpec.outOfRange": "El episodio {episode} está fuera de rango — los números de episodio llegan hasta {max, number}.",

    "episodeSpec.fromOne": "Los episodios se numeran desde 1.",

    "titles.which": "Dime qué título — empieza a escribir un nombre y elígelo de la lista.",

    "titles.idSpace": "{shown} tiene un espacio dentro de un número — un id de TMDB se escribe solo con cifras, como 1399.",

    "titles.notId": "{shown} no es un id de TMDB — los ids son números enteros mayores que cero, como 1399.",

    "titles.idRange": "{shown} está fuera de rango — los ids de TMDB van de 1 a {max, number}.",

    "titles.notFound":
      "No he encontrado {kind, select, tv {ninguna serie} movie {ninguna película} other {ningún título}} que coincida con {query} en TMDB.",

    "titles.noSuchId":
      "TMDB no tiene {kind, select, tv {ninguna serie} movie {ninguna película} other {ninguna película ni serie}} con el id {tmdbId}.",

    "titles.idIsMovie": "El id de TMDB {tmdbId} es la película {title}, que no tiene episodios. Para películas, usa `/mi-lista estado`.",

    "titles.isAMovie": "{title} es una película, así que no tiene episodios. Síguela con `/mi-lista estado`.",

    "help.title": "Film Fanatic — sigue películas y series desde Discord",
    "help.description": "Vincula tu cuenta web de Film Fanatic con `/vincular` y todo lo que sigas aquí aparecerá en la web, y al revés.",
    "help.footer": "Títulos y datos de TMDB",
    "help.episodes.name": "📺 Episodios",
    "help.episodes.value":
      "`/episodio 1399 1 3` — marcar *Game of Thrones* S1E3 como visto (serie por nombre o id de TMDB)\n`/episodio serie temporada episodio:1-5` — un rango; `episodio:all` — toda la temporada\n`/episodio … visto:False` — desmarcar\n`/marcar temporada` · `/marcar serie` — una temporada entera o todos los episodios de golpe\n`/próximos episodios` — lo que se estrena pronto en las series que sigues, día a día en tu zona horaria · `/próximos calendario` — un enlace de calendario privado",
    "help.list.name": "🎬 Tu lista",
    "help.list.value":
      "`/mi-lista añadir` — añadir una película o serie a tu lista\n`/mi-lista estado` — quiero verla, viendo, terminada o abandonada (progreso en % opcional)\n`/mi-lista reaccionar` — me encantó, me gustó, regular, no es para mí (o borrar)\n`/mi-lista info` — póster, sinopsis, tu estado y tu progreso\n`/mi-lista ver` — tu lista; `estado:` o `alcance:` para todo lo que sigues, `usuario:` para la de un amigo (en un servidor en común)\n`/mi-lista quitar` — sacarla de la lista (progreso y reacciones se conservan)\n`/mi-lista privacidad` — dejar que otros vean tu lista",
    "help.parties.name": "🍿 Watch parties (en un servidor)",
    "help.parties.value":
      '`/watchparty iniciar serie` — ver una serie juntos; un tablero en directo muestra el progreso de todos · `/watchparty iniciar película` — una noche de cine: dónde verla, quién va, quién estuvo\n`/watchparty unirse` · `/watchparty salir` · `/watchparty estado` — o pulsa **Unirse** en el tablero\n`/watchparty vimos episodio:5-6` — «¿estuviste?»: marcado para ti, y para cada quien pulse **Estuve**\n`/watchparty programar cuándo:"friday 21:00"` — una sesión en tu zona horaria; Voy / Quizá / No puedo, un aviso antes · `/watchparty encuesta` para votar la noche · `/watchparty hilos modo:sí` — un hilo por sesión para comentar\n`/watchparty anfitrión miembro:` · `/watchparty quitar miembro:` · `/watchparty renombrar nombre:` — cederla, sacar a alguien, renombrarla (pregunta antes cuando importa)\n`/watchparty terminar` · `/watchparty lista`',
    "help.serverList.name": "🎞️ La cartelera del servidor (en un servidor)",
    "help.serverList.value":
      "`/cartelera proponer título` — proponer una película o serie para la noche de cine (o **Proponer para la noche de cine** en una ficha) · `/cartelera desde-lista lista:` — desde una de tus listas\n`/cartelera ver` — quién propuso qué, cuántos la han visto, duraciones · `/cartelera quitar título`\n`/cartelera sortear sin-ver:True` — un sorteo, más probable cuantos menos la han visto · `/cartelera encuesta` — votar hasta 10 títulos\n`/cartelera bloquear` · `/cartelera desbloquear` — solo con Gestionar servidor",
    "help.reminders.name": "🔔 Recordatorios",
    "help.reminders.value":
      "¿Atascado con una serie, o ha salido un episodio nuevo? Te escribo por MD, como mucho una vez al día.\n`/recordatorios desactivar` · `/recordatorios activar` — todos los recordatorios y avisos de episodios nuevos\n`/recordatorios serie título activo:False` — pararlos (o reanudarlos) para una serie\n`/recordatorios ajustes días:7 silencio:22:00-08:00 zona:Europe/Madrid` — cada cuánto, y horas de silencio en tu zona",
    "help.stats.name": "📊 Estadísticas",
    "help.stats.value":
      "`/estadísticas ver` — episodios, horas, películas, rachas, lo más visto · `usuario:` alguien que las comparte aquí · `año:2026`\n`/estadísticas compartir modo:sí` — compartir las tuyas en este servidor · `/estadísticas servidor` — su clasificación · `/estadísticas resumen-anual` — tu año en una imagen",
    "help.account.name": "🔗 Tu cuenta",
    "help.account.value":
      "`/vincular` — conectar tu cuenta web de Film Fanatic para compartir una sola biblioteca (si inicias sesión allí con Discord, ya está hecho)\n`/desvincular` — desconectarla; la cuenta web lo conserva todo\n`/cuenta` — qué se guarda; exportarlo o borrarlo\n`/importar archivo` — trae tu historial de TV Time, Trakt, Letterboxd, IMDb o una exportación de Film Fanatic (primero una vista previa); `/importar deshacer` lo revierte en 24 horas",
    "help.tips.name": "💡 Consejos",
    "help.tips.value":
      "Las respuestas sobre ti solo las ves tú; en un servidor, **Compartir** publica una serie terminada o un título que te encantó (una vez al día por título y canal).\n¿Has escrito un nombre en vez de elegirlo de la lista? Pregunto «¿Te refieres a…?» antes de cambiar nada.\nTambién funciona por MD: instala la app en tu cuenta y usa `/episodio` donde quieras.\nMarcar episodios (`/episodio`, `/marcar`) y cambiar tu lista (`/mi-lista añadir`, `quitar`, `estado`, `reaccionar`) trae un botón **Deshacer** durante cinco minutos.",
  },
  commands: {
    help: ["ayuda", "Lo que puede hacer Film Fanatic, con ejemplos"],
    ep: ["episodio", "Marcar un episodio (o un rango) como visto"],
    "ep.show": show,
    "ep.season": ["temporada", "Número de temporada"],
    "ep.episode": ["episodio", "Episodio: 3, un rango 1-5, una lista 1,3,5, o all"],
    "ep.watched": ["visto", "False para desmarcar (por defecto: True)"],
    mark: ["marcar", "Marcar una temporada entera o una serie entera de golpe"],
    "mark.season": ["temporada", "Marcar todos los episodios de una temporada"],
    "mark.season.show": ["serie", "La serie: su nombre o un id de TMDB"],
    "mark.season.season": ["temporada", "Número de temporada"],
    "mark.season.watched": ["visto", "False para desmarcar la temporada (por defecto: True)"],
    "mark.show": ["serie", "Marcar todos los episodios de una serie"],
    "mark.show.show": ["serie", "La serie: su nombre o un id de TMDB"],
    "mark.show.watched": ["visto", "False para desmarcar todos los episodios (por defecto: True)"],
    watch: ["mi-lista", "Tu lista: añadir, seguir, reaccionar, consultar"],
    "watch.add": ["añadir", "Añadir una película o serie a tu lista"],
    ...titleOptions("add"),
    "watch.remove": ["quitar", "Quitar un título de tu lista (el progreso se conserva)"],
    ...titleOptions("remove"),
    "watch.status": ["estado", "Quiero verla, viendo, terminada o abandonada"],
    ...titleOptions("status"),
    "watch.status.status": ["estado", "Cómo vas con ella"],
    ...choices("watch.status.status", statuses),
    "watch.status.progress": ["progreso", "Cuánto llevas, 0–100 %"],
    "watch.react": ["reaccionar", "Di qué te pareció"],
    ...titleOptions("react"),
    "watch.react.reaction": ["reacción", "Tu reacción"],
    ...choices("watch.react.reaction", {
      loved: "❤️ Me encantó",
      liked: "👍 Me gustó",
      mixed: "😐 Regular",
      "not-for-me": "👎 No es para mí",
      clear: "Borrar mi reacción",
    }),
    "watch.info": ["info", "Póster, sinopsis y cómo vas con ella"],
    ...titleOptions("info"),
    "watch.list": ["ver", "Tus títulos (o los de un amigo), los más recientes primero"],
    "watch.list.status": ["estado", "Solo este estado"],
    ...choices("watch.list.status", statuses),
    "watch.list.type": ["tipo", "Solo películas o solo series"],
    ...choices("watch.list.type", { movie: "Películas", tv: "Series" }),
    "watch.list.user": ["usuario", "La lista de otra persona (si la comparte; en un servidor donde esté)"],
    "watch.list.scope": ["alcance", "La lista (por defecto), o todo lo que sigues (por defecto con un filtro de estado)"],
    ...choices("watch.list.scope", { watchlist: "Lista", all: "Todo lo que sigo" }),
    "watch.privacy": ["privacidad", "Elegir si otros pueden ver tu lista"],
    "watch.privacy.visible": ["visible", "True: cualquiera en un servidor contigo puede verla"],
    party: ["watchparty", "Ver una serie en grupo, con un tablero de progreso en directo en el canal"],
    "party.start": ["iniciar", "Iniciar una watch party de una serie, o una noche de cine; tú eres el anfitrión"],
    "party.start.show": show,
    "party.start.title": ["película", "O una película, para una noche de cine: escribe su nombre, o movie:<id de TMDB>"],
    "party.start.season": ["temporada", "Solo esta temporada (por defecto: toda la serie)"],
    "party.start.channel": ["canal", "Dónde va el tablero (por defecto: aquí)"],
    "party.start.name": ["nombre", "Un nombre para la watch party"],
    "party.join": ["unirse", "Unirte a una watch party; tu progreso aparece en su tablero"],
    "party.join.party": party,
    "party.leave": ["salir", "Salir de una watch party"],
    "party.leave.party": party,
    "party.status": ["estado", "Una copia privada del tablero, con tu línea resaltada"],
    "party.status.party": party,
    "party.watched": ["vimos", "Di qué episodios visteis juntos: se marcan para ti; los demás confirman con un clic"],
    "party.watched.episode": ["episodio", "Episodio: 3, un rango 1-5, o una lista 1,3,5"],
    "party.watched.season": ["temporada", "Número de temporada (por defecto: la de la watch party, o 1)"],
    "party.watched.party": party,
    "party.end": ["terminar", "Terminar una watch party (el anfitrión, o quien pueda gestionar el servidor)"],
    "party.end.party": party,
    "party.host": ["anfitrión", "Ceder la watch party a un miembro (el anfitrión, o quien pueda gestionar el servidor)"],
    "party.host.member": ["miembro", "El miembro que será el anfitrión a partir de ahora"],
    "party.host.party": party,
    "party.remove": ["quitar", "Sacar a un miembro de una watch party (el anfitrión, o quien gestione el servidor)"],
    "party.remove.member": ["miembro", "A quién sacar (su propio progreso se conserva)"],
    "party.remove.party": party,
    "party.rename": ["renombrar", "Renombrar una watch party (el anfitrión, o quien pueda gestionar el servidor)"],
    "party.rename.name": ["nombre", "El nuevo nombre de la watch party"],
    "party.rename.party": party,
    "party.threads": ["hilos", "Un hilo por sesión para comentar, abierto al empezar (el anfitrión o quien gestione el servidor)"],
    "party.threads.set": ["modo", "Sí: cada inicio de sesión abre un hilo; no: sin hilos"],
    ...choices("party.threads.set", { on: "sí", off: "no" }),
    "party.threads.party": party,
    "party.list": ["lista", "Las watch parties activas de este servidor"],
    "party.schedule": ["programar", "Programar la próxima sesión (o cancelarla); cada uno la ve en su zona horaria"],
    "party.schedule.when": ["cuándo", 'Cuándo, en inglés o como fecha: "friday 21:00", "in 2h", "2026-12-04 20:30"'],
    "party.schedule.repeat": ["repetir", "Cada semana a la misma hora, o solo esta vez"],
    ...choices("party.schedule.repeat", { weekly: "cada semana", once: "una vez" }),
    "party.schedule.cancel": ["cancelar", "Cancelar la sesión programada"],
    "party.schedule.remind": ["aviso", "Minutos antes de la sesión para el aviso (por defecto 15; 0 para ninguno)"],
    "party.schedule.zone": zone,
    "party.schedule.party": party,
    "party.poll": ["encuesta", "Votar cuándo ver: hasta 10 horarios propuestos; el anfitrión confirma el ganador"],
    "party.poll.times": ["horarios", 'Horarios separados por ";", p. ej. "friday 21:00; saturday 20:00"'],
    "party.poll.hours": ["horas", "Cuánto tiempo sigue abierta la encuesta (por defecto 24)"],
    "party.poll.zone": zone,
    "party.poll.party": party,
    list: ["cartelera", "La lista del servidor para noches de cine: proponer, ver, sortear o votar"],
    "list.add": ["proponer", "Proponer una película o serie para las noches de cine del servidor"],
    "list.add.title": title,
    "list.remove": ["quitar", "Quitar un título de la cartelera (los tuyos; cualquiera con Gestionar servidor)"],
    "list.remove.title": ["título", "Un título de la cartelera"],
    "list.show": ["ver", "La cartelera: quién propuso qué, cuántos la han visto, duraciones"],
    "list.show.page": ["página", "Qué página"],
    "list.show.sort": ["orden", "El orden (por defecto: según se propusieron)"],
    ...choices("list.show.sort", { added: "añadidos", votes: "votos", random: "al azar" }),
    "list.pick": ["sortear", "Sortear un título, más probable cuantos menos miembros lo han visto"],
    "list.pick.unseen": ["sin-ver", "Nunca uno que ya hayan visto todos los miembros"],
    "list.poll": ["encuesta", "Una encuesta con títulos de la cartelera, los menos vistos primero; el ganador se publica al cerrar"],
    "list.poll.count": ["cantidad", "Cuántos títulos (2–10, por defecto 10)"],
    "list.poll.hours": ["horas", "Cuánto tiempo sigue abierta (por defecto 24, hasta 168: 7 días)"],
    "list.add-from": ["desde-lista", "Proponer los títulos de una de tus listas (creada en la web)"],
    "list.add-from.list": ["lista", "Una de tus listas"],
    "list.lock": ["bloquear", "Bloquear la cartelera: solo Gestionar servidor puede añadir o quitar"],
    "list.unlock": ["desbloquear", "Desbloquear la cartelera (Gestionar servidor)"],
    link: ["vincular", "Vincular tu cuenta web de Film Fanatic, para que Discord y la web compartan biblioteca"],
    unlink: ["desvincular", "Desvincular tu cuenta web de Film Fanatic (conserva sus datos)"],
    account: ["cuenta", "Tu cuenta vinculada, qué guarda Film Fanatic sobre ti, exportarlo o borrarlo"],
    remind: ["recordatorios", "Recordatorios por MD de series que tienes paradas y de episodios nuevos de las que llevas al día"],
    "remind.on": ["activar", "Activar los recordatorios"],
    "remind.off": ["desactivar", "Desactivar todos los recordatorios"],
    "remind.settings": ["ajustes", "Cuándo una serie cuenta como parada, horas de silencio y tu zona horaria"],
    "remind.settings.days": ["días", "Días sin marcar antes de que te lo recuerde (1-60, por defecto 7)"],
    "remind.settings.quiet": ["silencio", 'Sin MD en estas horas, p. ej. "22:00-08:00" (o "off")'],
    "remind.settings.timezone": ["zona", "Tu zona horaria, p. ej. Europe/Madrid"],
    "remind.show": ["serie", "Activar o desactivar los recordatorios de una serie"],
    "remind.show.title": show,
    "remind.show.enabled": ["activo", "Recordármela (True) o no (False)"],
  },
};
