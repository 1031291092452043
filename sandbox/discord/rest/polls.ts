/**
 * Native polls on messages, as Discord has them: a question (≤ 300 characters), 1–10 answers
 * (≤ 55 characters each), a duration of 1 hour to 32 days, on the sandbox clock. People vote
 * with the `vote "ANSWER"` script line; a poll can't be edited; `POST
 * /channels/{c}/polls/{m}/expire` ends one early; results are final once it has ended, and
 * `GET …/polls/{m}/answers/{a}` lists who voted for an answer, as Discord pages it: by user id,
 * `limit` 1–100 (25 when left out) after the id in `after`.
 */
import { DiscordErrors, DiscordHttpError, FormErrors } from "../errors.ts";
import { messageObject, userObject } from "../serialize.ts";
import type { SandboxMessage } from "../types.ts";
import type { World } from "../world.ts";
import { channelById } from "./messages.ts";
import type { Route, RestCore } from "./router.ts";

export const POLL_ANSWERS_MAX = 10;
export const POLL_QUESTION_MAX = 300;
export const POLL_ANSWER_MAX = 55;
export const POLL_HOURS_MAX = 32 * 24;

export interface SandboxPoll {
  question: string;
  answers: Array<{ id: number; text: string }>;
  allowMultiselect: boolean;
  expiry: number;
  /** Ended early by `expire`. */
  endedAt: number | null;
  /** Voter id → the answers they chose. */
  votes: Map<string, Set<number>>;
}

const byWorld = new WeakMap<World, Map<string, SandboxPoll>>();

/** Every poll, by the id of the message it is on. */
export function pollsOf(world: World): Map<string, SandboxPoll> {
  let polls = byWorld.get(world);
  if (polls === undefined) {
    polls = new Map();
    byWorld.set(world, polls);
  }
  return polls;
}

const ended = (poll: SandboxPoll, now: number) => poll.endedAt !== null || now >= poll.expiry;

