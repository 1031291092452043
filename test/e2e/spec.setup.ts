// A setup file (vitest.config.ts): run before every test file of the projects that hold
// end-to-end tests. It fails an end-to-end test whose Discord traffic departs from the spec
// (test/e2e/held-to-spec.ts, which the file has imported and so started watching). Registered here
// rather than in that module because a module is evaluated once per worker when files share the
// module cache, and its hooks would then run for the first file only.
import { afterAll, afterEach, beforeAll } from "vitest";

let check: { take(): string | undefined } | undefined;

function failOnSpecDepartures(): void {
  const report = check?.take();
  if (report) throw new Error(report);
}

// Vitest reads the first parameter's destructuring for fixtures: none are used here.
// oxlint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  check = undefined;
  const path = ("filepath" in suite ? suite.filepath : suite.file?.filepath) ?? "";
  if (!/[/\\]test[/\\]e2e[/\\]/.test(path)) return;
  check = (await import("./held-to-spec.ts")).specCheck;
  // What earlier files of this worker made (tests of the sandbox itself) is not this file's.
  check.take();
});
afterEach(failOnSpecDepartures);
afterAll(failOnSpecDepartures);
