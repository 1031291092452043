// /link's card and /account's: whom you are linked to, what is stored, and deleting the Discord side.
import {
  accountDeleteButton,
  accountDeleteCancelButton,
  accountDeleteConfirmButton,
  accountExportAsButton,
  accountExportButton,
  accountImportButton,
  accountResumeButton,
} from "./component-ids.ts";
import { english, type Translator } from "../i18n/index.ts";
import { button, ButtonStyle, linkButton, rows } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { plain } from "./text.ts";
import { BRAND, DANGER } from "./vocabulary.ts";

/** `/link`: the one-time code's page, the code itself and when it expires; `linkedTo` asks before a switch. */
export function linkCard(
  args: { code: string; pageUrl: string; expiresAt: number; linkedTo: string | null },
  t: Translator = english,
): MessageView {
  const expires = `<t:${Math.floor(args.expiresAt / 1000)}:R>`;
  const already = args.linkedTo === null ? "" : `\n\n${t("account.link.already", { name: plain(args.linkedTo) })}`;
  return message({
    embeds: [
      {
        title: t("account.link.title"),
        description: t("account.link.description", { expires, code: args.code }) + already,
        color: BRAND,
      },
    ],
    components: rows(linkButton(`${args.pageUrl}#${args.code}`, t("account.link.button.open"))),
  });
}

/** What /account reads from Convex (api.bot.linking.account). */
export interface AccountSummary {
  linkedTo: string | null;
  linkedVia: string | null;
  titles: number;
  watchedEpisodes: number;
  lists: number;
  reminders: number;
  parties: number;
  /** Counts at or past it read "N+". */
  countLimit: number;
  merge: { state: string; text: string } | null;
}

const counted = (n: number, limit: number, t: Translator) => (n >= limit ? t("account.atLeast", { count: limit }) : t.number(n));

/** `/account`: whom you are linked to, what is stored, and its buttons. */
export function accountCard(info: AccountSummary, t: Translator = english): MessageView {
  const linked =
    info.linkedTo === null
      ? t("account.notLinked")
      : t("account.linked", { name: plain(info.linkedTo), oauth: String(info.linkedVia === "oauth") });
  const stored = t("account.stored", {
    titles: counted(info.titles, info.countLimit, t),
    episodes: info.watchedEpisodes,
    lists: info.lists,
    reminders: info.reminders,
    parties: info.parties,
  });
  const fields = [
    { name: t("account.field.account"), value: linked },
    { name: t("account.field.stored"), value: stored },
    // Convex writes the merge's progress line (convex/bot/linking.ts), in English.
    ...(info.merge === null ? [] : [{ name: t("account.field.merge"), value: plain(info.merge.text) }]),
  ];
  return message({
    embeds: [{ title: t("account.title"), color: BRAND, fields }],
    components: rows(
      button({ customId: accountExportButton.encode({}), label: t("account.button.export"), emoji: { name: "📦" } }),
      button({ customId: accountExportAsButton.encode({ format: "letterboxd" }), label: t("account.button.letterboxd") }),
      button({ customId: accountExportAsButton.encode({ format: "trakt" }), label: t("account.button.trakt") }),
      button({ customId: accountImportButton.encode({}), label: t("account.button.import"), emoji: { name: "📥" } }),
      button({ customId: accountDeleteButton.encode({}), label: t("account.button.delete"), style: ButtonStyle.Danger }),
      info.merge?.state === "failed" &&
        button({ customId: accountResumeButton.encode({}), label: t("account.button.resume"), style: ButtonStyle.Primary }),
    ),
  });
}

/** "Delete your Discord data?": what goes, what stays, and the two buttons. */
export function accountDeleteQuestion(t: Translator = english): MessageView {
  return message({
    embeds: [
      {
        title: t("account.delete.title"),
        description: t("account.delete.description"),
        color: DANGER,
      },
    ],
    components: rows(
      button({ customId: accountDeleteConfirmButton.encode({}), label: t("account.delete.button.confirm"), style: ButtonStyle.Danger }),
      button({ customId: accountDeleteCancelButton.encode({}), label: t("account.delete.button.cancel"), style: ButtonStyle.Secondary }),
    ),
  });
}
