// Português (Brasil): /lembretes (/remind) e as DMs de lembrete.
import type { Area } from "../en.ts";

export const reminders: Area<"reminders"> = {
  messages: {
    "reminders.badZone":
      "Não conheço o fuso horário “{zone}” — escolha um da lista enquanto digita, pela cidade (ex. America/Sao_Paulo); abreviações como BRT ignoram o horário de verão.",
    "reminders.didYouMean": "Você quis dizer **{title}**? Escolha a série da lista enquanto digita (ou use o id dela no TMDB, {tmdbId}).",
    "reminders.turnedOn": "🔔 Lembretes ligados.",
    "reminders.turnedOff": "🔕 Lembretes desligados: não vou te mandar DM sobre suas séries.",
    "reminders.already": "Os lembretes já estavam {enabled, select, true {ligados} other {desligados}} — nada mudou.",
    "reminders.saved": "✅ Salvo.",
    "reminders.state": "**Lembretes**: {enabled, select, true {ligados} other {desligados}}.",
    "reminders.stalledAfter":
      "• Uma série conta como parada depois de **{days, plural, one {# dia} many {# dias} other {# dias}}** sem marcar.",
    "reminders.quiet.none": "• Horário de silêncio: **nenhum**.",
    "reminders.quiet.noneZone": "• Horário de silêncio: **nenhum** (seu fuso: {zone}).",
    "reminders.quiet.hours": "• Horário de silêncio: **{hours}** ({zone}).",
    "reminders.howToChange":
      "Mude com `/lembretes ajustes dias:7 silêncio:22:00-08:00 fuso:America/Sao_Paulo`; `/lembretes desligar` para todos, `/lembretes série` para uma série.",
    "reminders.showOn": "🔔 Vou voltar a te lembrar de **{title}**.",
    "reminders.showOff": "🔕 Sem mais lembretes nem avisos de episódio novo de **{title}**.",
    "reminders.stopped": "🔕 Sem mais lembretes nem avisos de episódio novo de **{title}**. `/lembretes série` liga de novo.",
    "reminders.marked": "✅ {code} de **{title}** marcado como visto.",
    "reminders.alreadyMarked": "{code} de **{title}** já estava marcado.",
    "reminders.snoozed": "😴 Vou te deixar em paz com **{title}** até {until}.",
    "reminders.lastShow": "Essa era a última série deste lembrete.",
    "reminders.caughtUp": "Você está em dia com tudo deste lembrete.",
    "reminders.dm.one": "Bora continuar de onde você parou?",
    "reminders.dm.many":
      "{count, plural, one {# série está esperando} many {# séries estão esperando} other {# séries estão esperando}} onde você parou.",
    "reminders.dm.also": "Também esperando: {shows}.",
    "reminders.dm.first": "Mando no máximo um destes por dia. `/lembretes desligar` para todos; **Ajustes** muda a frequência e o horário.",
    "reminders.dm.upNext": "A seguir: {episode}",
    "reminders.dm.left":
      "{left, plural, one {Falta # episódio} many {Faltam # episódios} other {Faltam # episódios}} · o último {idle, select, today {hoje} yesterday {ontem} other {há {days, plural, one {# dia} many {# dias} other {# dias}}}}",
    "reminders.dm.newEpisode": "🆕 Saiu {code} de **{title}**.",
    "reminders.dm.newFirst":
      "Eu te aviso quando uma série em dia ganha episódio novo, e te lembro das séries que você pausou. `/lembretes desligar` para todos; `/lembretes série` para uma série.",
    "reminders.button.markShow": "Marcar {code} como visto — {title}",
    "reminders.button.mark": "Marcar {code} como visto",
    "reminders.button.snooze": "Adiar uma semana",
    "reminders.button.stopShow": "Parar para esta série",
    "reminders.button.stop": "Parar",
    "reminders.button.settings": "Ajustes",
    "reminders.quiet.ambiguous": "Começa às {early} ou às {late}? Escreva “{as24}” ou “{asPm}” (relógio de 24 horas, ou com am/pm).",
    "reminders.quiet.bad": "O horário de silêncio se escreve “22:00-08:00” ou “10pm-8am” (início e fim diferentes), ou “off”.",
    "reminders.zone.pick": "Escolha um fuso horário da lista, ex. America/Sao_Paulo.",
    "reminders.zone.unknown": "“{zone}” não é um fuso horário: escolha um da lista, ex. America/Sao_Paulo.",
    "reminders.badDays": "Os dias devem ser um número inteiro de {min, number} a {max, number}.",
    "reminders.dmsClosed":
      "📭 Não consegui te mandar um lembrete por DM: suas DMs estão fechadas para mim. Para receber, abra **Configurações de usuário → Conteúdo e social** e permita DMs de membros do servidor (ou, num servidor em comum, as **Configurações de privacidade → Mensagens diretas** dele). Vou tentar de novo agora que você me usou.",
  },
  commands: {},
};
