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
import { button, ButtonStyle, linkButton, rows } from "./components.ts";
import { message, type MessageView } from "./message.ts";
import { plain, plural } from "./text.ts";
import { BRAND, DANGER } from "./vocabulary.ts";

/** `/link`: the one-time code's page, the code itself and when it expires; `linkedTo` asks before a switch. */
export function linkCard(args: { code: string; pageUrl: string; expiresAt: number; linkedTo: string | null }): MessageView {
  const expires = Math.floor(args.expiresAt / 1000);
  const already =
    args.linkedTo === null
      ? ""
      : `\n\nYou are linked to **${plain(args.linkedTo)}** now; linking another account switches the link (you will be asked first).`;
  return message({
    embeds: [
      {
        title: "Link your Film Fanatic account",
        description:
          "Open the link page, sign in to Film Fanatic and confirm. What you tracked here moves into your web library (where both have a title, the newer change wins; watched episodes are combined)." +
          `\n\nThe button works once and expires <t:${expires}:R>. It is only for you: don't share it.` +
          `\nOn the page, your code is \`${args.code}\`.` +
          already,
        color: BRAND,
      },
    ],
    components: rows(linkButton(`${args.pageUrl}#${args.code}`, "Open the link page")),
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

const counted = (n: number, limit: number) => (n >= limit ? `${limit.toLocaleString("en-US")}+` : n.toLocaleString("en-US"));

/** `/account`: whom you are linked to, what is stored, and its buttons. */
export function accountCard(info: AccountSummary): MessageView {
  const linked =
    info.linkedTo === null
      ? "Not linked — you have a Discord-only profile. `/link` links your Film Fanatic web account."
      : `Linked to **${plain(info.linkedTo)}**${info.linkedVia === "oauth" ? " (you signed in to Film Fanatic with Discord)" : ""}. \`/unlink\` unlinks.`;
  const stored = [
    `Titles: ${counted(info.titles, info.countLimit)}`,
    `Watched episodes: ${info.watchedEpisodes.toLocaleString("en-US")}`,
    `Custom lists: ${info.lists.toLocaleString("en-US")}`,
    `Reminder settings: ${plural(info.reminders, "show")}`,
    `Watch parties: ${info.parties.toLocaleString("en-US")}`,
  ].join("\n");
  const fields = [
    { name: "Account", value: linked },
    { name: "Stored", value: stored },
    ...(info.merge === null ? [] : [{ name: "Moving your Discord history", value: plain(info.merge.text) }]),
  ];
  return message({
    embeds: [{ title: "Your Film Fanatic account", color: BRAND, fields }],
    components: rows(
      button({ customId: accountExportButton.encode({}), label: "Export my data", emoji: { name: "📦" } }),
      button({ customId: accountExportAsButton.encode({ format: "letterboxd" }), label: "Letterboxd CSV" }),
      button({ customId: accountExportAsButton.encode({ format: "trakt" }), label: "Trakt JSON" }),
      button({ customId: accountImportButton.encode({}), label: "Import", emoji: { name: "📥" } }),
      button({ customId: accountDeleteButton.encode({}), label: "Delete my Discord data…", style: ButtonStyle.Danger }),
      info.merge?.state === "failed" &&
        button({ customId: accountResumeButton.encode({}), label: "Resume moving", style: ButtonStyle.Primary }),
    ),
  });
}

/** "Delete your Discord data?": what goes, what stays, and the two buttons. */
export function accountDeleteQuestion(): MessageView {
  return message({
    embeds: [
      {
        title: "Delete your Discord data?",
        description:
          "This deletes your Discord account record, pending link codes and party memberships — and, if you are not linked, everything you tracked here. " +
          "A linked Film Fanatic web account keeps its library (delete that on the website). This can't be undone.",
        color: DANGER,
      },
    ],
    components: rows(
      button({ customId: accountDeleteConfirmButton.encode({}), label: "Yes, delete it", style: ButtonStyle.Danger }),
      button({ customId: accountDeleteCancelButton.encode({}), label: "Keep my data", style: ButtonStyle.Secondary }),
    ),
  });
}
