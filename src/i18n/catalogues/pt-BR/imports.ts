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
    "imports.accepted":
      "uma exportação do TV Time (ZIP), do Trakt (ZIP ou JSON), do Letterboxd (ZIP ou CSV), um CSV de notas ou de lista do IMDb, ou uma exportação do Film Fanatic (JSON, ou .json.gz)",
    "imports.refused.tooLarge":
      "Esse arquivo tem {size}, mais que os {max} que uma importação consegue ler. Compacte em ZIP ou anexe só as partes que você quer.",
    "imports.refused.empty": "Esse arquivo está vazio, então não há nada para importar.",
    "imports.refused.unknown": "Não sei que exportação é essa, então não li nada. Aceitos: {accepted}.",
    "imports.refused.source": "Não sei ler exportações de “{source}”. Aceitos: {accepted}.",
    "imports.refused.tooManyRows":
      "Esse arquivo tem mais de {max, number} linhas, então não foi lido. Divida o arquivo ou anexe só as partes que você quer (no TV Time: followed_tv_show.csv e seen_episode.csv).",
    "imports.refused.wideRow":
      "A linha {row, number} desse arquivo tem mais de {max, number} colunas — nenhuma exportação tem tantas —, então ele não foi lido.",
    "imports.refused.longCell":
      "A linha {row, number} desse arquivo tem uma célula com mais de {max, number} caracteres, então ele não foi lido.",
    "imports.refused.jsonTooLarge":
      "{name} tem {size}, mais JSON do que um arquivo de exportação tem (no máximo {max}), então não foi lido.",
    "imports.refused.tooSlow": "Ler esse arquivo levou tempo ou memória demais, então ele não foi lido. Anexe só as partes que você quer.",
    "imports.refused.busy": "⏳ Várias importações estão sendo lidas agora — tente de novo em um minuto.",
    "imports.refused.notUtf8":
      "{name} não é texto UTF-8, então não foi lido (talvez uma planilha tenha salvado em outra codificação). Exporte de novo, ou salve como “CSV UTF-8”, e anexe esse.",
    "imports.refused.badJson":
      "{name} não é um JSON válido (talvez esteja cortado), então não foi lido. Exporte de novo e anexe o arquivo novo.",
    "imports.refused.notGzip": "{name} não é um arquivo gzip legível, então não foi lido.",
    "imports.refused.gzipExpands": "{name} passa de {max} descompactado, então não foi lido.",
    "imports.refused.nested": "Esse arquivo tem outro arquivo compactado dentro, então não foi lido. Anexe a própria exportação.",
    "imports.refused.damagedArchive":
      "O arquivo compactado está danificado (os dados não podem ser lidos), então não foi lido. Exporte de novo.",
    "imports.refused.notImdb":
      "Isso não é uma exportação do IMDb (os CSVs do IMDb têm as colunas Const e Title Type). Aceitos: {accepted}.",
    "imports.refused.notImdbFile": "{name} não é uma exportação do IMDb (não tem as colunas Const e Title Type), então não foi lido.",
    "imports.refused.notTrakt":
      "Isso não é uma exportação do Trakt (nenhum arquivo watched, watchlist, ratings ou history). Aceitos: {accepted}.",
    "imports.refused.notFilmFanatic":
      "Isso não é uma exportação do Film Fanatic (a de `/conta` ou a da lista no site). Aceitos: {accepted}.",
    "imports.refused.letterboxdName":
      "{name} é uma lista de filmes do Letterboxd, mas o nome não diz se são os filmes que você viu ou a sua watchlist. Mantenha o nome da exportação (watched.csv ou watchlist.csv) e anexe de novo.",
    "imports.refused.letterboxdEmpty":
      "Essa exportação do Letterboxd não tem watched.csv, diary.csv, ratings.csv nem watchlist.csv, então não há nada para importar.",
    "imports.refused.tvtimeEmpty":
      "Essa exportação do TV Time não tem followed_tv_show.csv, seen_episode.csv nem tracking-prod-records.csv, então não há nada para importar.",
    "imports.refused.zipEmpty": "Esse ZIP não tem arquivos CSV nem JSON, então não há nada para importar. Aceitos: {accepted}.",
    "imports.refused.zipDamaged": "Esse ZIP está danificado ou incompleto, então não foi lido. Baixe a exportação de novo e anexe.",
    "imports.refused.zip64Far":
      "Esse ZIP usa o formato ZIP64, que só arquivos muito acima do limite de {max} precisam, então não foi lido.",
    "imports.refused.zip64": "Esse ZIP usa o formato ZIP64, que só arquivos muito grandes precisam, então não foi lido.",
    "imports.refused.zipCount":
      "Esse ZIP tem {count, number} arquivos (mais de {max, number}), então não foi lido. Anexe a exportação do jeito que você baixou.",
    "imports.refused.zipPassword":
      "Esse ZIP é protegido por senha, então não dá para ler. Descompacte com a senha (o TV Time mandou num e-mail separado) e anexe os CSVs compactados de novo, sem senha.",
    "imports.refused.zipNested": "Esse ZIP tem outro arquivo compactado dentro ({name}), então não foi lido. Anexe a própria exportação.",
    "imports.refused.zipExpands": "Esse ZIP passa de {max} descompactado, então não foi lido.",
    "imports.refused.zipBomb":
      "{name} nesse ZIP está muito mais compactado do que qualquer exportação (uma “bomba ZIP”), então não foi lido.",
    "imports.refused.zipLie": "{name} nesse ZIP é maior do que o ZIP diz (uma “bomba ZIP”), então não foi lido.",
    "imports.refused.zipMethod":
      "{name} nesse ZIP está compactado de um jeito que exportações não usam, então não foi lido. Compacte os arquivos de novo com a ferramenta do seu computador.",
    "imports.unmatchedFile":
      "📄 {count, plural, one {# título} many {# títulos} other {# títulos}} sem correspondência — corrija ou adicione à mão.",
    "imports.unmatchedFileCut":
      "📄 Os primeiros {shown, number} de {count, number} títulos sem correspondência — corrija ou adicione à mão.",
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
    "imports.failed.stopped": "A importação parou antes de terminar.",
    "imports.run.busy": "⏳ Você já tem uma importação em andamento — uma de cada vez, por favor.",
    "imports.run.busyUndoing": "⏳ Sua última importação está sendo desfeita — tente de novo quando terminar.",
    "imports.run.gone": "Essa importação não existe mais — use `/importar` de novo.",
    "imports.run.tooManyTitles": "Esse arquivo tem mais de {max, number} títulos — mais do que uma importação aceita.",
    "imports.run.tooManyEpisodes": "Esse arquivo tem mais de {max, number} episódios — mais do que uma importação aceita.",
    "imports.run.applied": "Essa importação já foi aplicada — desfaça em vez disso.",
    "imports.run.notChoosing": "Essa importação não está mais esperando suas escolhas.",
    "imports.run.answered": "Você já escolheu esse título.",
    "imports.run.notOffered": "Esse não é um dos títulos oferecidos.",
    "imports.run.applying": "Essa importação já está sendo aplicada.",
    "imports.run.notWaiting": "Essa importação não está mais esperando para ser aplicada.",
    "imports.run.noUndo": "Você não tem nenhuma importação para desfazer.",
    "imports.run.undoing": "Essa importação já está sendo desfeita.",
    "imports.run.undone": "Essa importação já foi desfeita.",
    "imports.run.notApplied": "Essa importação não foi aplicada, então não há nada para desfazer.",
    "imports.run.tooOld": "Uma importação pode ser desfeita por 24 horas — essa é mais antiga.",
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
      "Use `/importar arquivo` e anexe sua exportação:\n• **Film Fanatic** — o JSON do botão *{exportButton}* em `/conta` (ou a exportação do site)\n• **TV Time** — o ZIP do seu pedido de dados ao TV Time\n• **Trakt** — a exportação em JSON (Settings → Data)\n• **Letterboxd** — o ZIP ou os CSVs de Settings → Data\n• **IMDb** — o CSV das suas notas ou da sua watchlist\nVocê vê uma prévia primeiro; nada é gravado até você apertar **Importar**, e `/importar desfazer` volta uma importação atrás por 24 horas.",
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
