// Reading a native poll's results once it has closed, for the two kinds of poll the deployment
// posts (a party's session times, convex/sessions/polls.ts; the server's list, convex/serverList/jobs.ts).
// Discord finalises the counts a moment after the poll expires: until then, look again later.
import type { DiscordResult } from "./discord";
import { getMessage } from "./discord";
import { retryDelay } from "../sessions/posts";

/** Looks this many times before taking the counts as they stand. */
const READ_ATTEMPTS = 10;
/** Between looks while the counts aren't final yet. */
const NOT_FINAL_WAIT_MS = 30_000;

/** Discord's counts, as it sends them (each answer's `me_voted` too). */
export type AnswerCount = { id: number; count: number };

export type PollReading =
  /** Not final yet (or Discord is unavailable): look again after `delayMs`. */
  | { kind: "later"; delayMs: number }
  /**
   * The counts to close with: final ones, or whatever there was once looking again makes no sense
   * (the message is gone, or `READ_ATTEMPTS` looks in). `read` is Discord's answer, for the log.
   */
  | { kind: "counts"; counts: AnswerCount[]; read: DiscordResult<unknown> };

export async function readPollResults(channelId: string, messageId: string, attempt: number): Promise<PollReading> {
  const read = await getMessage(channelId, messageId);
  const results = read.ok
    ? (read.data as { poll?: { results?: { is_finalized?: boolean; answer_counts?: AnswerCount[] } } }).poll?.results
    : undefined;
  if (!read.ok || results?.is_finalized !== true) {
    const gone = !read.ok && read.kind === "refused";
    if (!gone && attempt < READ_ATTEMPTS)
      return { kind: "later", delayMs: read.ok ? NOT_FINAL_WAIT_MS : (retryDelay(read, attempt) ?? NOT_FINAL_WAIT_MS) };
  }
  return { kind: "counts", counts: results?.answer_counts ?? [], read };
}
