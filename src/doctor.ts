// `npm run doctor`: checks a production setup end to end — the settings, the Discord token, the
// Convex deployment and its secret, TMDB, the registered commands — and prints one line per
// check; each failure says what to do. Exits 1 when anything failed. Reads `.env` like `npm start`.
import { commandDefinitions } from "./commands/index.ts";
import { inviteLines } from "./lib/doctor-invite.ts";
import { runDoctor, type Finding } from "./lib/doctor.ts";
import { processEnv } from "./lib/env.ts";

const MARK: Record<Finding["level"], string> = { ok: "✓", warn: "!", fail: "✗" };

const { findings, applicationId } = await runDoctor(processEnv(), { definitions: commandDefinitions() });
for (const finding of findings) console.log(`${MARK[finding.level]} ${finding.line}`);
const failed = findings.filter((finding) => finding.level === "fail").length;
if (applicationId) {
  console.log("");
  for (const line of inviteLines(applicationId)) console.log(line);
}
console.log("");
console.log(
  failed === 0
    ? "All checks passed: npm start (or docker compose up -d) will run the bot."
    : `${failed} check${failed === 1 ? "" : "s"} failed: fix the lines marked ✗ and run npm run doctor again.`,
);
process.exitCode = failed === 0 ? 0 : 1;
