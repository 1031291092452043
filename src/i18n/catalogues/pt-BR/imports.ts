// Português (Brasil): /importar (/import).
import type { Area } from "../en.ts";

export const imports: Area<"imports"> = {
  messages: {
    "imports.download.failed": "Não consegui baixar esse arquivo do Discord — envie de novo, por favor.",
    "imports.download.tooSlow": "O download desse arquivo demorou demais — tente de novo.",
    "imports.download.tooLarge": "Esse arquivo passa de {max} — grande demais para importar.",
    "imports.file.tooLarge": "Esse arquivo tem {size}; um arquivo de importação pode ter no máximo {max}. Nada foi importado.",
    "imports.file.notOnCdn": "Esse arquivo não está na CDN do Discord, então não vou baixá-lo. Nada foi importado.",
    "imports.file.refused": "{reason} Nada foi importado.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# título} many {# títulos} other {# títulos}} sem correspondência — corrija ou adicione à mão.",
    "imports.title": "Importação do {source}",
    "imports.staging": "📥 Lendo {file}…",
    "imports.matching": "🔎 Procurando no TMDB {titles, plural, one {# título} many {# títulos} other {# títulos}} de {file}…",
    "imports.applying": "⏳ Importando para a sua biblioteca…",
    "imports.done.nothing": "✅ {file} importado: 0 mudanças — sua biblioteca já tinha tudo.",
    "imports.done.changed":
      "✅ {file} importado: {changes, plural, one {# título mudou} many {# títulos mudaram} other {# títulos mudaram}} na sua biblioteca.",
    "imports.done.until": "Você pode desfazer até {when}.",
    "imports.done.next": "`/minha-lista ver` mostra os títulos; `/importar desfazer` volta tudo atrás.",
    "imports.undoing": "↩️ Desfazendo a importação…",
    "imports.undone": "↩️ Desfeito: sua biblioteca está como antes de importar {file}.",
    "imports.undone.kept":
      "{kept, plural, one {# título que você mudou aqui desde então manteve} many {# títulos que você mudou aqui desde então mantiveram} other {# títulos que você mudou aqui desde então mantiveram}} a sua mudança.",
    "imports.cancelled": "Cancelado — nada de {file} foi importado.",
    "imports.failed": "❌ {error} Nada mais foi importado.",
    "imports.failed.stopped": "A importação parou.",
    "imports.preview.matched":
      "De {file}, reconhecidos: **{shows, plural, one {# série} many {# séries} other {# séries}}** ({episodes, plural, one {# episódio} many {# episódios} other {# episódios}}), **{movies, plural, one {# filme} many {# filmes} other {# filmes}}**, {watchlist, number} na sua lista, {ratings, plural, one {# nota} many {# notas} other {# notas}}.",
    "imports.preview.ambiguous": "❓ **{count, number} ambíguos** — escolha abaixo (os que ficarem sem escolha são pulados).",
    "imports.preview.skipped": "⏭️ {count, number} pulados.",
    "imports.preview.unmatched": "⚠️ **{count, number} sem correspondência** (não importados):",
    "imports.preview.more": "…e mais {count, number} (todos no CSV).",
    "imports.preview.unreadable":
      "{count, plural, one {# linha do arquivo não pôde ser lida} many {# linhas do arquivo não puderam ser lidas} other {# linhas do arquivo não puderam ser lidas}}.",
    "imports.preview.nothingYet": "Nada é gravado na sua biblioteca até você apertar **Importar**.",
    "imports.preview.page": "Títulos ambíguos: página {page, number} de {pages, number}",
    "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title} — qual é?",
    "imports.menu.skip": "Pular",
    "imports.button.import": "Importar",
    "imports.button.cancel": "Cancelar",
    "imports.button.unmatched": "Sem correspondência (CSV)",
    "imports.button.previous": "◀ Anterior",
    "imports.button.next": "Próxima ▶",
    "imports.button.undo": "Desfazer esta importação",
    "imports.howTo.title": "Importe seu histórico",
    "imports.howTo.description":
      "Use `/importar arquivo` e anexe sua exportação:\n• **Film Fanatic** — o JSON do botão *Export my data* em `/conta` (ou a exportação do site)\n• **TV Time** — o ZIP do seu pedido de dados ao TV Time\n• **Trakt** — a exportação em JSON (Settings → Data)\n• **Letterboxd** — o ZIP ou os CSVs de Settings → Data\n• **IMDb** — o CSV das suas notas ou da sua watchlist\nVocê vê uma prévia primeiro; nada é gravado até você apertar **Importar**, e `/importar desfazer` volta uma importação atrás por 24 horas.",
  },
  commands: {
    import: ["importar", "Traga seu histórico de outro serviço (ou de uma exportação do Film Fanatic)"],
    "import.file": ["arquivo", "Importar um arquivo: primeiro uma prévia; nada é gravado até você apertar Importar"],
    "import.file.file": ["arquivo", "O arquivo exportado (JSON, CSV ou ZIP)"],
    "import.file.source": ["origem", "De onde ele vem (se você não disser, reconheço pelo arquivo)"],
    "import.file.source.choice.filmfanatic": "Exportação do Film Fanatic",
    "import.file.source.choice.tvtime": "TV Time",
    "import.file.source.choice.trakt": "Trakt",
    "import.file.source.choice.letterboxd": "Letterboxd",
    "import.file.source.choice.imdb": "IMDb",
    "import.undo": ["desfazer", "Desfazer sua última importação inteira (em até 24 horas)"],
  },
};
