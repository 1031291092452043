// 日本語：/インポート（/import）。
import type { Area } from "../en.ts";

export const imports: Area<"imports"> = {
  messages: {
    "imports.download.failed": "Discord からファイルをダウンロードできませんでした。もう一度送ってください。",
    "imports.download.tooSlow": "ファイルのダウンロードに時間がかかりすぎました。もう一度お試しください。",
    "imports.download.tooLarge": "このファイルは {max} を超えているため、インポートできません。",
    "imports.file.tooLarge": "このファイルは {size} です。インポートできるファイルは {max} までです。何もインポートしていません。",
    "imports.file.notOnCdn": "このファイルは Discord の CDN 上にないため、ダウンロードしません。何もインポートしていません。",
    "imports.file.refused": "{reason} 何もインポートしていません。",
    "imports.accepted":
      "TV Time のエクスポート（ZIP）、Trakt のエクスポート（ZIP か JSON）、Letterboxd のエクスポート（ZIP か CSV）、IMDb の評価またはリストの CSV、Film Fanatic のエクスポート（JSON か .json.gz）",
    "imports.refused.tooLarge":
      "このファイルは {size} で、インポートで読める {max} を超えています。ZIP に圧縮するか、必要な部分だけを添付してください。",
    "imports.refused.empty": "このファイルは空なので、インポートするものがありません。",
    "imports.refused.unknown": "どのサービスのエクスポートか判別できないため、何も読み込んでいません。対応しているもの：{accepted}。",
    "imports.refused.source": "「{source}」のエクスポートは読み込めません。対応しているもの：{accepted}。",
    "imports.refused.tooManyRows":
      "このファイルは {max, number} 行を超えているため、読み込んでいません。分割するか、必要な部分だけを添付してください（TV Time なら followed_tv_show.csv と seen_episode.csv）。",
    "imports.refused.wideRow":
      "このファイルの {row, number} 行目には {max, number} を超える列があります（そんなに多い列を持つエクスポートはありません）。そのため読み込んでいません。",
    "imports.refused.longCell": "このファイルの {row, number} 行目に {max, number} 文字を超えるセルがあるため、読み込んでいません。",
    "imports.refused.jsonTooLarge":
      "{name} は {size} あり、エクスポートの 1 ファイルとしては大きすぎる JSON です（上限 {max}）。そのため読み込んでいません。",
    "imports.refused.tooSlow":
      "このファイルの読み込みに時間かメモリがかかりすぎたため、読み込んでいません。必要な部分だけを添付してください。",
    "imports.refused.busy": "⏳ いま複数のインポートを読み込み中です。1 分ほどしてからもう一度お試しください。",
    "imports.refused.notUtf8":
      "{name} は UTF-8 のテキストではないため、読み込んでいません（表計算ソフトが別の文字コードで保存したのかもしれません）。もう一度エクスポートするか、「CSV UTF-8」で保存して添付してください。",
    "imports.refused.badJson":
      "{name} は正しい JSON ではない（途中で切れている可能性があります）ため、読み込んでいません。もう一度エクスポートして、新しいファイルを添付してください。",
    "imports.refused.notGzip": "{name} は読み込める gzip ファイルではないため、読み込んでいません。",
    "imports.refused.gzipExpands": "{name} は展開すると {max} を超えるため、読み込んでいません。",
    "imports.refused.nested":
      "このファイルの中に別のアーカイブが入っているため、読み込んでいません。エクスポートそのものを添付してください。",
    "imports.refused.damagedArchive":
      "アーカイブが壊れている（圧縮データを読めない）ため、読み込んでいません。もう一度エクスポートしてください。",
    "imports.refused.notImdb":
      "IMDb のエクスポートではありません（IMDb の CSV には Const と Title Type の列があります）。対応しているもの：{accepted}。",
    "imports.refused.notImdbFile": "{name} は IMDb のエクスポートではない（Const と Title Type の列がない）ため、読み込んでいません。",
    "imports.refused.notTrakt":
      "Trakt のエクスポートではありません（watched、watchlist、ratings、history のファイルがありません）。対応しているもの：{accepted}。",
    "imports.refused.notFilmFanatic":
      "Film Fanatic のエクスポートではありません（`/アカウント` のエクスポートか、Web サイトのウォッチリストのエクスポートを使ってください）。対応しているもの：{accepted}。",
    "imports.refused.letterboxdName":
      "{name} は Letterboxd の映画リストですが、名前から見た映画かウォッチリストかが分かりません。エクスポートされたときの名前（watched.csv か watchlist.csv）のまま、もう一度添付してください。",
    "imports.refused.letterboxdEmpty":
      "この Letterboxd のエクスポートには watched.csv、diary.csv、ratings.csv、watchlist.csv のどれもないため、インポートするものがありません。",
    "imports.refused.tvtimeEmpty":
      "この TV Time のエクスポートには followed_tv_show.csv、seen_episode.csv、tracking-prod-records.csv のどれもないため、インポートするものがありません。",
    "imports.refused.zipEmpty":
      "この ZIP には CSV や JSON のファイルがないため、インポートするものがありません。対応しているもの：{accepted}。",
    "imports.refused.zipDamaged":
      "この ZIP は壊れているか不完全なため、読み込んでいません。エクスポートをもう一度ダウンロードして添付してください。",
    "imports.refused.zip64Far":
      "この ZIP は ZIP64 形式です。{max} の上限をはるかに超えるファイルにしか使われない形式なので、読み込んでいません。",
    "imports.refused.zip64": "この ZIP は ZIP64 形式です。とても大きなファイルにしか使われない形式なので、読み込んでいません。",
    "imports.refused.zipCount":
      "この ZIP には {count, number} 個のファイルが入っている（上限は {max, number} 個）ため、読み込んでいません。ダウンロードしたままのエクスポートを添付してください。",
    "imports.refused.zipPassword":
      "この ZIP はパスワードで保護されているため、読み込めません。パスワード（TV Time が別のメールで送っています）で展開し、CSV ファイルをパスワードなしで ZIP にし直して添付してください。",
    "imports.refused.zipNested":
      "この ZIP の中に別のアーカイブ（{name}）が入っているため、読み込んでいません。エクスポートそのものを添付してください。",
    "imports.refused.zipExpands": "この ZIP は展開すると {max} を超えるため、読み込んでいません。",
    "imports.refused.zipBomb":
      "この ZIP の {name} は、どのエクスポートよりもはるかに高く圧縮されている（「ZIP 爆弾」）ため、読み込んでいません。",
    "imports.refused.zipLie": "この ZIP の {name} は、ZIP に書かれたサイズより大きい（「ZIP 爆弾」）ため、読み込んでいません。",
    "imports.refused.zipMethod":
      "この ZIP の {name} はエクスポートでは使われない方式で圧縮されているため、読み込んでいません。パソコンに標準で入っているツールで ZIP にし直してください。",
    "imports.unmatchedFile": "📄 一致しなかったタイトル：{count, plural, other {#件}}。手動で修正するか追加してください。",
    "imports.unmatchedFileCut":
      "📄 一致しなかった {count, number} 件のうち最初の {shown, number} 件です。手動で修正または追加してください。",
    "imports.title": "{source} からのインポート",
    "imports.staging": "📥 {file} を読み込んでいます…",
    "imports.matching": "🔎 {file} の{titles, plural, other {#件}}のタイトルを TMDB と照合しています…",
    "imports.applying": "⏳ ライブラリにインポートしています…",
    "imports.done.nothing": "✅ {file} をインポートしました：変更は 0 件です。ライブラリにすべて入っていました。",
    "imports.done.changed": "✅ {file} をインポートしました：ライブラリの{changes, plural, other {#件}}のタイトルが変わりました。",
    "imports.done.until": "{when} まで取り消せます。",
    "imports.done.next": "`/ウォッチリスト 一覧` で確認できます。`/インポート 取り消し` ですべて元に戻せます。",
    "imports.undoing": "↩️ インポートを取り消しています…",
    "imports.undone": "↩️ 取り消しました：ライブラリは {file} をインポートする前の状態に戻りました。",
    "imports.undone.kept": "その後ここで変更した{kept, plural, other {#件}}のタイトルは、あなたの変更をそのまま残しています。",
    "imports.cancelled": "キャンセルしました。{file} からは何もインポートしていません。",
    "imports.failed": "❌ {error} これ以上はインポートしていません。",
    "imports.failed.stopped": "インポートが途中で止まりました。",
    "imports.run.busy": "⏳ すでにインポートを実行中です。1 つずつお願いします。",
    "imports.run.busyUndoing": "⏳ 前回のインポートを取り消しています。終わってからもう一度お試しください。",
    "imports.run.gone": "このインポートはもうありません。もう一度 `/インポート` を実行してください。",
    "imports.run.tooManyTitles": "このファイルには {max, number} 件を超えるタイトルがあり、1 回のインポートでは扱えません。",
    "imports.run.tooManyEpisodes": "このファイルには {max, number} 話を超えるエピソードがあり、1 回のインポートでは扱えません。",
    "imports.run.applied": "このインポートはすでに反映済みです。取り消す場合は取り消しを使ってください。",
    "imports.run.notChoosing": "このインポートはもう選択を受け付けていません。",
    "imports.run.answered": "このタイトルはもう選択済みです。",
    "imports.run.notOffered": "候補にあるタイトルではありません。",
    "imports.run.applying": "このインポートはすでに反映中です。",
    "imports.run.notWaiting": "このインポートはもう反映を待っていません。",
    "imports.run.noUndo": "取り消せるインポートはありません。",
    "imports.run.undoing": "このインポートはすでに取り消し中です。",
    "imports.run.undone": "このインポートはすでに取り消されています。",
    "imports.run.notApplied": "このインポートは反映されていないので、取り消すものはありません。",
    "imports.run.tooOld": "インポートを取り消せるのは 24 時間以内です。これはそれより前のものです。",
    "imports.preview.matched":
      "{file} から見つかったもの：**シリーズ {shows, plural, other {#件}}**（エピソード {episodes, plural, other {#話}}）、**映画 {movies, plural, other {#本}}**、ウォッチリスト {watchlist, number} 件、評価 {ratings, plural, other {#件}}。",
    "imports.preview.ambiguous": "❓ **候補が複数あるもの {count, number} 件**：下から選んでください（選ばなかったものはスキップします）。",
    "imports.preview.skipped": "⏭️ スキップ：{count, number} 件。",
    "imports.preview.unmatched": "⚠️ **見つからなかったもの {count, number} 件**（インポートしません）：",
    "imports.preview.more": "…ほか {count, number} 件（すべて CSV に入っています）。",
    "imports.preview.unreadable": "ファイルの{count, plural, other {#行}}を読み取れませんでした。",
    "imports.preview.nothingYet": "**インポート** を押すまで、ライブラリには何も書き込みません。",
    "imports.preview.page": "候補が複数あるタイトル：{page, number} / {pages, number} ページ",
    "imports.pick.placeholder": "{mediaType, select, tv {📺} other {🎬}} {title}：どれですか？",
    "imports.menu.skip": "スキップする",
    "imports.button.import": "インポート",
    "imports.button.cancel": "キャンセル",
    "imports.button.unmatched": "見つからなかったもの（CSV）",
    "imports.button.previous": "◀ 前へ",
    "imports.button.next": "次へ ▶",
    "imports.button.undo": "このインポートを取り消す",
    "imports.howTo.title": "視聴履歴をインポート",
    "imports.howTo.description":
      "`/インポート ファイル` でエクスポートしたファイルを添付してください：\n• **Film Fanatic**：`/アカウント` の *{exportButton}* ボタンで作る JSON（または Web サイトのエクスポート）\n• **TV Time**：TV Time へのデータ請求で届く ZIP\n• **Trakt**：JSON エクスポート（Settings → Data）\n• **Letterboxd**：Settings → Data の ZIP または CSV\n• **IMDb**：評価またはウォッチリストの CSV\nまずプレビューが表示されます。**インポート** を押すまで何も書き込まず、`/インポート 取り消し` で 24 時間以内なら元に戻せます。",
  },
  commands: {
    import: ["インポート", "他のサービス（または Film Fanatic のエクスポート）から視聴履歴を取り込む"],
    "import.file": ["ファイル", "エクスポートファイルを取り込む：まずプレビュー、「インポート」を押すまで書き込みません"],
    "import.file.file": ["ファイル", "エクスポートファイル（JSON、CSV、ZIP）"],
    "import.file.source": ["取り込み元", "どのサービスのファイルか（省略するとファイルから判別します）"],
    "import.file.source.choice.filmfanatic": "Film Fanatic のエクスポート",
    "import.file.source.choice.tvtime": "TV Time",
    "import.file.source.choice.trakt": "Trakt",
    "import.file.source.choice.letterboxd": "Letterboxd",
    "import.file.source.choice.imdb": "IMDb",
    "import.undo": ["取り消し", "直前のインポートをまとめて取り消す（24 時間以内）"],
  },
};
