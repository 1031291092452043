// Português do Brasil. "Você", leve e direto como o inglês.
import type { Area } from "../en.ts";

const title = ["título", "Comece a digitar um filme ou série, ou um id do TMDB"] as const;
const type = ["tipo", "Filme ou série (só precisa com um id do TMDB sozinho)"] as const;
const show = ["série", "A série: comece a digitar o nome, ou um id do TMDB como 1399"] as const;
const party = ["watchparty", "Qual watch party (não precisa num canal com uma só)"] as const;
const zone = ["fuso", "Seu fuso horário, perguntado uma vez e lembrado (digite uma cidade)"] as const;
const statuses = {
  "want-to-watch": "Quero assistir",
  watching: "Assistindo",
  finished: "Terminado",
  dropped: "Abandonado",
};
const choices = (path: string, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${path}.choice.${value}`, name]));
const titleOptions = (sub: string) => ({
  [`watch.${sub}.title`]: title,
  [`watch.${sub}.type`]: type,
  ...choices(`watch.${sub}.type`, { movie: "Filme", tv: "Série" }),
});

/** The strings every command shares, and /help, /ep, /mark and /watch. */
export const core: Area<"core"> = {
  messages: {
    "status.want-to-watch": statuses["want-to-watch"],
    "status.watching": statuses.watching,
    "status.finished": statuses.finished,
    "status.dropped": statuses.dropped,
    "media.tv": "Série",
    "media.movie": "Filme",
    "autocomplete.saved": "salvo (o TMDB está fora do ar)",

    "error.unexpected": "Algo deu errado do meu lado (ref. `{reference}`). Tente de novo daqui a pouco.",
    "error.unavailable.nothingChanged": "Não consigo falar com o Film Fanatic agora — nada foi alterado. Tente de novo daqui a pouco.",
    "error.unavailable.mayNotBeSaved":
      "Não consigo falar com o Film Fanatic agora — sua alteração pode não ter sido salva, confira com {check}.",
    "error.unavailable.savedNotShown":
      "Não consigo falar com o Film Fanatic agora — sua alteração foi salva, mas não consigo mostrá-la; confira com {check}.",
    "error.discord.dmsClosed": "Não consigo te mandar mensagens diretas — suas DMs estão fechadas para este servidor.",
    "error.discord.missingPermission": "Não tenho permissão para fazer isso neste canal.",
    "error.discord.cantSeeChannel": "Não consigo ver esse canal.",
    "error.discord.messageGone": "Essa mensagem não existe mais.",
    "error.discord.tooSlow": "Demorou demais e o Discord desistiu — tente de novo.",
    "error.discord.alreadyAnswered": "Isso já foi respondido.",
    "error.tmdb.not_found": "O TMDB não tem esse título — confira o id e tente de novo.",
    "error.tmdb.unavailable": "O TMDB não está respondendo agora — nada foi alterado. Tente de novo em um minuto.",
    "error.tmdb.timeout": "O TMDB demorou demais para responder — nada foi alterado. Tente de novo daqui a pouco.",
    "error.tmdb.rate_limited": "O TMDB está recebendo pedidos demais agora — nada foi alterado. Tente de novo em um minuto.",
    "error.tmdb.invalid_response": "O TMDB mandou algo que não conseguimos ler — nada foi alterado. Tente de novo mais tarde.",
    "error.tmdb.bad_request": "Esse pedido não parece certo — confira o que você digitou e tente de novo.",
    "error.staleComponent": "Esse botão está desatualizado — use o comando de novo.",
    "error.unknownCommand": "Não conheço mais esse comando.",
    "error.slowDown": "Calma aí — tente de novo em {seconds} s.",

    "guess.question":
      "Você quis dizer **{title}** ({year, select, none {} other {{year} · }}{mediaType, select, tv {Série} other {Filme}})? Nada mudou ainda.",
    "guess.others": "Ou um destes…",

    "progress.notAired": "Nenhum episódio foi ao ar ainda — nada para marcar.",
    "progress.counting": "{bar} pelo menos {watched, number}/{total, number} episódios · ainda contando o que você acompanhou na web",
    "progress.line": "{bar} {watched, number}/{total, number} episódios · {percent}%",
    "progress.countingNext": "Contando os episódios que você acompanhou na web — pergunte de novo daqui a pouco.",
    "progress.nothingAired": "Nada foi ao ar ainda — {when}.",
    "progress.caughtUpUntil": "Tudo em dia — {when}.",
    "progress.allCaughtUp": "Não falta nada — tudo em dia! 🎉",
    "progress.airs": "vai ao ar {relative}",
    "progress.noAirDate": "ainda não tem data de exibição",

    "episode.statusChange": "Status: {before} → **{after}**",
    "episode.notTracked": "— (não acompanhado)",
    "episode.nothingChanged":
      "Nada mudou — {unchanged, plural, one {ele já estava} many {todos os # já estavam} other {todos os # já estavam}} {isWatched, select, true {{unchanged, plural, one {assistido} many {assistidos} other {assistidos}}} other {{unchanged, plural, one {não assistido} many {não assistidos} other {não assistidos}}}}.",
    "episode.counted":
      "{isWatched, select, true {✅ {changed, plural, one {# episódio marcado} many {# episódios marcados} other {# episódios marcados}}} other {↩️ {changed, plural, one {# episódio desmarcado} many {# episódios desmarcados} other {# episódios desmarcados}}}}{unchanged, plural, =0 {} one {; # já estava} many {; # já estavam} other {; # já estavam}}.",
    "episode.alreadyOne": "{episode} já estava {isWatched, select, true {assistido} other {não assistido}} — nada mudou.",
    "episode.changedOne": "{isWatched, select, true {✅ Assistido:} other {↩️ Não assistido:}} {episode}",
    "episode.scope.season": "temporada {season}",
    "episode.scope.scattered": "{count, plural, one {# episódio} many {# episódios} other {# episódios}} da temporada {season}",
    "episode.scope.show": "todos os episódios; especiais (temporada 0) de fora",
    "episode.scope.showNoSpecials": "todos os episódios; esta série não tem especiais",
    "episode.stillApplying":
      "⏳ Ainda aplicando: {applied, number} de {requested, number} episódios feitos. `/minha-lista info` mostra quando terminar.",
    "episode.field.progress": "Progresso",
    "episode.field.upNext": "A seguir",
    "episode.button.markNext": "Marcar {episode}",
    "episode.button.markBefore": "Marcar S{season}{last, plural, =1 {E1} other {E1–E{last}}} também",
    "episode.button.undo": "Desfazer",
    "episode.button.share": "Compartilhar",
    "episode.button.backToWatching": "Voltar para Assistindo",
    "episode.button.specials":
      "{isWatched, select, true {Marcar} other {Desmarcar}} {count, plural, one {o especial} many {os # especiais} other {os # especiais}} também",
    "episode.undone": "↩️ Desfeito — {what}.",
    "undo.episodes":
      "{episodes} de {title} {count, plural, one {voltou a ficar {wasWatched, select, true {assistido} other {não assistido}}} many {voltaram a ficar {wasWatched, select, true {assistidos} other {não assistidos}}} other {voltaram a ficar {wasWatched, select, true {assistidos} other {não assistidos}}}}",
    "undo.episodeCount": "{count, plural, one {# episódio} many {# episódios} other {# episódios}}",
    "episode.cached": "O TMDB não está respondendo agora, então uso a lista de episódios que salvei antes — episódios novos podem faltar.",
    "episode.numbering.tmdbOne": "O TMDB numera os episódios da temporada {season} do jeito dele: li {given} como o número do TMDB.",
    "episode.numbering.tmdbMany": "O TMDB numera os episódios da temporada {season} do jeito dele: li esses como números do TMDB.",
    "episode.numbering.positionOne": "Li {given} como o episódio {given} da temporada {season} na ordem, que o TMDB numera E{tmdb}.",
    "episode.numbering.positionMany": "Li esses como posições na temporada {season}, que o TMDB numera E{first}–E{last}.",
    "episode.guessTooLong":
      "Não tenho certeza de qual série você quer, e essa lista de episódios é longa demais para confirmar com um botão — escolha a série na lista enquanto digita, ou use o id do TMDB.",
    "episode.confirm": "Sim — {isWatched, select, true {marcar} other {desmarcar}} {what}",
    "episode.confirmShow": "Sim — {isWatched, select, true {marcar} other {desmarcar}} todos os episódios",
    "episode.confirmSeason": "Sim — {isWatched, select, true {marcar} other {desmarcar}} a temporada {season}",
    "episode.showFallbackName": "Série {tmdbId}",

    "reaction.loved": "Amei",

    "reaction.liked": "Gostei",

    "reaction.mixed": "Mais ou menos",

    "reaction.not-for-me": "Não é pra mim",

    "watch.added": "🔖 {title} foi adicionado à sua lista.",

    "watch.alreadyAdded": "{title} já está na sua lista.",

    "watch.removed": "{title} foi removido da sua lista.{kept, select, true { Seu progresso e sua reação ficam.} other {}}",

    "watch.notOnList": "{title} não estava na sua lista — nada mudou.",

    "watch.statusSet": "{status} — {title}{progress, select, none {} other { ({progress}%)}}",

    "watch.statusUnchanged": "Nada mudou — {title} já estava como {status}.",

    "watch.reactionSet": "{reaction} — {title}",

    "watch.reactionUnchanged": "Nada mudou — sua reação a {title} já era {reaction}.",

    "watch.notReacted": "Você não tinha reagido a {title} — nada mudou.",

    "watch.reactionCleared": "Sua reação a {title} foi apagada.",

    "watch.share.notTrue": "Isso não é mais verdade, então não há nada para compartilhar.",

    "watch.share.repeat": "Você já compartilhou {title} neste canal hoje — pode compartilhar aqui de novo {when}.",

    "watch.share.busy":
      "Este canal teve {cap, plural, one {# compartilhamento} many {# compartilhamentos} other {# compartilhamentos}} na última hora, o máximo que eu posto — tente de novo {when}.",

    "watch.share.finished": "🎉 {who} terminou {title}!",

    "watch.share.loved": "❤️ {who} amou {title}.",

    "watch.shared": "📣 Compartilhado com o canal.",

    "watch.shareOnlyInServer": "Compartilhar funciona num canal de servidor, não por DM.",

    "watch.state.untracked": "Status: ainda não acompanhado\nLista: fora dela — `/minha-lista adicionar` coloca lá",

    "watch.state.status": "Status: {status}",

    "watch.state.noStatus": "nenhum",

    "watch.state.onWatchlist": "Lista: 📌 na sua lista",

    "watch.state.offWatchlist": "Lista: fora dela — `/minha-lista adicionar` coloca lá",

    "watch.state.reaction": "Reação: {reaction}",

    "watch.field.you": "Você",

    "watch.field.episodes": "Episódios",

    "watch.jobRunning": "Uma mudança grande de episódios ainda está sendo aplicada.",

    "watch.noOverview": "Sem sinopse no TMDB.",

    "watch.button.add": "Adicionar à lista",

    "watch.button.remove": "Remover da lista",

    "watch.button.shareFinished": "Compartilhar: terminei",

    "watch.button.shareLoved": "Compartilhar: amei",

    "watch.button.suggest": "Sugerir para a noite de cinema",

    "watch.menu.placeholder": "Reagir…",

    "watch.menu.yourReaction": "Sua reação: {reaction}",

    "watch.menu.clear": "Limpar reação",

    "watch.confirm.add": "Sim — adicionar à minha lista",

    "watch.confirm.remove": "Sim — tirar da minha lista",

    "watch.confirm.info": "Sim — mostrar",

    "watch.confirm.status": "Sim — definir meu status",

    "watch.confirm.react": "Sim — salvar minha reação",

    "watch.botsNoList": "Bots não têm listas.",

    "watch.visible": "👀 Sua lista agora está visível: outras pessoas podem vê-la com `/minha-lista ver usuário:@você`.",

    "watch.private": "🔒 Sua lista agora é privada.",

    "watch.list.unavailable":
      "Essa lista não está disponível. A lista de alguém só aparece depois que a pessoa acompanha algo e a deixa visível com `/minha-lista privacidade`.",

    "watch.list.onlyInTheirServer": "Você só vê a lista de outra pessoa num canal de um servidor em que ela esteja.",

    "watch.list.yours": "Sua lista",

    "watch.list.yoursAll": "Tudo o que você acompanha",

    "watch.list.theirs": "A lista de {owner}",

    "watch.list.theirsUnnamed": "A lista dela",

    "watch.list.theirsAll": "Tudo o que {owner} acompanha",

    "watch.list.theirsAllUnnamed": "Tudo o que a pessoa acompanha",

    "watch.list.movies": "Filmes",

    "watch.list.onWatchlist": "📌 na lista",

    "watch.list.noMore": "Não há mais títulos.",

    "watch.list.noMatch": "Nenhum título com {filters}.",

    "watch.list.emptyWatchlist":
      "Sua lista está vazia — adicione algo com `/minha-lista adicionar`. Os títulos que você acompanha sem adicionar estão em `/minha-lista ver escopo:all`.",

    "watch.list.emptyAll": "Nada aqui ainda — adicione algo com `/minha-lista adicionar`, ou marque um episódio com `/episódio`.",

    "watch.list.footer": "Página {page} · mais recentes primeiro",

    "watch.list.button.first": "« Primeira",

    "watch.list.button.next": "Próxima ›",

    "undo.offWatchlist": "{title} voltou a sair da sua lista",

    "undo.untracked": "{title} voltou a não ser acompanhado",

    "undo.backOnWatchlist": "{title} voltou para a sua lista",

    "undo.noStatus": "{title} voltou a ficar sem status",

    "undo.statusBack": "{title} voltou para {status}",

    "undo.noReaction": "você voltou a não ter reação a {title}",

    "undo.reactionBack":
      "sua reação a {title} voltou a ser “{reaction, select, loved {Amei} liked {Gostei} mixed {Mais ou menos} other {Não é pra mim}}”",

    "undo.asItWas": "{title} está como antes",

    "undo.theTitle": "o título",

    "episodeSpec.how": "Use um número como `3`, um intervalo como `1-5`, uma lista como `1,3,5`, ou `all`.",

    "episodeSpec.tooLong": "Essa lista de episódios é longa demais.",

    "episodeSpec.which": "Qual episódio?",

    "episodeSpec.space": "{quoted} tem um espaço no meio de um número.",

    "episodeSpec.notEpisode": "{quoted} não é um episódio.",

    "episodeSpec.backwards": "O intervalo {from}-{to} está invertido — tente {to}-{from}.",

    "episodeSpec.tooMany": "São mais de {max, number} episódios de uma vez — use `/marcar temporada` ou `/marcar série`.",

    "episodeSpec.otherSeason":
      "{quoted} é da temporada {written}, mas o comando diz temporada {season} — informe a temporada na própria opção.",

    "episodeSpec.twoSeasons": "{quoted} cita as temporadas {first} e {second} — informe episódios de uma temporada por vez.",

    "episodeSpec.outOfRange": "O episódio {episode} está fora do intervalo — os números vão até {max, number}.",

    "episodeSpec.fromOne": "Os episódios são numerados a partir de 1.",

    "titles.which": "Me diga qual título — comece a digitar um nome e escolha na lista.",

    "titles.idSpace": "{shown} tem um espaço no meio de um número — um id do TMDB só tem dígitos, como 1399.",

    "titles.notId": "{shown} não é um id do TMDB — ids são números inteiros maiores que zero, como 1399.",

    "titles.idRange": "{shown} está fora do intervalo — ids do TMDB vão de 1 a {max, number}.",

    "titles.notFound": "Não encontrei {kind, select, tv {nenhuma série} movie {nenhum filme} other {nenhum título}} com {query} no TMDB.",

    "titles.noSuchId":
      "O TMDB não tem {kind, select, tv {nenhuma série} movie {nenhum filme} other {nenhum filme ou série}} com o id {tmdbId}.",

    "titles.idIsMovie": "O id do TMDB {tmdbId} é o filme {title}, que não tem episódios. Para filmes, use `/minha-lista status`.",

    "titles.isAMovie": "{title} é um filme, então não tem episódios. Acompanhe com `/minha-lista status`.",

    "help.title": "Film Fanatic — acompanhe filmes e séries pelo Discord",
    "help.description":
      "Vincule sua conta web do Film Fanatic com `/vincular` e tudo o que você acompanha aqui aparece no site, e vice-versa.",
    "help.footer": "Títulos e dados do TMDB",
    "help.episodes.name": "📺 Episódios",
    "help.episodes.value":
      "`/episódio 1399 1 3` — marcar *Game of Thrones* S1E3 como assistido (série pelo nome ou id do TMDB)\n`/episódio série temporada episódio:1-5` — um intervalo; `episódio:all` — a temporada inteira\n`/episódio … assistido:False` — desmarcar\n`/marcar temporada` · `/marcar série` — uma temporada inteira ou todos os episódios de uma vez\n`/próximos episódios` — o que vai ao ar em breve nas séries que você acompanha, dia a dia no seu fuso · `/próximos calendário` — um link de calendário privado",
    "help.list.name": "🎬 Sua lista",
    "help.list.value":
      "`/minha-lista adicionar` — adicionar um filme ou série à sua lista\n`/minha-lista status` — quero assistir, assistindo, terminado ou abandonado (progresso em % opcional)\n`/minha-lista reagir` — amei, gostei, mais ou menos, não é pra mim (ou limpar)\n`/minha-lista info` — pôster, sinopse, seu status e progresso\n`/minha-lista ver` — sua lista; `status:` ou `escopo:` para tudo o que você acompanha, `usuário:` para a de um amigo (num servidor em comum)\n`/minha-lista remover` — tirar da lista (progresso e reações ficam)\n`/minha-lista privacidade` — deixar outros verem sua lista",
    "help.parties.name": "🍿 Watch parties (num servidor)",
    "help.parties.value":
      '`/watchparty iniciar série` — assistir a uma série juntos; um painel ao vivo mostra o progresso de todos · `/watchparty iniciar filme` — uma noite de cinema: onde assistir, quem vai, quem estava lá\n`/watchparty entrar` · `/watchparty sair` · `/watchparty status` — ou aperte **Entrar** no painel\n`/watchparty assistimos episódio:5-6` — “você estava lá?”: marcado para você e para cada um que clicar **Eu estava lá**\n`/watchparty agendar quando:"friday 21:00"` — uma sessão no seu fuso; Vou / Talvez / Não posso, um aviso antes · `/watchparty enquete` para votar na noite · `/watchparty tópicos modo:sim` — um tópico por sessão para a conversa\n`/watchparty anfitrião membro:` · `/watchparty remover membro:` · `/watchparty renomear nome:` — passar adiante, tirar alguém, renomear (pergunta antes quando importa)\n`/watchparty encerrar` · `/watchparty lista`',
    "help.serverList.name": "🎞️ O cineclube do servidor (num servidor)",
    "help.serverList.value":
      "`/cineclube sugerir título` — sugerir um filme ou série para a noite de cinema (ou **Sugerir para a noite de cinema** no card de um título) · `/cineclube de-lista lista:` — de uma das suas listas\n`/cineclube mostrar` — quem sugeriu o quê, quantos já viram, durações · `/cineclube remover título`\n`/cineclube sortear inéditos:True` — um sorteio, mais provável quanto menos gente viu · `/cineclube enquete` — votar em até 10 títulos\n`/cineclube bloquear` · `/cineclube desbloquear` — só com Gerenciar servidor",
    "help.reminders.name": "🔔 Lembretes",
    "help.reminders.value":
      "Parou no meio de uma série, ou saiu episódio novo? Eu te mando DM, no máximo uma vez por dia.\n`/lembretes desligar` · `/lembretes ligar` — todos os lembretes e avisos de episódio novo\n`/lembretes série título ativo:False` — parar (ou retomar) para uma série\n`/lembretes ajustes dias:7 silêncio:22:00-08:00 fuso:America/Sao_Paulo` — com que frequência, e horário de silêncio no seu fuso",
    "help.stats.name": "📊 Estatísticas",
    "help.stats.value":
      "`/estatísticas ver` — episódios, horas, filmes, sequências, os mais vistos · `usuário:` alguém que compartilha aqui · `ano:2026`\n`/estatísticas compartilhar modo:sim` — compartilhar as suas neste servidor · `/estatísticas servidor` — o ranking dele · `/estatísticas retrospectiva` — seu ano em uma imagem",
    "help.account.name": "🔗 Sua conta",
    "help.account.value":
      "`/vincular` — conectar sua conta web do Film Fanatic, para as duas compartilharem uma biblioteca (entrar lá com o Discord já faz isso)\n`/desvincular` — desconectar; a conta web fica com tudo\n`/conta` — o que está guardado; exportar ou apagar\n`/importar arquivo` — traga seu histórico do TV Time, Trakt, Letterboxd, IMDb ou de uma exportação do Film Fanatic (com prévia antes); `/importar desfazer` volta atrás em até 24 horas",
    "help.tips.name": "💡 Dicas",
    "help.tips.value":
      "Respostas sobre você só você vê; num servidor, **Compartilhar** publica uma série terminada ou um título que você amou (uma vez por dia por título e canal).\nDigitou um nome em vez de escolher na lista? Eu pergunto “Você quis dizer…?” antes de mudar qualquer coisa.\nFunciona por DM também: instale o app na sua conta e use `/episódio` em qualquer lugar.\nMarcar episódios (`/episódio`, `/marcar`) e mudar sua lista (`/minha-lista adicionar`, `remover`, `status`, `reagir`) vem com um botão **Desfazer** por cinco minutos.",
  },
  commands: {
    help: ["ajuda", "O que o Film Fanatic sabe fazer, com exemplos"],
    ep: ["episódio", "Marcar um episódio (ou um intervalo) como assistido"],
    "ep.show": show,
    "ep.season": ["temporada", "Número da temporada"],
    "ep.episode": ["episódio", "Episódio: 3, um intervalo 1-5, uma lista 1,3,5, ou all"],
    "ep.watched": ["assistido", "False para desmarcar (padrão: True)"],
    mark: ["marcar", "Marcar uma temporada inteira ou uma série inteira de uma vez"],
    "mark.season": ["temporada", "Marcar todos os episódios de uma temporada"],
    "mark.season.show": ["série", "A série: o nome ou um id do TMDB"],
    "mark.season.season": ["temporada", "Número da temporada"],
    "mark.season.watched": ["assistido", "False para desmarcar a temporada (padrão: True)"],
    "mark.show": ["série", "Marcar todos os episódios de uma série"],
    "mark.show.show": ["série", "A série: o nome ou um id do TMDB"],
    "mark.show.watched": ["assistido", "False para desmarcar todos os episódios (padrão: True)"],
    watch: ["minha-lista", "Sua lista: adicionar, acompanhar, reagir, consultar"],
    "watch.add": ["adicionar", "Adicionar um filme ou série à sua lista"],
    ...titleOptions("add"),
    "watch.remove": ["remover", "Tirar um título da sua lista (o progresso fica)"],
    ...titleOptions("remove"),
    "watch.status": ["status", "Quero assistir, assistindo, terminado ou abandonado"],
    ...titleOptions("status"),
    "watch.status.status": ["status", "Onde você está com ele"],
    ...choices("watch.status.status", statuses),
    "watch.status.progress": ["progresso", "Quanto já foi, 0–100 %"],
    "watch.react": ["reagir", "Diga o que achou"],
    ...titleOptions("react"),
    "watch.react.reaction": ["reação", "Sua reação"],
    ...choices("watch.react.reaction", {
      loved: "❤️ Amei",
      liked: "👍 Gostei",
      mixed: "😐 Mais ou menos",
      "not-for-me": "👎 Não é pra mim",
      clear: "Limpar minha reação",
    }),
    "watch.info": ["info", "Pôster, sinopse e onde você está com ele"],
    ...titleOptions("info"),
    "watch.list": ["ver", "Seus títulos (ou de um amigo), os mais novos primeiro"],
    "watch.list.status": ["status", "Só este status"],
    ...choices("watch.list.status", statuses),
    "watch.list.type": ["tipo", "Só filmes ou só séries"],
    ...choices("watch.list.type", { movie: "Filmes", tv: "Séries" }),
    "watch.list.user": ["usuário", "A lista de outra pessoa (se ela compartilha; num servidor em que ela está)"],
    "watch.list.scope": ["escopo", "A lista (padrão), ou tudo o que você acompanha (padrão com filtro de status)"],
    ...choices("watch.list.scope", { watchlist: "Lista", all: "Tudo o que acompanho" }),
    "watch.privacy": ["privacidade", "Escolher se outras pessoas podem ver sua lista"],
    "watch.privacy.visible": ["visível", "True: qualquer pessoa num servidor com você pode ver"],
    party: ["watchparty", "Assistir a uma série juntos, com um painel de progresso ao vivo no canal"],
    "party.start": ["iniciar", "Iniciar uma watch party de uma série, ou uma noite de cinema; você é o anfitrião"],
    "party.start.show": show,
    "party.start.title": ["filme", "Ou um filme, para uma noite de cinema: digite o nome, ou movie:<id do TMDB>"],
    "party.start.season": ["temporada", "Só esta temporada (padrão: a série inteira)"],
    "party.start.channel": ["canal", "Onde vai o painel (padrão: aqui)"],
    "party.start.name": ["nome", "Um nome para a watch party"],
    "party.join": ["entrar", "Entrar numa watch party; seu progresso aparece no painel"],
    "party.join.party": party,
    "party.leave": ["sair", "Sair de uma watch party"],
    "party.leave.party": party,
    "party.status": ["status", "Uma cópia privada do painel, com a sua linha destacada"],
    "party.status.party": party,
    "party.watched": ["assistimos", "Diga quais episódios vocês viram juntos: marcados para você; os outros confirmam com um clique"],
    "party.watched.episode": ["episódio", "Episódio: 3, um intervalo 1-5, ou uma lista 1,3,5"],
    "party.watched.season": ["temporada", "Número da temporada (padrão: a da watch party, ou 1)"],
    "party.watched.party": party,
    "party.end": ["encerrar", "Encerrar uma watch party (o anfitrião, ou quem pode gerenciar o servidor)"],
    "party.end.party": party,
    "party.host": ["anfitrião", "Passar a watch party para um membro (o anfitrião, ou quem pode gerenciar o servidor)"],
    "party.host.member": ["membro", "O membro que passa a ser o anfitrião"],
    "party.host.party": party,
    "party.remove": ["remover", "Tirar um membro de uma watch party (o anfitrião, ou quem pode gerenciar o servidor)"],
    "party.remove.member": ["membro", "Quem tirar (o progresso da pessoa fica)"],
    "party.remove.party": party,
    "party.rename": ["renomear", "Renomear uma watch party (o anfitrião, ou quem pode gerenciar o servidor)"],
    "party.rename.name": ["nome", "O novo nome da watch party"],
    "party.rename.party": party,
    "party.threads": ["tópicos", "Um tópico por sessão para a conversa, aberto no início (anfitrião ou quem gerencia o servidor)"],
    "party.threads.set": ["modo", "Sim: cada início de sessão ganha um tópico; não: sem tópicos"],
    ...choices("party.threads.set", { on: "sim", off: "não" }),
    "party.threads.party": party,
    "party.list": ["lista", "As watch parties ativas deste servidor"],
    "party.schedule": ["agendar", "Agendar a próxima sessão (ou cancelar); cada um vê no seu próprio fuso"],
    "party.schedule.when": ["quando", 'Quando, em inglês ou como data: "friday 21:00", "in 2h", "2026-12-04 20:30"'],
    "party.schedule.repeat": ["repetir", "Toda semana no mesmo horário, ou só desta vez"],
    ...choices("party.schedule.repeat", { weekly: "toda semana", once: "uma vez" }),
    "party.schedule.cancel": ["cancelar", "Cancelar a sessão agendada"],
    "party.schedule.remind": ["aviso", "Minutos antes da sessão para o aviso (padrão 15; 0 para nenhum)"],
    "party.schedule.zone": zone,
    "party.schedule.party": party,
    "party.poll": ["enquete", "Votar quando assistir: até 10 horários propostos; o anfitrião confirma o vencedor"],
    "party.poll.times": ["horários", 'Horários separados por ";", ex. "friday 21:00; saturday 20:00"'],
    "party.poll.hours": ["horas", "Por quanto tempo a enquete fica aberta (padrão 24)"],
    "party.poll.zone": zone,
    "party.poll.party": party,
    list: ["cineclube", "A lista do servidor para noites de cinema: sugerir, mostrar, sortear ou votar"],
    "list.add": ["sugerir", "Sugerir um filme ou série para as noites de cinema do servidor"],
    "list.add.title": title,
    "list.remove": ["remover", "Tirar um título do cineclube (os seus; qualquer um com Gerenciar servidor)"],
    "list.remove.title": ["título", "Um título do cineclube"],
    "list.show": ["mostrar", "O cineclube: quem sugeriu o quê, quantos já viram, durações"],
    "list.show.page": ["página", "Qual página"],
    "list.show.sort": ["ordem", "A ordem (padrão: como foram sugeridos)"],
    ...choices("list.show.sort", { added: "sugeridos", votes: "votos", random: "aleatória" }),
    "list.pick": ["sortear", "Sortear um título, mais provável quanto menos membros o viram"],
    "list.pick.unseen": ["inéditos", "Nunca um que todos os membros daqui já viram"],
    "list.poll": ["enquete", "Uma enquete com títulos do cineclube, os menos vistos primeiro; o vencedor sai ao fechar"],
    "list.poll.count": ["quantidade", "Quantos títulos (2–10, padrão 10)"],
    "list.poll.hours": ["horas", "Por quanto tempo fica aberta (padrão 24, até 168: 7 dias)"],
    "list.add-from": ["de-lista", "Sugerir os títulos de uma das suas listas (criada no app web)"],
    "list.add-from.list": ["lista", "Uma das suas listas"],
    "list.lock": ["bloquear", "Bloquear o cineclube: só Gerenciar servidor pode adicionar ou remover"],
    "list.unlock": ["desbloquear", "Desbloquear o cineclube (Gerenciar servidor)"],
    link: ["vincular", "Vincular sua conta web do Film Fanatic, para Discord e site compartilharem uma biblioteca"],
    unlink: ["desvincular", "Desvincular sua conta web do Film Fanatic (ela fica com os dados)"],
    account: ["conta", "Sua conta vinculada, o que o Film Fanatic guarda sobre você, exportar ou apagar"],
    remind: ["lembretes", "Lembretes por DM de séries paradas e de episódios novos das séries em dia"],
    "remind.on": ["ligar", "Ligar os lembretes"],
    "remind.off": ["desligar", "Desligar todos os lembretes"],
    "remind.settings": ["ajustes", "Quando uma série conta como parada, horário de silêncio e seu fuso"],
    "remind.settings.days": ["dias", "Dias sem marcar antes de eu te lembrar (1-60, padrão 7)"],
    "remind.settings.quiet": ["silêncio", 'Sem DMs nesse horário, ex. "22:00-08:00" (ou "off")'],
    "remind.settings.timezone": ["fuso", "Seu fuso horário, ex. America/Sao_Paulo"],
    "remind.show": ["série", "Ligar ou desligar os lembretes de uma série"],
    "remind.show.title": show,
    "remind.show.enabled": ["ativo", "Me lembrar (True) ou não (False)"],
  },
};
