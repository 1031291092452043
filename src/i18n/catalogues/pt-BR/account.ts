// Português (Brasil): /vincular, /desvincular e /conta (/link, /unlink, /account).
import type { Area } from "../en.ts";

export const account: Area<"account"> = {
  messages: {
    "account.link.title": "Vincule sua conta do Film Fanatic",
    "account.link.description":
      "Abra a página de vinculação, entre no Film Fanatic e confirme. O que você registrou aqui vai para a sua biblioteca web (quando as duas têm um título, vale a mudança mais recente; episódios assistidos são somados).\n\nO botão funciona uma vez e expira {expires}. Ele é só seu: não compartilhe.\nNa página, seu código é `{code}`.",
    "account.link.already": "Você está vinculado a **{name}** agora; vincular outra conta troca o vínculo (você vai ser perguntado antes).",
    "account.link.button.open": "Abrir a página de vinculação",
    "account.unlink.notLinked": "Você não está vinculado a nenhuma conta do Film Fanatic. `/vincular` vincula uma.",
    "account.unlink.question":
      "Desvincular de **{name}**? Sua biblioteca web fica com tudo, mas aqui no Discord você recomeça num perfil só do Discord vazio. `/vincular` vincula de novo depois.",
    "account.unlink.button.confirm": "Desvincular",
    "account.unlink.button.cancel": "Manter vinculado",
    "account.unlink.done":
      "Desvinculado de **{name}**. Sua biblioteca web fica com tudo; daqui pra frente, o que você registrar aqui começa um perfil novo só do Discord. `/vincular` vincula de novo.",
    "account.unlink.yourAccount": "sua conta do Film Fanatic",
    "account.unlink.busy":
      "Seu histórico do Discord ainda está indo para a sua biblioteca web. Tente de novo em um minuto (`/conta` mostra quanto falta).",
    "account.unlink.kept": "Continua vinculado a **{name}** — nada mudou.",
    "account.title": "Sua conta do Film Fanatic",
    "account.field.account": "Conta",
    "account.field.stored": "Guardado",
    "account.field.merge": "Levando seu histórico do Discord",
    "account.notLinked": "Não vinculado — você tem um perfil só do Discord. `/vincular` vincula sua conta web do Film Fanatic.",
    "account.linked":
      "Vinculado a **{name}**{oauth, select, true { (você entrou no Film Fanatic com o Discord)} other {}}. `/desvincular` desvincula.",
    "account.stored":
      "Títulos: {titles}\nEpisódios assistidos: {episodes, number}\nListas próprias: {lists, number}\nLembretes: {reminders, plural, one {# série} many {# séries} other {# séries}}\nWatch parties: {parties, number}",
    "account.atLeast": "{count, number}+",
    "account.button.export": "Exportar meus dados",
    "account.button.letterboxd": "CSV do Letterboxd",
    "account.button.trakt": "JSON do Trakt",
    "account.button.import": "Importar",
    "account.button.delete": "Apagar meus dados do Discord…",
    "account.button.resume": "Retomar a transferência",
    "account.delete.title": "Apagar seus dados do Discord?",
    "account.delete.description":
      "Isso apaga o registro da sua conta do Discord, códigos de vinculação pendentes e suas participações em watch parties — e, se você não estiver vinculado, tudo o que registrou aqui. Uma conta web do Film Fanatic vinculada fica com a biblioteca dela (apague-a no site). Não dá para desfazer.",
    "account.delete.button.confirm": "Sim, apagar",
    "account.delete.button.cancel": "Manter meus dados",
    "account.delete.nothing": "Não havia nada guardado sobre você.",
    "account.delete.deleting":
      "🗑️ Apaguei o registro da sua conta do Discord; sua biblioteca só do Discord está sendo apagada em segundo plano.",
    "account.delete.deletedAll": "🗑️ Apaguei seus dados do Discord e tudo o que você registrou aqui.",
    "account.delete.deletedLinked": "🗑️ Apaguei seus dados do Discord. Sua conta web vinculada fica com a biblioteca dela.",
    "account.resume.done": "Retomei a transferência do seu histórico do Discord; `/conta` mostra quanto falta.",
    "account.resume.nothing": "Não havia nada para retomar.",
    "account.size.mb": "{size, number, ::.0} MB",
    "account.size.kb": "{size, number} KB",
    "account.export.busy":
      "📦 Já estou preparando sua exportação — ela chega aqui assim que ficar pronta. Uma exportação por vez, por favor.",
    "account.export.tooLarge":
      "📦 Sua exportação tem {size} (mesmo comprimida passa dos {limit} que o Discord deixa o bot anexar aqui), então não dá para enviar como arquivo. O site do Film Fanatic tem sua biblioteca se você a vinculou (`/vincular`).",
    "account.export.complete": "📦 Tudo o que o Film Fanatic guarda sobre você.",
    "account.export.partial": "📦 Sua exportação é muito grande; este arquivo tem a primeira parte dela.",
    "account.export.gzip": "Comprimida (gzip) para caber no limite de tamanho de arquivo do Discord.",
    "account.exportAs.tooLarge":
      "📦 Essa exportação tem {size}, mais que os {limit} que o Discord deixa o bot anexar aqui, então não dá para enviar como arquivo.",
    "account.exportAs.letterboxd":
      "📦 {titles, plural, one {# filme} many {# filmes} other {# filmes}} no formato de importação do Letterboxd: envie o arquivo de filmes em letterboxd.com/import, e o da watchlist (se houver) na página de importação da sua watchlist. Só filmes vão para o Letterboxd.",
    "account.exportAs.trakt":
      "📦 {titles, plural, one {# título} many {# títulos} other {# títulos}} no formato de exportação do Trakt (filmes e episódios assistidos, watchlist, notas 10 / 7 / 5 / 2 para amei / gostei / mais ou menos / não é pra mim).",
    "account.exportAs.partial": "Sua biblioteca é muito grande; isto tem a primeira parte dela.",
  },
  commands: {},
};
