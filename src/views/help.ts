import { english, type MessageKey, type Translator } from "../i18n/index.ts";
import { message, type MessageView } from "./message.ts";
import { BRAND } from "./vocabulary.ts";

/** The card's sections, in order: each is `help.<section>.name` and `help.<section>.value` in the catalogue. */
const SECTIONS = ["episodes", "list", "parties", "serverList", "reminders", "stats", "account", "tips"] as const;

/** `/help`: what the app can do, with examples, in the reader's language (command names as their Discord shows them). */
export function helpCard(t: Translator = english): MessageView {
  return message({
    embeds: [
      {
        title: t("help.title"),
        description: t("help.description"),
        color: BRAND,
        fields: SECTIONS.map((section) => ({
          name: t(`help.${section}.name` as MessageKey),
          value: t(`help.${section}.value` as MessageKey),
        })),
        footer: { text: t("help.footer") },
      },
    ],
  });
}
