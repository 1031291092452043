// 日本語。です・ます調で、短く親しみやすく。コマンド名は日本語の Discord に表示される名前で書く。
import type { Area } from "../en.ts";

const title = ["タイトル", "映画かシリーズの名前を入力、または TMDB の ID"] as const;
const type = ["種類", "映画か TV（TMDB の ID だけを入れたときに必要）"] as const;
const show = ["シリーズ", "シリーズ：名前を入力するか、1399 のような TMDB の ID"] as const;
const party = ["パーティー", "どのパーティーか（チャンネルに 1 つだけなら省略可）"] as const;
const zone = ["タイムゾーン", "あなたのタイムゾーン（最初の一度だけ聞いて覚えます。都市名を入力）"] as const;
const statuses = {
  "want-to-watch": "見たい",
  watching: "視聴中",
  finished: "見終わった",
  dropped: "視聴中止",
};
const choices = (path: string, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(names).map(([value, name]) => [`${path}.choice.${value}`, name]));
const titleOptions = (sub: string) => ({
  [`watch.${sub}.title`]: title,
  [`watch.${sub}.type`]: type,
  ...choices(`watch.${sub}.type`, { movie: "映画", tv: "TV" }),
});

/** The strings every command shares, and /help, /ep, /mark and /watch. */
export const core: Area<"core"> = {
  messages: {
    "status.want-to-watch": statuses["want-to-watch"],
    "status.watching": statuses.watching,
    "status.finished": statuses.finished,
    "status.dropped": statuses.dropped,
    "media.tv": "TV",
    "media.movie": "映画",
    "autocomplete.saved": "保存済み（TMDB に接続できません）",

    "error.unexpected": "こちらで問題が起きました（参照 `{reference}`）。少ししてからもう一度お試しください。",
    "error.unavailable.nothingChanged": "いま Film Fanatic に接続できません。何も変更していません。少ししてからもう一度お試しください。",
    "error.unavailable.mayNotBeSaved":
      "いま Film Fanatic に接続できません。変更が保存されていない可能性があります。{check} で確認してください。",
    "error.unavailable.savedNotShown":
      "いま Film Fanatic に接続できません。変更は保存されましたが表示できません。{check} で確認してください。",
    "error.discord.dmsClosed": "DM を送れません。このサーバーからの DM が閉じられています。",
    "error.discord.missingPermission": "このチャンネルでそれを行う権限がありません。",
    "error.discord.cantSeeChannel": "そのチャンネルが見えません。",
    "error.discord.messageGone": "そのメッセージはもうありません。",
    "error.discord.tooSlow": "時間がかかりすぎて Discord が処理をやめました。もう一度お試しください。",
    "error.discord.alreadyAnswered": "それにはもう応答済みです。",
    "error.tmdb.not_found": "TMDB にそのタイトルはありません。ID を確認してもう一度お試しください。",
    "error.tmdb.unavailable": "TMDB がいま応答しません。何も変更していません。1 分ほどしてからもう一度お試しください。",
    "error.tmdb.timeout": "TMDB の応答に時間がかかりすぎました。何も変更していません。少ししてからもう一度お試しください。",
    "error.tmdb.rate_limited": "TMDB へのリクエストがいま多すぎます。何も変更していません。1 分ほどしてからもう一度お試しください。",
    "error.tmdb.invalid_response": "TMDB から読み取れない応答が返ってきました。何も変更していません。後でもう一度お試しください。",
    "error.tmdb.bad_request": "リクエストが正しくないようです。入力内容を確認してもう一度お試しください。",
    "error.staleComponent": "このボタンは古くなっています。コマンドをもう一度実行してください。",
    "error.unknownCommand": "そのコマンドはもうありません。",
    "error.slowDown": "少しペースを落としてください。{seconds} 秒後にもう一度どうぞ。",

    "guess.question":
      "**{title}**（{year, select, none {} other {{year} · }}{mediaType, select, tv {TV} other {映画}}）のことですか？まだ何も変更していません。",
    "guess.others": "または次のどれか…",

    "progress.notAired": "まだ放送されたエピソードがありません。記録するものはありません。",
    "progress.counting": "{bar} 少なくとも {watched, number}/{total, number} 話 · Web で記録した分を数えています",
    "progress.line": "{bar} {watched, number}/{total, number} 話 · {percent}%",
    "progress.countingNext": "Web で記録したエピソードを数えています。少ししてからもう一度どうぞ。",
    "progress.nothingAired": "まだ何も放送されていません — {when}。",
    "progress.caughtUpUntil": "最新まで視聴済み — {when}。",
    "progress.allCaughtUp": "残りはありません。最新まで視聴済みです！🎉",
    "progress.airs": "{relative}に放送",
    "progress.noAirDate": "放送日は未定",

    "episode.statusChange": "ステータス：{before} → **{after}**",
    "episode.notTracked": "—（記録なし）",
    "episode.nothingChanged":
      "変更はありません。{unchanged, plural, other {#話とも}}すでに{isWatched, select, true {視聴済み} other {未視聴}}です。",
    "episode.counted":
      "{isWatched, select, true {✅ {changed, plural, other {#話を視聴済みにしました}}} other {↩️ {changed, plural, other {#話を未視聴に戻しました}}}}{unchanged, plural, =0 {} other {（#話はすでにそうなっていました）}}。",
    "episode.alreadyOne": "{episode} はすでに{isWatched, select, true {視聴済み} other {未視聴}}です。変更はありません。",
    "episode.changedOne": "{isWatched, select, true {✅ 視聴済み：} other {↩️ 未視聴に戻しました：}}{episode}",
    "episode.scope.season": "シーズン {season}",
    "episode.scope.scattered": "シーズン {season} の {count, plural, other {#話}}",
    "episode.scope.show": "全エピソード。スペシャル（シーズン 0）は含みません",
    "episode.scope.showNoSpecials": "全エピソード。このシリーズにスペシャルはありません",
    "episode.stillApplying":
      "⏳ 反映中：{requested, number} 話中 {applied, number} 話が完了。終わったかどうかは `/ウォッチリスト 情報` で確認できます。",
    "episode.field.progress": "進捗",
    "episode.field.upNext": "次に見る",
    "episode.button.markNext": "{episode} を記録",
    "episode.button.markBefore": "S{season}{last, plural, =1 {E1} other {E1–E{last}}} も記録",
    "episode.button.undo": "元に戻す",
    "episode.button.share": "シェア",
    "episode.button.backToWatching": "視聴中に戻す",
    "episode.button.specials": "スペシャル {count, plural, other {#話}}も{isWatched, select, true {記録} other {未視聴に戻す}}",
    "episode.undone": "↩️ 元に戻しました — {what}。",
    "undo.episodes": "{title} の {episodes} は再び{wasWatched, select, true {視聴済み} other {未視聴}}です（{count, plural, other {#話}}）",
    "undo.episodeCount": "{count, plural, other {#話}}",
    "episode.cached": "TMDB がいま応答しないため、以前保存したエピソード一覧を使っています。新しいエピソードが抜けているかもしれません。",
    "episode.numbering.tmdbOne":
      "TMDB はシーズン {season} のエピソードを独自に番号付けしています：{given} を TMDB の話数として読みました。",
    "episode.numbering.tmdbMany": "TMDB はシーズン {season} のエピソードを独自に番号付けしています：TMDB の話数として読みました。",
    "episode.numbering.positionOne": "{given} をシーズン {season} の {given} 番目のエピソードとして読みました（TMDB では E{tmdb}）。",
    "episode.numbering.positionMany": "シーズン {season} の順番として読みました（TMDB では E{first}–E{last}）。",
    "episode.guessTooLong":
      "どのシリーズか確信が持てず、エピソードの指定もボタンで確認するには長すぎます。入力中の候補からシリーズを選ぶか、TMDB の ID を使ってください。",
    "episode.confirm": "はい — {what}を{isWatched, select, true {記録} other {未視聴に戻す}}",
    "episode.confirmShow": "はい — 全エピソードを{isWatched, select, true {記録} other {未視聴に戻す}}",
    "episode.confirmSeason": "はい — シーズン {season} を{isWatched, select, true {記録} other {未視聴に戻す}}",
    "episode.showFallbackName": "シリーズ {tmdbId}",

    "reaction.loved": "大好き",

    "reaction.liked": "好き",

    "reaction.mixed": "まあまあ",

    "reaction.not-for-me": "好みじゃない",

    "watch.added": "🔖 {title} をウォッチリストに追加しました。",

    "watch.alreadyAdded": "{title} はすでにウォッチリストにあります。",

    "watch.removed": "{title} をウォッチリストから外しました。{kept, select, true {進捗とリアクションは残っています。} other {}}",

    "watch.notOnList": "{title} はウォッチリストにありませんでした。変更はありません。",

    "watch.statusSet": "{status} — {title}{progress, select, none {} other {（{progress}%）}}",

    "watch.statusUnchanged": "変更はありません。{title} はすでに「{status}」です。",

    "watch.reactionSet": "{reaction} — {title}",

    "watch.reactionUnchanged": "変更はありません。{title} へのリアクションはすでに「{reaction}」です。",

    "watch.notReacted": "{title} にはまだリアクションしていませんでした。変更はありません。",

    "watch.reactionCleared": "{title} へのリアクションを消しました。",

    "watch.share.notTrue": "もう当てはまらないため、シェアするものはありません。",

    "watch.share.repeat": "{title} は今日このチャンネルでシェア済みです。次にシェアできるのは {when} です。",

    "watch.share.busy":
      "このチャンネルでは直近 1 時間に {cap, plural, other {#件}}のシェアがあり、これが上限です。{when} にもう一度お試しください。",

    "watch.share.finished": "🎉 {who} さんが {title} を見終わりました！",

    "watch.share.loved": "❤️ {who} さんは {title} が大好きです。",

    "watch.shared": "📣 チャンネルにシェアしました。",

    "watch.shareOnlyInServer": "シェアはサーバーのチャンネルで使えます（DM では使えません）。",

    "watch.state.untracked": "ステータス：まだ記録なし\nウォッチリスト：未追加 — `/ウォッチリスト 追加` で追加できます",

    "watch.state.status": "ステータス：{status}",

    "watch.state.noStatus": "なし",

    "watch.state.onWatchlist": "ウォッチリスト：📌 追加済み",

    "watch.state.offWatchlist": "ウォッチリスト：未追加 — `/ウォッチリスト 追加` で追加できます",

    "watch.state.reaction": "リアクション：{reaction}",

    "watch.field.you": "あなた",

    "watch.field.episodes": "エピソード",

    "watch.jobRunning": "大量のエピソード変更をまだ反映中です。",

    "watch.noOverview": "TMDB にあらすじがありません。",

    "watch.button.add": "ウォッチリストに追加",

    "watch.button.remove": "ウォッチリストから外す",

    "watch.button.shareFinished": "見終わったをシェア",

    "watch.button.shareLoved": "大好きをシェア",

    "watch.button.suggest": "映画の夜に提案",

    "watch.menu.placeholder": "リアクション…",

    "watch.menu.yourReaction": "あなたのリアクション：{reaction}",

    "watch.menu.clear": "リアクションを消す",

    "watch.confirm.add": "はい — ウォッチリストに追加",

    "watch.confirm.remove": "はい — ウォッチリストから外す",

    "watch.confirm.info": "はい — 表示する",

    "watch.confirm.status": "はい — ステータスを設定",

    "watch.confirm.react": "はい — リアクションを保存",

    "watch.botsNoList": "ボットはウォッチリストを持ちません。",

    "watch.visible": "👀 リストを公開しました。他の人は `/ウォッチリスト 一覧 ユーザー:@あなた` で見られます。",

    "watch.private": "🔒 リストを非公開にしました。",

    "watch.list.unavailable":
      "そのリストは見られません。他の人のリストは、その人が何かを記録し `/ウォッチリスト 公開設定` で公開したときだけ見られます。",

    "watch.list.onlyInTheirServer": "他の人のリストは、その人がいるサーバーのチャンネルでだけ見られます。",

    "watch.list.yours": "あなたのウォッチリスト",

    "watch.list.yoursAll": "あなたが記録中のすべて",

    "watch.list.theirs": "{owner} さんのウォッチリスト",

    "watch.list.theirsUnnamed": "その人のウォッチリスト",

    "watch.list.theirsAll": "{owner} さんが記録中のすべて",

    "watch.list.theirsAllUnnamed": "その人が記録中のすべて",

    "watch.list.movies": "映画",

    "watch.list.onWatchlist": "📌 ウォッチリスト",

    "watch.list.noMore": "これ以上タイトルはありません。",

    "watch.list.noMatch": "{filters} に当てはまるタイトルはありません。",

    "watch.list.emptyWatchlist":
      "ウォッチリストは空です。`/ウォッチリスト 追加` で追加しましょう。追加せずに記録中のタイトルは `/ウォッチリスト 一覧 範囲:all` にあります。",

    "watch.list.emptyAll": "まだ何もありません。`/ウォッチリスト 追加` で追加するか、`/エピソード` でエピソードを記録しましょう。",

    "watch.list.footer": "{page} ページ · 新しい順",

    "watch.list.button.first": "« 最初",

    "watch.list.button.next": "次へ ›",

    "undo.offWatchlist": "{title} はウォッチリストから外れた状態に戻りました",

    "undo.untracked": "{title} は記録なしに戻りました",

    "undo.backOnWatchlist": "{title} はウォッチリストに戻りました",

    "undo.noStatus": "{title} はステータスなしに戻りました",

    "undo.statusBack": "{title} は「{status}」に戻りました",

    "undo.noReaction": "{title} へのリアクションはなしに戻りました",

    "undo.reactionBack":
      "{title} へのリアクションは「{reaction, select, loved {大好き} liked {好き} mixed {まあまあ} other {好みじゃない}}」に戻りました",

    "undo.asItWas": "{title} は元のままです",

    "undo.theTitle": "このタイトル",

    "episodeSpec.how": "`3` のような数字、`1-5` のような範囲、`1,3,5` のようなリスト、または `all` で指定してください。",

    "episodeSpec.tooLong": "エピソードの指定が長すぎます。",

    "episodeSpec.which": "どのエピソードですか？",

    "episodeSpec.space": "{quoted} は数字の途中に空白があります。",

    "episodeSpec.notEpisode": "{quoted} はエピソードとして読めません。",

    "episodeSpec.backwards": "範囲 {from}-{to} が逆になっています。{to}-{from} を試してください。",

    "episodeSpec.tooMany": "一度に {max, number} 話を超えています。`/一括記録 シーズン` か `/一括記録 シリーズ` を使ってください。",

    "episodeSpec.otherSeason":
      "{quoted} はシーズン {written} ですが、コマンドではシーズン {season} が指定されています。シーズンはシーズンのオプションで指定してください。",

    "episodeSpec.twoSeasons": "{quoted} にはシーズン {first} と {second} が含まれています。一度に 1 つのシーズンだけ指定してください。",

    "episodeSpec.outOfRange": "エピソード {episode} は範囲外です。エピソード番号は {max, number} までです。",

    "episodeSpec.fromOne": "エピソードは 1 から数えます。",

    "titles.which": "どのタイトルか教えてください。名前を入力して候補から選んでください。",

    "titles.idSpace": "{shown} は数字の途中に空白があります。TMDB の ID は 1399 のように数字だけで書きます。",

    "titles.notId": "{shown} は TMDB の ID ではありません。ID は 1399 のような 1 以上の整数です。",

    "titles.idRange": "{shown} は範囲外です。TMDB の ID は 1〜{max, number} です。",

    "titles.notFound": "TMDB で {query} に一致する{kind, select, tv {シリーズ} movie {映画} other {タイトル}}が見つかりませんでした。",

    "titles.noSuchId": "TMDB に ID {tmdbId} の{kind, select, tv {シリーズ} movie {映画} other {映画やシリーズ}}はありません。",

    "titles.idIsMovie":
      "TMDB の ID {tmdbId} は映画 {title} で、エピソードはありません。映画には `/ウォッチリスト ステータス` を使ってください。",

    "titles.isAMovie": "{title} は映画なのでエピソードはありません。`/ウォッチリスト ステータス` で記録してください。",

    "help.title": "Film Fanatic — Discord で映画とシリーズを記録",
    "help.description":
      "`/連携` で Film Fanatic の Web アカウントとつなぐと、ここで記録したものが Web サイトにも表示されます（逆も同じです）。",
    "help.footer": "タイトルとデータ提供：TMDB",
    "help.episodes.name": "📺 エピソード",
    "help.episodes.value":
      "`/エピソード 1399 1 3` — *Game of Thrones* の S1E3 を視聴済みに（シリーズは名前か TMDB の ID で）\n`/エピソード シリーズ シーズン エピソード:1-5` — 範囲で指定。`エピソード:all` でシーズン全体\n`/エピソード … 視聴済み:False` — 記録を取り消す\n`/一括記録 シーズン` · `/一括記録 シリーズ` — シーズン全体、または全エピソードをまとめて\n`/放送予定 エピソード` — フォロー中のシリーズでこれから放送されるエピソードを、あなたのタイムゾーンで日ごとに · `/放送予定 カレンダー` — 自分専用のカレンダーリンク",
    "help.list.name": "🎬 あなたのリスト",
    "help.list.value":
      "`/ウォッチリスト 追加` — 映画やシリーズをウォッチリストに追加\n`/ウォッチリスト ステータス` — 見たい・視聴中・見終わった・視聴中止（進捗 % は任意）\n`/ウォッチリスト 評価` — 大好き・好き・まあまあ・好みじゃない（または消去）\n`/ウォッチリスト 情報` — ポスター、あらすじ、あなたのステータスと進捗\n`/ウォッチリスト 一覧` — あなたのウォッチリスト。`ステータス:` や `範囲:` で記録中のすべて、`ユーザー:` で友だちのリスト（同じサーバーで）\n`/ウォッチリスト 削除` — ウォッチリストから外す（進捗とリアクションは残ります）\n`/ウォッチリスト 公開設定` — 他の人にリストを見せる",
    "help.parties.name": "🍿 ウォッチパーティー（サーバー内）",
    "help.parties.value":
      '`/ウォッチパーティー 開始 シリーズ` — みんなでシリーズを見る。ライブボードに全員の進捗が表示されます · `/ウォッチパーティー 開始 映画` — 映画の夜：どこで見られるか、誰が来るか、誰がいたか\n`/ウォッチパーティー 参加` · `/ウォッチパーティー 退出` · `/ウォッチパーティー 状況` — ボードの **参加** ボタンでも\n`/ウォッチパーティー 視聴済み エピソード:5-6` — 「一緒に見た？」：あなたの分を記録し、**見た** を押した人の分も記録\n`/ウォッチパーティー 予定 日時:"friday 21:00"` — あなたのタイムゾーンで上映会を予定。参加 / たぶん / 不参加、開始前にお知らせ · `/ウォッチパーティー 投票` で日時を投票 · `/ウォッチパーティー スレッド 設定:オン` — 回ごとに語り合うスレッド\n`/ウォッチパーティー ホスト メンバー:` · `/ウォッチパーティー 外す メンバー:` · `/ウォッチパーティー 名前変更 名前:` — ホストを渡す、メンバーを外す、名前を変える（大事な操作は先に確認します）\n`/ウォッチパーティー 終了` · `/ウォッチパーティー 一覧`',
    "help.serverList.name": "🎞️ サーバーの上映候補（サーバー内）",
    "help.serverList.value":
      "`/上映候補 追加 タイトル` — 映画の夜に映画やシリーズを提案（タイトルカードの **映画の夜に提案** でも） · `/上映候補 リストから リスト:` — 自分のリストから\n`/上映候補 表示` — 誰が何を提案したか、何人が見たか、上映時間 · `/上映候補 削除 タイトル`\n`/上映候補 抽選 未視聴のみ:True` — 見た人が少ないほど当たりやすい抽選 · `/上映候補 投票` — 最大 10 タイトルで投票\n`/上映候補 ロック` · `/上映候補 ロック解除` — サーバー管理権限のみ",
    "help.reminders.name": "🔔 リマインダー",
    "help.reminders.value":
      "シリーズが止まっている、または新しいエピソードが出た？ DM でお知らせします（多くても 1 日 1 回）。\n`/リマインダー オフ` · `/リマインダー オン` — すべてのリマインダーと新エピソード通知\n`/リマインダー シリーズ タイトル 有効:False` — 1 つのシリーズだけ止める（または再開）\n`/リマインダー 設定 日数:7 おやすみ時間:22:00-08:00 タイムゾーン:Asia/Tokyo` — 頻度と、あなたのタイムゾーンでのおやすみ時間",
    "help.stats.name": "📊 統計",
    "help.stats.value":
      "`/統計 表示` — エピソード数、時間、映画、連続記録、よく見たシリーズ · `ユーザー:` ここで公開している人の統計 · `年:2026`\n`/統計 共有 設定:オン` — このサーバーで自分の統計を公開 · `/統計 サーバー` — サーバーのランキング · `/統計 年間まとめ` — あなたの1年を画像で",
    "help.account.name": "🔗 あなたのアカウント",
    "help.account.value":
      "`/連携` — Film Fanatic の Web アカウントとつないで、ライブラリを 1 つに（Web で Discord ログインすれば自動で連携されます）\n`/連携解除` — 連携を外す。Web アカウントのデータはそのまま残ります\n`/アカウント` — 保存されている内容の確認、エクスポート、削除\n`/インポート ファイル` — TV Time、Trakt、Letterboxd、IMDb、Film Fanatic のエクスポートから視聴履歴を取り込む（先にプレビュー）。`/インポート 取り消し` で 24 時間以内なら元に戻せます",
    "help.tips.name": "💡 ヒント",
    "help.tips.value":
      "あなたについての返信はあなたにだけ見えます。サーバーでは **シェア** で見終わったシリーズや大好きなタイトルを投稿できます（タイトルとチャンネルごとに 1 日 1 回）。\n候補から選ばずに名前を入力したときは、何かを変える前に「…のことですか？」と確認します。\nDM でも使えます：アプリを自分のアカウントに追加すれば、どこでも `/エピソード` が使えます。\nエピソードの記録（`/エピソード`、`/一括記録`）やリストの変更（`/ウォッチリスト 追加`、`削除`、`ステータス`、`評価`）には 5 分間 **元に戻す** ボタンが付きます。",
  },
  commands: {
    help: ["ヘルプ", "Film Fanatic でできることと使い方の例"],
    ep: ["エピソード", "エピソード（または範囲）を視聴済みにする"],
    "ep.show": show,
    "ep.season": ["シーズン", "シーズン番号"],
    "ep.episode": ["エピソード", "エピソード：3、範囲 1-5、リスト 1,3,5、または all"],
    "ep.watched": ["視聴済み", "False で記録を取り消す（既定：True）"],
    mark: ["一括記録", "シーズン全体やシリーズ全体をまとめて記録"],
    "mark.season": ["シーズン", "1 シーズンの全エピソードを記録"],
    "mark.season.show": ["シリーズ", "シリーズ：名前か TMDB の ID"],
    "mark.season.season": ["シーズン", "シーズン番号"],
    "mark.season.watched": ["視聴済み", "False でシーズンの記録を取り消す（既定：True）"],
    "mark.show": ["シリーズ", "シリーズの全エピソードを記録"],
    "mark.show.show": ["シリーズ", "シリーズ：名前か TMDB の ID"],
    "mark.show.watched": ["視聴済み", "False で全エピソードの記録を取り消す（既定：True）"],
    watch: ["ウォッチリスト", "ウォッチリスト：追加、記録、評価、確認"],
    "watch.add": ["追加", "映画やシリーズをウォッチリストに追加"],
    ...titleOptions("add"),
    "watch.remove": ["削除", "タイトルをウォッチリストから外す（進捗は残ります）"],
    ...titleOptions("remove"),
    "watch.status": ["ステータス", "見たい・視聴中・見終わった・視聴中止を設定"],
    ...titleOptions("status"),
    "watch.status.status": ["ステータス", "いまの状態"],
    ...choices("watch.status.status", statuses),
    "watch.status.progress": ["進捗", "どこまで見たか（0〜100 %）"],
    "watch.react": ["評価", "どうだったかを伝える"],
    ...titleOptions("react"),
    "watch.react.reaction": ["リアクション", "あなたのリアクション"],
    ...choices("watch.react.reaction", {
      loved: "❤️ 大好き",
      liked: "👍 好き",
      mixed: "😐 まあまあ",
      "not-for-me": "👎 好みじゃない",
      clear: "リアクションを消す",
    }),
    "watch.info": ["情報", "ポスター、あらすじ、あなたの進み具合"],
    ...titleOptions("info"),
    "watch.list": ["一覧", "あなた（または友だち）のタイトル、新しい順"],
    "watch.list.status": ["ステータス", "このステータスだけ"],
    ...choices("watch.list.status", statuses),
    "watch.list.type": ["種類", "映画だけ、または TV だけ"],
    ...choices("watch.list.type", { movie: "映画", tv: "TV" }),
    "watch.list.user": ["ユーザー", "他の人のリスト（公開している場合。その人がいるサーバーで）"],
    "watch.list.scope": ["範囲", "ウォッチリスト（既定）、または記録中のすべて（ステータス指定時の既定）"],
    ...choices("watch.list.scope", { watchlist: "ウォッチリスト", all: "記録中のすべて" }),
    "watch.privacy": ["公開設定", "他の人があなたのリストを見られるかを選ぶ"],
    "watch.privacy.visible": ["公開", "True：同じサーバーの誰でも見られます"],
    party: ["ウォッチパーティー", "みんなでシリーズを見る。チャンネルに進捗のライブボード付き"],
    "party.start": ["開始", "シリーズのウォッチパーティーか映画の夜を始める。あなたがホストです"],
    "party.start.show": show,
    "party.start.title": ["映画", "または映画の夜の映画：名前を入力するか movie:<TMDB の ID>"],
    "party.start.season": ["シーズン", "このシーズンだけ（既定：シリーズ全体）"],
    "party.start.channel": ["チャンネル", "ボードを置く場所（既定：ここ）"],
    "party.start.name": ["名前", "パーティーの名前"],
    "party.join": ["参加", "ウォッチパーティーに参加。あなたの進捗がボードに表示されます"],
    "party.join.party": party,
    "party.leave": ["退出", "ウォッチパーティーから抜ける"],
    "party.leave.party": party,
    "party.status": ["状況", "ボードの非公開コピー（あなたの行を強調）"],
    "party.status.party": party,
    "party.watched": ["視聴済み", "一緒に見たエピソードを伝える：あなたの分を記録、他の人はクリックで確認"],
    "party.watched.episode": ["エピソード", "エピソード：3、範囲 1-5、またはリスト 1,3,5"],
    "party.watched.season": ["シーズン", "シーズン番号（既定：パーティーのシーズン、なければ 1）"],
    "party.watched.party": party,
    "party.end": ["終了", "ウォッチパーティーを終える（ホストかサーバー管理権限のある人）"],
    "party.end.party": party,
    "party.host": ["ホスト", "パーティーをメンバーに引き継ぐ（ホストかサーバー管理権限のある人）"],
    "party.host.member": ["メンバー", "これからホストになるメンバー"],
    "party.host.party": party,
    "party.remove": ["外す", "メンバーをパーティーから外す（ホストかサーバー管理権限のある人）"],
    "party.remove.member": ["メンバー", "外す人（その人の進捗は残ります）"],
    "party.remove.party": party,
    "party.rename": ["名前変更", "ウォッチパーティーの名前を変える（ホストかサーバー管理権限のある人）"],
    "party.rename.name": ["名前", "パーティーの新しい名前"],
    "party.rename.party": party,
    "party.threads": ["スレッド", "回ごとに語り合うスレッドを開始時に作る（ホストかサーバー管理権限のある人）"],
    "party.threads.set": ["設定", "オン：各回の開始投稿にスレッド。オフ：スレッドなし"],
    ...choices("party.threads.set", { on: "オン", off: "オフ" }),
    "party.threads.party": party,
    "party.list": ["一覧", "このサーバーで開催中のウォッチパーティー"],
    "party.schedule": ["予定", "次の上映会を予定（または取り消し）。各自のタイムゾーンで表示されます"],
    "party.schedule.when": ["日時", '日時（英語か日付で）："friday 21:00"、"in 2h"、"2026-12-04 20:30"'],
    "party.schedule.repeat": ["繰り返し", "毎週同じ時刻か、今回だけか"],
    ...choices("party.schedule.repeat", { weekly: "毎週", once: "今回だけ" }),
    "party.schedule.cancel": ["取り消し", "予定している回を取り消す"],
    "party.schedule.remind": ["リマインド", "開始の何分前に知らせるか（既定 15、0 で通知なし）"],
    "party.schedule.zone": zone,
    "party.schedule.party": party,
    "party.poll": ["投票", "いつ見るかを投票：最大 10 個の候補日時。勝った日時はホストが確定"],
    "party.poll.times": ["候補日時", '";" で区切った日時。例："friday 21:00; saturday 20:00"'],
    "party.poll.hours": ["時間", "投票を開いておく時間（既定 24）"],
    "party.poll.zone": zone,
    "party.poll.party": party,
    list: ["上映候補", "映画の夜のためのサーバーのリスト：提案、表示、抽選、投票"],
    "list.add": ["追加", "サーバーの映画の夜に映画やシリーズを提案"],
    "list.add.title": title,
    "list.remove": ["削除", "上映候補からタイトルを外す（自分の提案。サーバー管理権限ならすべて）"],
    "list.remove.title": ["タイトル", "上映候補にあるタイトル"],
    "list.show": ["表示", "上映候補：誰が何を提案したか、何人が見たか、上映時間"],
    "list.show.page": ["ページ", "どのページか"],
    "list.show.sort": ["並び順", "並び順（既定：提案順）"],
    ...choices("list.show.sort", { added: "提案順", votes: "票数順", random: "ランダム" }),
    "list.pick": ["抽選", "タイトルをランダムに選ぶ。見た人が少ないほど当たりやすい"],
    "list.pick.unseen": ["未視聴のみ", "ここにいる全員が見たものは選ばない"],
    "list.poll": ["投票", "上映候補から投票。見た人が少ない順。締め切り時に結果を投稿"],
    "list.poll.count": ["件数", "タイトルの数（2〜10、既定 10）"],
    "list.poll.hours": ["時間", "投票を開いておく時間（既定 24、最大 168＝7 日）"],
    "list.add-from": ["リストから", "自分のリスト（Web アプリで作成）のタイトルを提案"],
    "list.add-from.list": ["リスト", "あなたのリストの 1 つ"],
    "list.lock": ["ロック", "上映候補をロック：サーバー管理権限のある人だけが追加・削除できます"],
    "list.unlock": ["ロック解除", "上映候補のロックを解除（サーバー管理権限）"],
    link: ["連携", "Film Fanatic の Web アカウントと連携し、Discord と Web で同じライブラリを使う"],
    unlink: ["連携解除", "Film Fanatic の Web アカウントとの連携を外す（データは残ります）"],
    account: ["アカウント", "連携中のアカウント、保存されている内容、エクスポートや削除"],
    remind: ["リマインダー", "止まっているシリーズや、追いついているシリーズの新エピソードを DM でお知らせ"],
    "remind.on": ["オン", "リマインダーをオンにする"],
    "remind.off": ["オフ", "すべてのリマインダーをオフにする"],
    "remind.settings": ["設定", "止まっているとみなすまでの日数、おやすみ時間、タイムゾーン"],
    "remind.settings.days": ["日数", "記録がないままお知らせするまでの日数（1〜60、既定 7）"],
    "remind.settings.quiet": ["おやすみ時間", 'DM を送らない時間帯。例："22:00-08:00"（または "off"）'],
    "remind.settings.timezone": ["タイムゾーン", "あなたのタイムゾーン。例：Asia/Tokyo"],
    "remind.show": ["シリーズ", "1 つのシリーズのリマインダーをオン・オフ"],
    "remind.show.title": show,
    "remind.show.enabled": ["有効", "お知らせする（True）かしない（False）"],
  },
};
