// Español: /próximos (/upcoming).
import type { Area } from "../en.ts";

export const upcoming: Area<"upcoming"> = {
  messages: {
    "upcoming.badDays": "`días` tiene que ser un número entero del 1 al {max, number}.",
    "upcoming.title": "📅 {days, plural, one {El próximo día} many {Los próximos # días} other {Los próximos # días}}",
    "upcoming.outNow": "Ya disponible — lo siguiente para ti",
    "upcoming.party": "🍿 watch party en {channel}",
    "upcoming.aired": "disponible {when}",
    "upcoming.empty.noShows":
      "Todavía no sigues ninguna serie. Marca un episodio con `/episodio` (o pon una serie en «Viendo» con `/mi-lista estado`) y sus próximos episodios aparecerán aquí.",
    "upcoming.empty.nothing":
      "No se estrena nada en {days, plural, one {el próximo día} many {los próximos # días} other {los próximos # días}} en {shows, plural, one {la serie que sigues} many {las # series que sigues} other {las # series que sigues}}.",
    "upcoming.empty.further": "Mira más adelante con `/próximos episodios días:60`.",
    "upcoming.uncached":
      "{count, plural, one {# serie que sigues aún no tiene} many {# series que sigues aún no tienen} other {# series que sigues aún no tienen}} calendario guardado — `/mi-lista info` sobre ella lo carga.",
    "upcoming.truncated": "Solo se muestran los primeros {max, number} episodios — pide menos días.",
    "upcoming.footer.zone": "Días en {zone}",
    "upcoming.footer.utc": "Días en UTC — elige tu zona con /recordatorios ajustes zona:",
    "upcoming.footer.source": "fechas de emisión de TMDB",
    "upcoming.footer.page": "página {page} de {count}",
    "upcoming.button.mark": "Marcar {episode} como visto · {title}",
    "upcoming.button.previous": "◀ Anterior",
    "upcoming.button.next": "Siguiente ▶",
    "upcoming.feed.lead":
      "📅 **Tu calendario** — los episodios nuevos de las series que sigues (próximos 60 días) y las sesiones de tus watch parties:",
    "upcoming.feed.subscribe":
      "Suscríbete por URL: Google Calendar → *Otros calendarios* → *Desde URL*; Calendario de Apple → *Archivo* → *Nueva suscripción a calendario*; Outlook → *Agregar calendario* → *Suscribirse desde la web*. Las apps de calendario lo actualizan cada pocas horas.",
    "upcoming.feed.private":
      "🔒 Mantenlo en privado: cualquiera con el enlace puede ver qué ves y cuándo quedan tus watch parties. **Restablecer enlace** crea uno nuevo; el antiguo deja de funcionar al instante.",
    "upcoming.button.reset": "Restablecer enlace",
    "upcoming.button.keep": "Conservarlo",
    "upcoming.reset.question":
      "¿Restablecer tu enlace de calendario? El actual deja de funcionar al instante — los calendarios suscritos dejan de actualizarse — y recibes uno nuevo al que suscribirte.",
    "upcoming.reset.done": "🔁 Hecho: tu enlace de calendario antiguo ya no funciona. Suscríbete a este en su lugar.",
    "upcoming.reset.kept": "Tu enlace de calendario sigue igual. `/próximos calendario` lo vuelve a mostrar.",
    "upcoming.ics.name": "Film Fanatic — próximos",
    "upcoming.ics.description": "Los episodios nuevos de las series que sigues, y las sesiones de tus watch parties.",
    "upcoming.ics.episode":
      "{code} de {title} se estrena el {date} (fecha de TMDB). Márcalo en Discord con /episodio {tmdbId} {season} {episode}.",
    "upcoming.ics.session": "🍿 {movie, select, true {Noche de cine} other {Sesión en grupo}}: {label}",
    "upcoming.ics.sessionDescription":
      "Una sesión de watch party{weekly, select, true { (semanal)} other {}} en Discord. {answer, select, going {Respondiste: Voy} maybe {Respondiste: Quizás} cant {Respondiste: No puedo} other {Aún no has respondido}} — responde en su mensaje en el canal de la watch party.",
  },
  commands: {
    upcoming: ["próximos", "Lo que viene: los próximos episodios de las series que sigues, y un calendario"],
    "upcoming.episodes": ["episodios", "Los próximos episodios de las series que sigues, día a día en tu zona horaria"],
    "upcoming.episodes.days": ["días", "Cuántos días hacia delante (1-60, por defecto 14)"],
    "upcoming.feed": ["calendario", "Tu enlace de calendario privado (iCalendar) para Google, Apple u Outlook"],
  },
};
