// What an imported file may be, and the one error a reader throws: a sentence meant for the person
// who attached the file (private, plain, saying what to do), never a stack trace.
import { english, type MessageKey, type MessageValues, type Translator } from "../../i18n/index.ts";

/** Checked before (compressed size) and while (everything else) a file is read. */
export const IMPORT_LIMITS = {
  /** The attachment itself: the command can refuse a larger one before downloading it. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Everything a ZIP (or .gz) expands to, by its headers and again while inflating. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Files in one ZIP (a TV Time export has a few dozen). */
  maxZipEntries: 2_000,
  /** Uncompressed / compressed for one ZIP member: CSV and JSON compress 5–20×; a bomb, 1,000×. */
  maxCompressionRatio: 200,
  /** CSV rows and JSON items, across the whole file. */
  maxRows: 500_000,
  /** Cells in one CSV row (exports have a dozen or two columns). */
  maxCellsPerRow: 1_000,
  /** Characters in one CSV cell (a long Letterboxd review fits). */
  maxCellChars: 100_000,
  /** One JSON file, before it is parsed (a Trakt history page of 20,000+ plays is a few MB). */
  maxJsonBytes: 50 * 1024 * 1024,
  /** Rows that could not be read are listed up to this many (and counted in full). */
  maxSkippedListed: 100,
} as const;

/** A refusal's sentence in the catalogue (src/i18n/catalogues/en/imports.ts). */
export type ImportRefusal = Extract<MessageKey, `imports.refused.${string}`>;

/**
 * Why a file was refused as a whole; nothing of it is read. `key` and `values` say it in any
 * language (`say(t)`, as /import does); `message` is the English sentence, for direct callers.
 */
export class ImportFileError extends Error {
  override name = "ImportFileError";
  constructor(
    readonly key: ImportRefusal,
    readonly values: MessageValues = {},
  ) {
    super(english(key, { ...values, accepted: english("imports.accepted") }));
  }

  /** The refusal in `t`'s language. */
  say(t: Translator): string {
    return t(this.key, { ...this.values, accepted: t("imports.accepted") });
  }
}

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
