// 日本語：/リマインダー（/remind）とリマインダーの DM。
import type { Area } from "../en.ts";

export const reminders: Area<"reminders"> = {
  messages: {
    "reminders.badZone":
      "タイムゾーン「{zone}」がわかりません。入力中に表示される一覧から、都市名で選んでください（例：Asia/Tokyo）。JST のような略称は夏時間を考慮しません。",
    "reminders.didYouMean":
      "**{title}** のことですか？ 入力中に表示される一覧からシリーズを選んでください（または TMDB ID {tmdbId} を使ってください）。",
    "reminders.turnedOn": "🔔 リマインダーをオンにしました。",
    "reminders.turnedOff": "🔕 リマインダーをオフにしました。シリーズについての DM は送りません。",
    "reminders.already": "リマインダーはすでに{enabled, select, true {オン} other {オフ}}です。変更はありません。",
    "reminders.saved": "✅ 保存しました。",
    "reminders.state": "**リマインダー**：{enabled, select, true {オン} other {オフ}}",
    "reminders.stalledAfter": "• 記録がないまま **{days, plural, other {# 日}}** たつと、止まっているとみなします。",
    "reminders.quiet.none": "• おやすみ時間：**なし**",
    "reminders.quiet.noneZone": "• おやすみ時間：**なし**（あなたのタイムゾーン：{zone}）",
    "reminders.quiet.hours": "• おやすみ時間：**{hours}**（{zone}）",
    "reminders.howToChange":
      "`/リマインダー 設定 日数:7 おやすみ時間:22:00-08:00 タイムゾーン:Asia/Tokyo` で変更できます。`/リマインダー オフ` ですべて止まり、`/リマインダー シリーズ` で 1 つのシリーズだけ止められます。",
    "reminders.showOn": "🔔 **{title}** のお知らせを再開します。",
    "reminders.showOff": "🔕 **{title}** のリマインダーと新エピソード通知を止めました。",
    "reminders.stopped": "🔕 **{title}** のリマインダーと新エピソード通知を止めました。`/リマインダー シリーズ` で再開できます。",
    "reminders.marked": "✅ **{title}** の {code} を視聴済みにしました。",
    "reminders.alreadyMarked": "**{title}** の {code} はすでに視聴済みです。",
    "reminders.snoozed": "😴 {until} まで **{title}** のお知らせはお休みします。",
    "reminders.lastShow": "このリマインダーのシリーズは以上です。",
    "reminders.caughtUp": "このリマインダーのシリーズはすべて最新まで視聴済みです。",
    "reminders.dm.one": "続きから見ませんか？",
    "reminders.dm.many": "{count, plural, other {# 本のシリーズ}}が、止めたところで待っています。",
    "reminders.dm.also": "ほかにも待っています：{shows}",
    "reminders.dm.first":
      "このお知らせは多くても 1 日 1 回です。`/リマインダー オフ` ですべて止まります。**設定** で頻度と時間帯を変えられます。",
    "reminders.dm.upNext": "次は：{episode}",
    "reminders.dm.left":
      "残り {left, plural, other {# 話}} · 最後の記録は{idle, select, today {今日} yesterday {昨日} other {{days, plural, other {# 日}}前}}",
    "reminders.dm.newEpisode": "🆕 **{title}** の {code} が公開されました。",
    "reminders.dm.newFirst":
      "最新まで見ているシリーズに新しいエピソードが出たらお知らせし、止まっているシリーズもリマインドします。`/リマインダー オフ` ですべて止まり、`/リマインダー シリーズ` で 1 つのシリーズだけ止められます。",
    "reminders.button.markShow": "{code} を視聴済みにする — {title}",
    "reminders.button.mark": "{code} を視聴済みにする",
    "reminders.button.snooze": "1 週間お休み",
    "reminders.button.stopShow": "このシリーズは止める",
    "reminders.button.stop": "止める",
    "reminders.button.settings": "設定",
    "reminders.quiet.ambiguous":
      "{early} と {late} のどちらから始まりますか？「{as24}」または「{asPm}」のように書いてください（24 時間表記、または am/pm 付き）。",
    "reminders.quiet.bad": "おやすみ時間は「22:00-08:00」や「10pm-8am」のように書きます（開始と終了は別の時刻）。または「off」。",
    "reminders.zone.pick": "一覧からタイムゾーンを選んでください。例：Asia/Tokyo",
    "reminders.zone.unknown": "「{zone}」はタイムゾーンではありません。一覧から選んでください。例：Asia/Tokyo",
    "reminders.badDays": "日数は {min, number} から {max, number} までの整数で指定してください。",
    "reminders.dmsClosed":
      "📭 リマインダーを DM で送れませんでした。DM が受け取れない設定になっています。受け取るには **ユーザー設定 → コンテンツ・ソーシャル** でサーバーメンバーからの DM を許可してください（または、共通のサーバーの **プライバシー設定 → ダイレクトメッセージ**）。いま使ってもらえたので、もう一度送ってみます。",
  },
  commands: {},
};
