/**
 * Checks REST exchanges against Discord's official OpenAPI spec (openapi.json here, vendored
 * unchanged from github.com/discord/discord-api-spec under its MIT licence; see README.md).
 * Ajv reads the spec as it is: OpenAPI 3.1 schemas are JSON Schema 2020-12. Gateway events are
 * not in the spec; the objects they carry are checked against the REST schemas (checkDispatch).
 *
 * Where the spec is narrower than real Discord, real Discord wins (allowed below, each named):
 * - 400 "Invalid Form Body" (50035) field errors carry string codes (`BASE_TYPE_MAX_LENGTH`): they
 *   are read as integers and the rest of the error tree is checked;
 * - a 429 body may omit `code`;
 * - no 5xx answer is listed;
 * - a bot's message content is limited to 2,000 characters, not the spec's 4,000: a request of
 *   2,001–4,000 is valid by the spec and the sandbox refuses it with 50035 (a 400, which is listed).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { RestExchange } from "../rest/router.ts";

export type { RestExchange } from "../rest/router.ts";

const SPEC_ID = "discord-openapi";

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

type Spec = { paths: Record<string, Record<string, unknown>>; components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } };

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** One way an exchange or a gateway event does not conform. */
export interface SpecProblem {
  exchange: string;
  side: "request" | "response" | "dispatch";
  errors: string[];
}

const MESSAGE = "components/schemas/MessageResponse";
const CHANNEL = pointer("paths", "/channels/{channel_id}", "get", "responses", "200", "content", "application/json", "schema");
const ROLE = "components/schemas/GuildRoleResponse";
const MEMBER = "components/schemas/GuildMemberResponse";
type Part = [at: string, schema: string, value: unknown];
const record = (d: unknown) => (typeof d === "object" && d !== null ? (d as Record<string, unknown>) : {});

/**
 * The gateway is not in the spec, but most events carry an object the REST API also answers with:
 * those are held to its schema (where in `d`, which schema). Extra gateway fields (a message's
 * `guild_id` and `member` …) are allowed, as the schemas allow them.
 */
const DISPATCHED_OBJECTS: Record<string, (d: Record<string, unknown>) => Part[]> = {
  MESSAGE_CREATE: (d) => [["", MESSAGE, d]],
  MESSAGE_UPDATE: (d) => [["", MESSAGE, d]],
  CHANNEL_CREATE: (d) => [["", CHANNEL, d]],
  CHANNEL_UPDATE: (d) => [["", CHANNEL, d]],
  CHANNEL_DELETE: (d) => [["", CHANNEL, d]],
  GUILD_CREATE: (d) => [["", "components/schemas/GuildResponse", d]],
  GUILD_ROLE_CREATE: (d) => [["/role", ROLE, d.role]],
  GUILD_ROLE_UPDATE: (d) => [["/role", ROLE, d.role]],
  GUILD_MEMBER_ADD: (d) => [["", MEMBER, d]],
  INTERACTION_CREATE: (d) => {
    const parts: Part[] = [["/channel", CHANNEL, d.channel]];
    if (d.member !== undefined) parts.push(["/member", MEMBER, d.member]);
    if (d.message !== undefined) parts.push(["/message", MESSAGE, d.message]);
    return parts;
  },
};


/**
 * Compiling one of the spec's schemas takes Ajv from tens of milliseconds up to half a second (a
 * message is a union of every component and embed kind), and every test file loads its modules
 * afresh. So each compiled validator is also kept on disk as Ajv's standalone code, keyed by the
 * spec's and Ajv's contents and options; test files running in parallel share it, and loading one
 * again takes a few milliseconds. The folder can be deleted at any time.
 */
const CACHE_DIR = fileURLToPath(new URL("../../../node_modules/.cache/discord-spec/", import.meta.url));
const requireForValidators = createRequire(import.meta.url);

export class DiscordSpec {
  private readonly spec: Spec;
  private readonly cacheKey: string;
  /** One Ajv per mode: `fast` stops at a value's first error, `full` (only for a value that failed) lists them all. */
  private readonly ajv: Partial<Record<Mode, Ajv2020>> = {};
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly paths: Array<{ template: string; re: RegExp; literals: number }>;

