/**
 * Imported by every end-to-end test file (through harness.ts, or directly where a test makes its
 * own Discord sandbox): every REST exchange of every Discord sandbox the file makes — the bot's and
 * Convex's requests, the sandbox's answers — is validated against Discord's official OpenAPI spec
 * (sandbox/discord/spec) after each test, and after the file's last hooks for what a stop sends;
 * so are the objects in its gateway events (messages, channels, guilds, roles, members) against the
 * REST schemas of the same objects. A test whose traffic departs from the spec fails, listing each
 * departure: route or event, status, request or response, field, why.
 *
 * Importing this starts the watching (one watcher per worker: files share the module cache). The
 * hooks that fail a test are registered for each file by test/e2e/spec.setup.ts, a setup file:
 * hooks registered here would belong only to the first file of each worker that imports it.
 */
import { SpecCheck } from "../../sandbox/discord/spec/check.ts";

export const specCheck = new SpecCheck();
specCheck.watchEverySandbox();
