// Español: /recordatorios (/remind) y los MD de recordatorio.
import type { Area } from "../en.ts";

export const reminders: Area<"reminders"> = {
  messages: {
    "reminders.badZone":
      "No conozco la zona horaria «{zone}» — elige una de la lista mientras escribes, por ciudad (p. ej. Europe/Madrid); las abreviaturas como CET ignoran el horario de verano.",
    "reminders.didYouMean": "¿Querías decir **{title}**? Elige la serie de la lista mientras escribes (o usa su id de TMDB, {tmdbId}).",
    "reminders.turnedOn": "🔔 Los recordatorios están activados.",
    "reminders.turnedOff": "🔕 Los recordatorios están desactivados: no te escribiré por MD sobre tus series.",
    "reminders.already": "Los recordatorios ya estaban {enabled, select, true {activados} other {desactivados}} — no ha cambiado nada.",
    "reminders.saved": "✅ Guardado.",
    "reminders.state": "**Recordatorios**: {enabled, select, true {activados} other {desactivados}}.",
    "reminders.stalledAfter":
      "• Una serie cuenta como parada tras **{days, plural, one {# día} many {# días} other {# días}}** sin marcar.",
    "reminders.quiet.none": "• Horas de silencio: **ninguna**.",
    "reminders.quiet.noneZone": "• Horas de silencio: **ninguna** (tu zona horaria: {zone}).",
    "reminders.quiet.hours": "• Horas de silencio: **{hours}** ({zone}).",
    "reminders.howToChange":
      "Cámbialos con `/recordatorios ajustes días:7 silencio:22:00-08:00 zona:Europe/Madrid`; `/recordatorios desactivar` los para todos, `/recordatorios serie` para una serie.",
    "reminders.showOn": "🔔 Te volveré a recordar **{title}**.",
    "reminders.showOff": "🔕 No más recordatorios ni avisos de episodios nuevos de **{title}**.",
    "reminders.stopped":
      "🔕 No más recordatorios ni avisos de episodios nuevos de **{title}**. `/recordatorios serie` los vuelve a activar.",
    "reminders.marked": "✅ {code} de **{title}** marcado como visto.",
    "reminders.alreadyMarked": "{code} de **{title}** ya estaba marcado.",
    "reminders.snoozed": "😴 Te dejo en paz con **{title}** hasta el {until}.",
    "reminders.lastShow": "Era la última serie de este recordatorio.",
    "reminders.caughtUp": "Vas al día con todo lo de este recordatorio.",
    "reminders.dm.one": "¿Sigues donde lo dejaste?",
    "reminders.dm.many":
      "{count, plural, one {# serie te espera} many {# series te esperan} other {# series te esperan}} donde las dejaste.",
    "reminders.dm.also": "También esperan: {shows}.",
    "reminders.dm.first":
      "Te envío como mucho uno de estos al día. `/recordatorios desactivar` los para todos; **Ajustes** cambia cada cuánto y cuándo.",
    "reminders.dm.upNext": "A continuación: {episode}",
    "reminders.dm.left":
      "{left, plural, one {Queda # episodio} many {Quedan # episodios} other {Quedan # episodios}} · el último {idle, select, today {hoy} yesterday {ayer} other {hace {days, plural, one {# día} many {# días} other {# días}}}}",
    "reminders.dm.newEpisode": "🆕 Ha salido {code} de **{title}**.",
    "reminders.dm.newFirst":
      "Te aviso cuando una serie que llevas al día tiene un episodio nuevo, y te recuerdo las series que has dejado paradas. `/recordatorios desactivar` los para todos; `/recordatorios serie` para una serie.",
    "reminders.button.markShow": "Marcar {code} como visto — {title}",
    "reminders.button.mark": "Marcar {code} como visto",
    "reminders.button.snooze": "Posponer una semana",
    "reminders.button.stopShow": "Parar para esta serie",
    "reminders.button.stop": "Parar",
    "reminders.button.settings": "Ajustes",
    "reminders.quiet.ambiguous":
      "¿Empieza a las {early} o a las {late}? Escríbelo como «{as24}» o «{asPm}» (formato de 24 horas, o con am/pm).",
    "reminders.quiet.bad": "Las horas de silencio se escriben «22:00-08:00» o «10pm-8am» (inicio y fin distintos), u «off».",
    "reminders.zone.pick": "Elige una zona horaria de la lista, p. ej. Europe/Madrid.",
    "reminders.zone.unknown": "«{zone}» no es una zona horaria: elige una de la lista, p. ej. Europe/Madrid.",
    "reminders.badDays": "Los días deben ser un número entero de {min, number} a {max, number}.",
    "reminders.dmsClosed":
      "📭 No he podido enviarte un recordatorio por MD: tienes los MD cerrados para mí. Para recibirlos, abre **Ajustes de usuario → Contenido y social** y permite MD de miembros del servidor (o, en un servidor que compartimos, sus **Ajustes de privacidad → Mensajes directos**). Lo vuelvo a intentar ahora que me has usado.",
  },
  commands: {},
};