  /** `cache: false` compiles every schema afresh (no disk). */
  constructor(
    file = new URL("./openapi.json", import.meta.url),
    private readonly cache = true,
  ) {
    const text = readFileSync(file, "utf8");
    this.spec = JSON.parse(text) as Spec;
    const ajvVersion = (requireForValidators("ajv/package.json") as { version: string }).version;
    this.cacheKey = createHash("sha256").update(text).update(ajvVersion).update(JSON.stringify([ajvOptions("fast"), ajvOptions("full")])).digest("hex").slice(0, 16);
    this.paths = Object.keys(this.spec.paths).map((template) => ({
      template,
      re: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      literals: template.split("/").filter((segment) => segment && !segment.startsWith("{")).length,
    }));
  }

  /** The spec's path template for a concrete path (`/channels/1/messages` → `/channels/{channel_id}/messages`). */
  templateOf(path: string): string | undefined {
    return this.paths.filter((p) => p.re.test(path)).sort((a, b) => b.literals - a.literals)[0]?.template;
  }

  /** How a gateway event's objects depart from the REST schemas of the same objects (see DISPATCHED_OBJECTS). */
  checkDispatch(dispatch: { t: string; d: unknown }): SpecProblem[] {
    const parts = DISPATCHED_OBJECTS[dispatch.t]?.(record(dispatch.d)) ?? [];
    const errors = parts.flatMap(([at, schema, value]) =>
      this.validate(schema, value).map((e) => (at ? `${at}${e.startsWith("/ ") ? e.slice(1) : e}` : e)),
    );
    return errors.length === 0 ? [] : [{ exchange: dispatch.t, side: "dispatch", errors }];
  }

  /** Every way `exchange` departs from the spec, apart from the known quirks above. */
  check(exchange: RestExchange): SpecProblem[] {
    const name = `${exchange.method} ${exchange.path} → ${exchange.status}`;
    const template = this.templateOf(exchange.path);
    if (!template) return [{ exchange: name, side: "request", errors: ["no such path in Discord's spec"] }];
    const method = exchange.method.toLowerCase();
    const operation = this.spec.paths[template]?.[method] as Operation | undefined;
    if (!operation) return [{ exchange: name, side: "request", errors: [`the spec has no ${exchange.method} for ${template}`] }];
    const problems: SpecProblem[] = [];

    if (exchange.request !== undefined && operation.requestBody?.content) {
      const type = operation.requestBody.content["application/json"] ? "application/json" : Object.keys(operation.requestBody.content)[0]!;
      const errors = this.validate(pointer("paths", template, method, "requestBody", "content", type, "schema"), exchange.request);
      if (errors.length > 0) problems.push({ exchange: name, side: "request", errors });
    }

    const status = String(exchange.status);
    if (exchange.status >= 500) return problems; // Discord answers 5xx; the spec lists none.
    let response = operation.responses?.[status] ?? operation.responses?.[`${status[0]}XX`];
    let at = pointer("paths", template, method, "responses", status);
    if (!response) {
      problems.push({ exchange: name, side: "response", errors: [`the spec lists no ${status} answer (it lists ${Object.keys(operation.responses ?? {}).join(", ")})`] });
      return problems;
    }
    if (response.$ref) {
      at = response.$ref.slice(2);
      response = this.spec.components.responses[response.$ref.split("/").at(-1)!];
    }
    const schema = response?.content?.["application/json"]?.schema;
    if (schema === undefined) {
      if (exchange.response !== undefined) problems.push({ exchange: name, side: "response", errors: ["the spec says this answer has no body"] });
      return problems;
    }
    const body = exchange.status === 400 ? withIntegerFieldCodes(exchange.response) : exchange.response;
    const errors = this.validate(`${at}/content/${pointer("application/json")}/schema`, body).filter((e) => !knownQuirk(exchange, e));
    if (errors.length > 0) problems.push({ exchange: name, side: "response", errors });
    return problems;
  }

  private validate(at: string, value: unknown): string[] {
    // Many answers are one named schema (a message for every route that answers one): compile it once.
    at = this.followRefs(at);
    // A conforming value is checked by the validator that stops at the first error: with allErrors,
    // the spec's big unions (a message's components and embeds) cost milliseconds per exchange.
    if (this.validator(at, "fast")(value)) return [];
    const full = this.validator(at, "full");
    full(value);
    return leafErrors(full.errors ?? []);
  }

