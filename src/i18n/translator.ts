// The one way text reaches people in their language: ICU MessageFormat strings (plural,
// select, number and date arguments, read by FormatJS's intl-messageformat) from one
// catalogue per language, with plural rules and number and date formats from the runtime's
// own Intl. Runtime-neutral: the bot, the HTTP door and Convex (boards, DMs) use it alike.
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageKey } from "./catalogues/en.ts";
import { CATALOGUES, catalogueFor, DISCORD_LOCALES, type CatalogueId } from "./locales.ts";

/** What a placeholder may be given: text is inserted as is (make it inert first), numbers and dates are formatted. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** Text in one person's (or server's) language, and numbers and dates in their conventions. */
export interface Translator {
  /** The catalogue the text comes from ("de", "es", "pt-BR"). */
  readonly catalogue: CatalogueId;
  /** The Discord locale numbers and dates follow ("en-GB" writes dates the British way from the English catalogue). */
  readonly locale: string;
  (key: MessageKey, values?: MessageValues): string;
  /** "1,234" · "1.234" · "1 234". */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A date or time written out in this locale (a Discord timestamp is better where the reader's own clock matters). */
  date(when: Date | number, options: Intl.DateTimeFormatOptions): string;
}

const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<string, Translator>();

function format(catalogue: CatalogueId, locale: string, key: MessageKey, values: MessageValues | undefined): string {
  const cacheKey = `${catalogue}\u0000${locale}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (message === undefined) {
    message = new IntlMessageFormat(CATALOGUES[catalogue].messages[key], [locale, catalogue, "en-US"]);
    compiled.set(cacheKey, message);
  }
  return String(message.format(values as Record<string, string | number | Date> | undefined));
}

/**
 * The translator for a Discord locale ("de", "es-419", "en-GB"): its catalogue, else its
 * language's ("es-419" → es), else English. A message that fails to format (a value missing
 * — the catalogue tests keep that from shipping) falls back to English rather than failing the reply.
 */
export function translator(discordLocale: string | null | undefined): Translator {
  const given = typeof discordLocale === "string" && validLocale(discordLocale) ? discordLocale : "en-US";
  // Discord's own codes keep their conventions (en-GB); any other tag reads as its catalogue, so the caches stay small.
  const locale = (DISCORD_LOCALES as readonly string[]).includes(given)
    ? given
    : catalogueFor(given) === "en"
      ? "en-US"
      : catalogueFor(given);
  const cached = translators.get(locale);
  if (cached) return cached;
  const catalogue = catalogueFor(locale);
  const numbers = new Map<string, Intl.NumberFormat>();
  const t = ((key: MessageKey, values?: MessageValues) => {
    try {
      return format(catalogue, locale, key, values);
    } catch (error) {
      if (catalogue === "en") throw error;
      return format("en", "en-US", key, values);
    }
  }) as Translator;
  Object.defineProperties(t, {
    catalogue: { value: catalogue },
    locale: { value: locale },
    number: {
      value: (n: number, options?: Intl.NumberFormatOptions) => {
        const id = JSON.stringify(options ?? {});
        let formatter = numbers.get(id);
        if (formatter === undefined) numbers.set(id, (formatter = new Intl.NumberFormat(locale, options)));
        return formatter.format(n);
      },
    },
    date: { value: (when: Date | number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options).format(when) },
  });
  translators.set(locale, t);
  return t;
}

/** A BCP 47 tag Intl accepts (Discord's codes all are; anything else is read as English). */
function validLocale(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** English, for code that has no person to ask (logs aside, the default of every view). */
export const english: Translator = translator("en-US");
