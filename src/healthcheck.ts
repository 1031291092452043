// The image's HEALTHCHECK: exit 0 while every shard of the bot is connected to Discord
// (a heartbeat in HEALTH_DIR newer than 45 s), else 1 with the reason.
import { heartbeatProblem } from "./lib/doctor-health.ts";

const dir = process.env.HEALTH_DIR;
const problem = dir ? heartbeatProblem(dir) : "HEALTH_DIR is not set";
if (problem) console.error(problem);
process.exit(problem ? 1 : 0);
