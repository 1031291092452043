/**
 * Checks REST exchanges against Discord's official OpenAPI spec (openapi.json here, vendored
 * unchanged from github.com/discord/discord-api-spec under its MIT licence; see README.md).
 * Ajv reads the spec as it is: OpenAPI 3.1 schemas are JSON Schema 2020-12.
 *
 * Where the spec is narrower than real Discord, real Discord wins (allowed below, each named):
 * - 400 "Invalid Form Body" (50035) field errors carry string codes (`BASE_TYPE_MAX_LENGTH`);
 * - a 429 body may omit `code`;
 * - no 5xx answer is listed;
 * - a bot's message content is limited to 2,000 characters, not the spec's 4,000: a request of
 *   2,001–4,000 is valid by the spec and the sandbox refuses it with 50035 (a 400, which is listed).
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { RestExchange } from "../rest/router.ts";

export type { RestExchange } from "../rest/router.ts";

const SPEC_ID = "discord-openapi";

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

type Spec = { paths: Record<string, Record<string, unknown>>; components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } };

/** One way an exchange does not conform. */
export interface SpecProblem {
  exchange: string;
  side: "request" | "response";
  errors: string[];
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export class DiscordSpec {
  private readonly spec: Spec;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly paths: Array<{ template: string; re: RegExp; literals: number }>;

  constructor(file = new URL("./openapi.json", import.meta.url)) {
    this.spec = JSON.parse(readFileSync(file, "utf8")) as Spec;
    // Formats (int64, uri …) are not checked: the sandbox's values are typed by the schemas' own patterns and types.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false });
    this.ajv.addSchema(this.spec as object, SPEC_ID);
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
    const errors = this.validate(`${at}/content/${pointer("application/json")}/schema`, exchange.response).filter((e) => !knownQuirk(exchange, e));
    if (errors.length > 0) problems.push({ exchange: name, side: "response", errors });
    return problems;
  }

  private validate(at: string, value: unknown): string[] {
    let validate = this.compiled.get(at);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/${at}` });
      this.compiled.set(at, validate);
    }
    if (validate(value)) return [];
    return leafErrors(validate.errors ?? []);
  }
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
  // 50035's field errors carry string codes (BASE_TYPE_MAX_LENGTH …); the spec types them as integers.
  // Ajv then reports the whole `errors` tree (at /errors or below) as not matching.
  if (exchange.status === 400 && /^\/errors[/ ]/.test(error)) return true;
  // A 429 body may omit `code`.
  if (exchange.status === 429 && /must have required property 'code'/.test(error)) return true;
  return false;
}