  private validator(at: string, mode: Mode): ValidateFunction {
    const key = `${mode} ${at}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.validatorAt(at, mode);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** The pointer a schema that is only a local `$ref` leads to (itself otherwise). */
  private followRefs(at: string): string {
    for (let hops = 0; hops < 10; hops++) {
      let node: unknown = this.spec;
      for (const part of at.split("/")) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      const ref = (node as { $ref?: unknown } | undefined)?.$ref;
      if (typeof ref !== "string" || !ref.startsWith("#/") || Object.keys(node as object).length !== 1) return at;
      at = ref.slice(2);
    }
    return at;
  }

  /** The validator for the schema at this JSON pointer into the spec: from the disk cache, else compiled (and cached). */
  private validatorAt(at: string, mode: Mode): ValidateFunction {
    const file = `${CACHE_DIR}${this.cacheKey}-${mode}-${createHash("sha256").update(at).digest("hex").slice(0, 16)}.cjs`;
    if (this.cache) {
      try {
        return loadValidator(file);
      } catch {
        // Not cached yet (or unreadable): compile below.
      }
    }
    const ajv = (this.ajv[mode] ??= newAjv(this.spec, mode));
    const validate = ajv.compile({ $ref: `${SPEC_ID}#/${at}` });
    if (this.cache) {
      try {
        mkdirSync(CACHE_DIR, { recursive: true });
        // Written aside and renamed: test files running in parallel never read half a file.
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, standaloneCode(ajv, validate));
        renameSync(partial, file);
      } catch {
        // A read-only checkout still validates, only more slowly.
      }
    }
    return validate;
  }
}

type Mode = "fast" | "full";

// Formats (int64, uri …) are not checked: the sandbox's values are typed by the schemas' own patterns and types.
const ajvOptions = (mode: Mode) => ({ strict: false, allErrors: mode === "full", validateFormats: false, logger: false as const, code: { source: true } });

function newAjv(spec: Spec, mode: Mode): Ajv2020 {
  const ajv = new Ajv2020(ajvOptions(mode));
  ajv.addSchema(spec as object, SPEC_ID);
  return ajv;
}

/** Ajv's standalone code is a CommonJS module (it requires Ajv's small runtime helpers, found from the cache folder). */
function loadValidator(file: string): ValidateFunction {
  const loaded = requireForValidators(file) as { default?: ValidateFunction };
  if (typeof loaded.default !== "function") throw new Error("not a cached validator");
  return loaded.default;
}

/**
 * Ajv reports every branch of an anyOf/oneOf; the spec's unions (components, embeds, messages)
 * make that hundreds of lines, most of them "type must be 2" from branches for other kinds.
 * Leave out those branch-picking errors when others name what is wrong.
 */
function leafErrors(errors: NonNullable<ValidateFunction["errors"]>): string[] {
  const picking = new Set(["anyOf", "oneOf", "enum", "const", "if", "allOf"]);
  const telling = errors.filter((e) => !picking.has(e.keyword));
  const shown = telling.length > 0 ? telling : errors;
  return [...new Set(shown.map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}${e.keyword === "required" ? "" : ` (${JSON.stringify(e.params)})`}`))];
}

function knownQuirk(exchange: RestExchange, error: string): boolean {
  // A 429 body may omit `code`.
  if (exchange.status === 429 && /must have required property 'code'/.test(error)) return true;
  return false;
}

/**
 * 50035's field errors carry string codes (BASE_TYPE_MAX_LENGTH …) where the spec types them as
 * integers. The body is validated with each string code read as 0, so the rest of the tree (a
 * field error without its code or message, a misplaced `_errors`) is still held to the spec.
 */
function withIntegerFieldCodes(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withIntegerFieldCodes);
  if (typeof body !== "object" || body === null) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) =>
      key === "_errors" && Array.isArray(value)
        ? [key, value.map((e: unknown) => (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? { ...e, code: 0 } : e))]
        : [key, withIntegerFieldCodes(value)],
    ),
  );
}
