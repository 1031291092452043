// 日本語：/連携、/連携解除、/アカウント（/link、/unlink、/account）。です・ます調。
import type { Area } from "../en.ts";

export const account: Area<"account"> = {
  messages: {
    "account.link.title": "Film Fanatic アカウントと連携する",
    "account.link.description":
      "連携ページを開き、Film Fanatic にサインインして確定してください。ここで記録した内容は Web のライブラリに移ります（同じ作品が両方にある場合は新しい変更が優先され、視聴済みのエピソードはまとめられます）。\n\nボタンは 1 回だけ使え、{expires}に期限が切れます。あなた専用なので、共有しないでください。\nページで入力するコードは `{code}` です。",
    "account.link.already": "現在 **{name}** と連携しています。別のアカウントと連携すると連携先が切り替わります（その前に確認します）。",
    "account.link.button.open": "連携ページを開く",
    "account.unlink.notLinked": "Film Fanatic アカウントと連携していません。`/連携` で連携できます。",
    "account.unlink.question":
      "**{name}** との連携を解除しますか？ Web のライブラリはすべて残りますが、Discord では空の Discord 専用プロフィールから始め直すことになります。あとで `/連携` で連携し直せます。",
    "account.unlink.button.confirm": "連携を解除",
    "account.unlink.button.cancel": "連携したままにする",
    "account.unlink.done":
      "**{name}** との連携を解除しました。Web のライブラリはすべて残ります。これからここで記録する内容は新しい Discord 専用プロフィールに入ります。`/連携` で連携し直せます。",
    "account.unlink.yourAccount": "Film Fanatic アカウント",
    "account.unlink.busy":
      "Discord の履歴をまだ Web のライブラリに移しています。1 分ほどしてからもう一度お試しください（進み具合は `/アカウント` で見られます）。",
    "account.unlink.kept": "**{name}** と連携したままです。何も変わっていません。",
    "account.title": "あなたの Film Fanatic アカウント",
    "account.field.account": "アカウント",
    "account.field.stored": "保存されている内容",
    "account.field.merge": "Discord の履歴を移行中",
    "account.notLinked": "連携していません。Discord 専用のプロフィールです。`/連携` で Film Fanatic の Web アカウントと連携できます。",
    "account.linked":
      "**{name}** と連携しています{oauth, select, true {（Discord で Film Fanatic にサインインしました）} other {}}。`/連携解除` で解除できます。",
    "account.stored":
      "作品：{titles}\n視聴済みエピソード：{episodes, number}\nカスタムリスト：{lists, number}\nリマインダー設定：{reminders, plural, other {# 作品}}\nウォッチパーティー：{parties, number}",
    "account.atLeast": "{count, number}+",
    "account.button.export": "データをエクスポート",
    "account.button.letterboxd": "Letterboxd CSV",
    "account.button.trakt": "Trakt JSON",
    "account.button.import": "インポート",
    "account.button.delete": "Discord のデータを削除…",
    "account.button.resume": "移行を再開",
    "account.delete.title": "Discord のデータを削除しますか？",
    "account.delete.description":
      "Discord のアカウント記録、未使用の連携コード、ウォッチパーティーの参加情報を削除します。連携していない場合は、ここで記録したすべても削除します。連携済みの Film Fanatic の Web アカウントのライブラリは残ります（そちらは Web サイトで削除してください）。元に戻せません。",
    "account.delete.button.confirm": "はい、削除します",
    "account.delete.button.cancel": "データを残す",
    "account.delete.nothing": "保存されているデータはありませんでした。",
    "account.delete.deleting": "🗑️ Discord のアカウント記録を削除しました。Discord 専用のライブラリはバックグラウンドで削除しています。",
    "account.delete.deletedAll": "🗑️ Discord のデータと、ここで記録したすべてを削除しました。",
    "account.delete.deletedLinked": "🗑️ Discord のデータを削除しました。連携済みの Web アカウントのライブラリは残ります。",
    "account.resume.done": "Discord の履歴の移行を再開しました。進み具合は `/アカウント` で見られます。",
    "account.resume.nothing": "再開が必要なものはありませんでした。",
    "account.size.mb": "{size, number, ::.0} MB",
    "account.size.kb": "{size, number} KB",
    "account.export.busy": "📦 エクスポートを準備中です。できしだいここに届きます。エクスポートは 1 回に 1 つずつでお願いします。",
    "account.export.tooLarge":
      "📦 エクスポートは {size} あり（圧縮しても、ここで Discord がボットに添付を許す {limit} を超えます）、ファイルとして送れません。連携していれば（`/連携`）、Film Fanatic の Web サイトにライブラリがあります。",
    "account.export.complete": "📦 Film Fanatic が保存しているあなたのデータのすべてです。",
    "account.export.partial": "📦 エクスポートがとても大きいため、このファイルには最初の部分だけが入っています。",
    "account.export.gzip": "Discord のファイルサイズ上限に収まるよう圧縮（gzip）しました。",
    "account.exportAs.tooLarge":
      "📦 このエクスポートは {size} あり、ここで Discord がボットに添付を許す {limit} を超えるため、ファイルとして送れません。",
    "account.exportAs.letterboxd":
      "📦 Letterboxd のインポート形式の映画 {titles, plural, other {# 本}}：映画のファイルは letterboxd.com/import に、ウォッチリストのファイル（ある場合）はウォッチリストのインポートページにアップロードしてください。Letterboxd に送れるのは映画だけです。",
    "account.exportAs.trakt":
      "📦 Trakt のエクスポート形式の {titles, plural, other {# 作品}}（視聴済みの映画とエピソード、ウォッチリスト、評価は 大好き / 好き / まあまあ / 好みじゃない を 10 / 7 / 5 / 2 として）。",
    "account.exportAs.partial": "ライブラリがとても大きいため、最初の部分だけが入っています。",
  },
  commands: {},
};