/** Checks a poll in a new message (Discord's 50035 form errors). */
export function checkPoll(poll: any): void {
  const errs = new FormErrors();
  const text = (v: any) => (v && typeof v === "object" && typeof v.text === "string" ? v.text : null);
  const question = text(poll?.question);
  if (question === null || question.length < 1 || question.length > POLL_QUESTION_MAX)
    errs.add(["poll", "question", "text"], "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${POLL_QUESTION_MAX} in length.`);
  const answers = poll?.answers;
  if (!Array.isArray(answers) || answers.length < 1 || answers.length > POLL_ANSWERS_MAX) {
    errs.add(["poll", "answers"], "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${POLL_ANSWERS_MAX} in length.`);
  } else {
    answers.forEach((a: any, i: number) => {
      const t = text(a?.poll_media);
      if (t === null || t.length < 1 || t.length > POLL_ANSWER_MAX)
        errs.add(
          ["poll", "answers", i, "poll_media", "text"],
          "BASE_TYPE_BAD_LENGTH",
          `Must be between 1 and ${POLL_ANSWER_MAX} in length.`,
        );
    });
  }
  const hours = poll?.duration ?? 24;
  if (!Number.isInteger(hours) || hours < 1 || hours > POLL_HOURS_MAX)
    errs.add(["poll", "duration"], "NUMBER_TYPE_MAX", `int value should be between 1 and ${POLL_HOURS_MAX}.`);
  if (poll?.allow_multiselect !== undefined && typeof poll.allow_multiselect !== "boolean")
    errs.add(["poll", "allow_multiselect"], "BASE_TYPE_BOOLEAN", "Must be either true or false.");
  if (!errs.empty) throw DiscordErrors.invalidForm(errs);
}

/** Attaches a checked poll to the message just created. */
export function createPoll(world: World, m: SandboxMessage, poll: any, now: number): void {
  pollsOf(world).set(m.id, {
    question: poll.question.text,
    answers: poll.answers.map((a: any, i: number) => ({ id: i + 1, text: a.poll_media.text })),
    allowMultiselect: poll.allow_multiselect === true,
    expiry: now + (poll.duration ?? 24) * 3_600_000,
    endedAt: null,
    votes: new Map(),
  });
}

/** The `poll` field of a message object, with the results as Discord reports them. */
export function pollObject(world: World, messageId: string, now: number) {
  const poll = pollsOf(world).get(messageId);
  if (poll === undefined) return undefined;
  const counts = poll.answers.map((a) => ({
    id: a.id,
    count: [...poll.votes.values()].filter((s) => s.has(a.id)).length,
    me_voted: false,
  }));
  return {
    question: { text: poll.question },
    answers: poll.answers.map((a) => ({ answer_id: a.id, poll_media: { text: a.text } })),
    expiry: new Date(poll.endedAt ?? poll.expiry).toISOString(),
    allow_multiselect: poll.allowMultiselect,
    layout_type: 1,
    results: { is_finalized: ended(poll, now), answer_counts: counts.filter((c) => c.count > 0) },
  };
}

/** A person's vote on the newest poll they can see here with this answer; a reason when Discord's client would refuse it. */
export function vote(
  world: World,
  messages: SandboxMessage[],
  userId: string,
  answer: string,
  now: number,
): { message: SandboxMessage; answer: string } | { refused: string } | null {
  const polls = pollsOf(world);
  for (const m of [...messages].reverse()) {
    const poll = polls.get(m.id);
    const choice = poll?.answers.find((a) => a.text === answer) ?? poll?.answers.find((a) => a.text.toLowerCase() === answer.toLowerCase());
    if (poll === undefined || choice === undefined) continue;
    if (ended(poll, now)) return { refused: "the poll has ended" };
    const mine = poll.votes.get(userId) ?? new Set<number>();
    if (!poll.allowMultiselect) mine.clear();
    mine.add(choice.id);
    poll.votes.set(userId, mine);
    return { message: m, answer: choice.text };
  }
  return null;
}

export function pollRoutes(route: Route, core: RestCore): void {
  const { world } = core;
  const pollMessage = (channelId: string, messageId: string, ctx: Parameters<typeof channelById>[2]) => {
    const ch = channelById(core, channelId, ctx);
    const m = world.message(messageId);
    if (!m || m.deleted || m.channelId !== ch.id) throw DiscordErrors.unknownMessage();
    const poll = pollsOf(world).get(m.id);
    if (poll === undefined) throw new DiscordHttpError(400, 520_001, "Message has no poll");
    return { m, poll };
  };
  route("POST", "/channels/:channel/polls/:message/expire", true, (ctx) => {
    const { m, poll } = pollMessage(ctx.params.channel!, ctx.params.message!, ctx);
    if (poll.endedAt === null && core.config.now() < poll.expiry) poll.endedAt = core.config.now();
    // Discord answers with the whole message, its poll now ended.
    return { status: 200, body: { ...messageObject(world, m), poll: pollObject(world, m.id, core.config.now()) } };
  });
  route("GET", "/channels/:channel/polls/:message/answers/:answer", true, (ctx) => {
    const { poll } = pollMessage(ctx.params.channel!, ctx.params.message!, ctx);
    const id = Number(ctx.params.answer);
    if (!poll.answers.some((a) => a.id === id)) throw new DiscordHttpError(404, 10_027, "Unknown answer");
    const errs = new FormErrors();
    const limitText = ctx.query.get("limit");
    const limit = limitText === null ? 25 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      errs.add(["limit"], "NUMBER_TYPE_MAX", "int value should be between 1 and 100.");
    const afterText = ctx.query.get("after");
    if (afterText !== null && !/^\d{1,20}$/.test(afterText))
      errs.add(["after"], "NUMBER_TYPE_COERCE", `Value "${afterText.slice(0, 30)}" is not snowflake.`);
    if (!errs.empty) throw DiscordErrors.invalidForm(errs);
    const after = afterText === null ? -1n : BigInt(afterText);
    const users = [...poll.votes.entries()]
      .filter(([userId, s]) => s.has(id) && BigInt(userId) > after)
      .map(([userId]) => userId)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .slice(0, limit)
      .flatMap((userId) => {
        const u = world.userById(userId);
        return u ? [userObject(u)] : [];
      });
    return { status: 200, body: { users } };
  });
}
