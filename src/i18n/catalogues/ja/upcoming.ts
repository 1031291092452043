// 日本語：/放送予定（/upcoming）。
import type { Area } from "../en.ts";

export const upcoming: Area<"upcoming"> = {
  messages: {
    "upcoming.badDays": "`日数` は 1〜{max, number} の整数で指定してください。",
    "upcoming.title": "📅 これから{days, plural, other {#日間}}",
    "upcoming.outNow": "配信済み — 次に見るエピソード",
    "upcoming.party": "🍿 {channel} でウォッチパーティー中",
    "upcoming.aired": "{when}に配信",
    "upcoming.empty.noShows":
      "まだフォロー中のシリーズがありません。`/エピソード` でエピソードを記録する（または `/ウォッチリスト ステータス` でシリーズを「視聴中」にする）と、次のエピソードがここに表示されます。",
    "upcoming.empty.nothing":
      "フォロー中の{shows, plural, other {#作品}}で、これから{days, plural, other {#日間}}に放送されるエピソードはありません。",
    "upcoming.empty.further": "`/放送予定 エピソード 日数:60` でもっと先まで見られます。",
    "upcoming.uncached":
      "フォロー中の{count, plural, other {#作品}}は放送予定がまだ保存されていません。そのシリーズで `/ウォッチリスト 情報` を使うと読み込まれます。",
    "upcoming.truncated": "最初の{max, number}話だけを表示しています。日数を減らしてください。",
    "upcoming.footer.zone": "日付は {zone}",
    "upcoming.footer.utc": "日付は UTC — /リマインダー 設定 タイムゾーン: でタイムゾーンを設定できます",
    "upcoming.footer.source": "放送日は TMDB より",
    "upcoming.footer.page": "{page} / {count} ページ",
    "upcoming.button.mark": "{episode} を視聴済みに · {title}",
    "upcoming.button.previous": "◀ 前へ",
    "upcoming.button.next": "次へ ▶",
    "upcoming.feed.lead":
      "📅 **あなたのカレンダーフィード** — フォロー中のシリーズの新エピソード（今後 60 日）と、ウォッチパーティーの予定：",
    "upcoming.feed.subscribe":
      "URL で登録してください：Google カレンダー → *他のカレンダー* → *URL で追加*、Apple のカレンダー → *ファイル* → *新規カレンダー照会*、Outlook → *カレンダーを追加* → *Web から購読*。カレンダーアプリが数時間ごとに更新します。",
    "upcoming.feed.private":
      "🔒 このリンクは人に教えないでください。リンクを知っている人は誰でも、あなたが何を見ているか、ウォッチパーティーがいつ集まるかを見られます。**リンクを再発行** で新しいリンクを作ると、古いリンクはすぐに使えなくなります。",
    "upcoming.button.reset": "リンクを再発行",
    "upcoming.button.keep": "そのままにする",
    "upcoming.reset.question":
      "カレンダーのリンクを再発行しますか？今のリンクはすぐに使えなくなり（登録済みのカレンダーは更新されなくなります）、新しいリンクを登録し直すことになります。",
    "upcoming.reset.done": "🔁 再発行しました。古いカレンダーのリンクはもう使えません。代わりにこちらを登録してください。",
    "upcoming.reset.kept": "カレンダーのリンクはそのままです。`/放送予定 カレンダー` でもう一度表示できます。",
    "upcoming.ics.name": "Film Fanatic — 放送予定",
    "upcoming.ics.description": "フォロー中のシリーズの新エピソードと、ウォッチパーティーの予定。",
    "upcoming.ics.episode":
      "{title} の {code} は {date} に放送（TMDB の日付）。Discord で /エピソード {tmdbId} {season} {episode} で記録できます。",
    "upcoming.ics.session": "🍿 {movie, select, true {映画の夜} other {一緒に視聴}}：{label}",
    "upcoming.ics.sessionDescription":
      "Discord のウォッチパーティーの予定{weekly, select, true {（毎週）} other {}}。{answer, select, going {あなたの返事：参加} maybe {あなたの返事：未定} cant {あなたの返事：不参加} other {まだ返事をしていません}} — パーティーのチャンネルの投稿で返事できます。",
  },
  commands: {
    upcoming: ["放送予定", "これからの放送：フォロー中のシリーズの次のエピソードと、カレンダーフィード"],
    "upcoming.episodes": ["エピソード", "フォロー中のシリーズの次のエピソードを、あなたのタイムゾーンで日ごとに"],
    "upcoming.episodes.days": ["日数", "何日先まで（1〜60、既定 14）"],
    "upcoming.feed": ["カレンダー", "Google・Apple・Outlook カレンダー用の、自分専用カレンダーリンク（iCalendar）"],
  },
};
