// Português do Brasil: /próximos (/upcoming).
import type { Area } from "../en.ts";

export const upcoming: Area<"upcoming"> = {
  messages: {
    "upcoming.badDays": "`dias` precisa ser um número inteiro de 1 a {max, number}.",
    "upcoming.title": "📅 {days, plural, one {O próximo dia} many {Os próximos # dias} other {Os próximos # dias}}",
    "upcoming.outNow": "Já saiu — o próximo pra você",
    "upcoming.party": "🍿 watch party em {channel}",
    "upcoming.aired": "saiu {when}",
    "upcoming.empty.noShows":
      "Você ainda não acompanha nenhuma série. Marque um episódio com `/episódio` (ou coloque uma série em “Assistindo” com `/minha-lista status`) e os próximos episódios dela aparecem aqui.",
    "upcoming.empty.nothing":
      "Nada vai ao ar {days, plural, one {no próximo dia} many {nos próximos # dias} other {nos próximos # dias}} {shows, plural, one {na série que você acompanha} many {nas # séries que você acompanha} other {nas # séries que você acompanha}}.",
    "upcoming.empty.further": "Veja mais à frente com `/próximos episódios dias:60`.",
    "upcoming.uncached":
      "{count, plural, one {# série que você acompanha ainda não tem} many {# séries que você acompanha ainda não têm} other {# séries que você acompanha ainda não têm}} programação salva — `/minha-lista info` nela carrega uma.",
    "upcoming.truncated": "Só os primeiros {max, number} episódios estão listados — peça menos dias.",
    "upcoming.footer.zone": "Dias em {zone}",
    "upcoming.footer.utc": "Dias em UTC — defina seu fuso com /lembretes ajustes fuso:",
    "upcoming.footer.source": "datas de exibição do TMDB",
    "upcoming.footer.page": "página {page} de {count}",
    "upcoming.button.mark": "Marcar {episode} como assistido · {title}",
    "upcoming.button.previous": "◀ Anterior",
    "upcoming.button.next": "Próxima ▶",
    "upcoming.feed.lead":
      "📅 **Seu feed de calendário** — episódios novos das séries que você acompanha (próximos 60 dias) e as sessões das suas watch parties:",
    "upcoming.feed.subscribe":
      "Assine pela URL: Google Agenda → *Outras agendas* → *Do URL*; Calendário da Apple → *Arquivo* → *Nova Assinatura de Calendário*; Outlook → *Adicionar calendário* → *Assinar da Web*. Os apps de calendário atualizam a cada poucas horas.",
    "upcoming.feed.private":
      "🔒 Guarde só pra você: quem tiver o link vê o que você assiste e quando suas watch parties se encontram. **Redefinir link** cria um novo; o antigo para de funcionar na hora.",
    "upcoming.button.reset": "Redefinir link",
    "upcoming.button.keep": "Manter",
    "upcoming.reset.question":
      "Redefinir seu link de calendário? O atual para de funcionar na hora — calendários que o assinam param de atualizar — e você recebe um novo para assinar.",
    "upcoming.reset.done": "🔁 Pronto: seu link de calendário antigo não funciona mais. Assine este no lugar dele.",
    "upcoming.reset.kept": "Seu link de calendário continua o mesmo. `/próximos calendário` mostra ele de novo.",
    "upcoming.ics.name": "Film Fanatic — próximos",
    "upcoming.ics.description": "Episódios novos das séries que você acompanha, e as sessões das suas watch parties.",
    "upcoming.ics.episode":
      "{code} de {title} vai ao ar em {date} (data do TMDB). Marque no Discord com /episódio {tmdbId} {season} {episode}.",
    "upcoming.ics.session": "🍿 {movie, select, true {Noite de cinema} other {Sessão juntos}}: {label}",
    "upcoming.ics.sessionDescription":
      "Uma sessão de watch party{weekly, select, true { (semanal)} other {}} no Discord. {answer, select, going {Você respondeu: Vou} maybe {Você respondeu: Talvez} cant {Você respondeu: Não posso} other {Você ainda não respondeu}} — responda na postagem dela no canal da watch party.",
  },
  commands: {
    upcoming: ["próximos", "O que vem aí: os próximos episódios das séries que você acompanha, e um feed de calendário"],
    "upcoming.episodes": ["episódios", "Os próximos episódios das séries que você acompanha, dia a dia no seu fuso"],
    "upcoming.episodes.days": ["dias", "Quantos dias à frente (1-60, padrão 14)"],
    "upcoming.feed": ["calendário", "Seu link de calendário privado (iCalendar) para Google, Apple ou Outlook"],
  },
};
