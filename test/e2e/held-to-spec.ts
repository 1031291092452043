/**
 * Imported by every end-to-end test file (through harness.ts, or directly where a test makes its
 * own Discord sandbox): every REST exchange of every Discord sandbox the file makes — the bot's and
 * Convex's requests, the sandbox's answers — is validated against Discord's official OpenAPI spec
 * (sandbox/discord/spec) after each test, and after the file's last hooks for what a stop sends;
 * so are the objects in its gateway events (messages, channels, guilds, roles, members) against the
 * REST schemas of the same objects. A test whose traffic departs from the spec fails, listing each
 * departure: route or event, status, request or response, field, why.
 */
import { afterAll, afterEach } from "vitest";
import { SpecCheck } from "../../sandbox/discord/spec/check.ts";

const specCheck = new SpecCheck();
specCheck.watchEverySandbox();

function failOnSpecDepartures(): void {
  const report = specCheck.take();
  if (report) throw new Error(report);
}
afterEach(failOnSpecDepartures);
afterAll(failOnSpecDepartures);
